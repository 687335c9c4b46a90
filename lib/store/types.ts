import type { PreparedReport, StoreLimits } from './prepare';
import type {
  DeleteCredential,
  DeleteOutcome,
  ListOptions,
  ReportSummary,
  SaveOptions,
  SaveReceipt,
  StoredReport,
} from '../model/saved-report';
import type { FleetRun } from '../model/fleet';

/** A scheduled scan of one registered cluster for one period: what makes a due scan unique. */
export interface RunKey {
  clusterId: string;
  /** ISO 8601, UTC. */
  periodStart: string;
}

/** Runs SQL inside the ledger's transaction (the shape pg-boss takes as its `db` option). */
export interface SqlRunner {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Where an inserted report is filed. */
export interface InsertOptions {
  /** The registered cluster it belongs to. */
  cluster?: string;
  /**
   * The scheduled scan it is the result of: the run is marked done in the same transaction, and when another
   * attempt already finished that run nothing is stored (AppError 'conflict'), so a period never has two reports.
   */
  run?: RunKey;
}

/** How each scheduled scan went, one row per cluster and period. */
export interface FleetRunLedger {
  /**
   * Claims a period's scan: true for the first caller only, whichever replica it runs in. `alongside` runs in the
   * same transaction (PostgreSQL: it queues the job), so a claim never exists without its job; a throw there undoes
   * the claim. SQLite takes no `alongside`: one process runs its scans itself.
   */
  claim(key: RunKey, alongside?: (db: SqlRunner) => Promise<void>): Promise<boolean>;
  /** Records progress: running (one more attempt), done with its report, or failed with the reason. */
  mark(
    key: RunKey,
    update: { state: 'running' } | { state: 'done'; reportId: string } | { state: 'failed'; error: string },
  ): Promise<void>;
  /** The newest run of each of these clusters. */
  latest(clusterIds: readonly string[]): Promise<Map<string, FleetRun>>;
  /** Runs claimed but not finished and untouched since `before`: their process ended mid-scan. */
  stale(before: Date): Promise<RunKey[]>;
}

/**
 * Where saved reports live. Reports are immutable once saved: there is no update, and the database rejects one.
 * Ids are unguessable; an unknown or malformed id reads as undefined. Errors are AppError (lib/errors.ts):
 * invalid-input (names the first bad field), too-large; when opening: unreachable, unauthorized (PostgreSQL login).
 */
export interface ReportStore {
  /**
   * Saves a report. It is redacted first when asked, and always when it arrives marked redacted (the claim is not
   * trusted): with the instance's own salt, so redacted reports of one cluster stay comparable.
   */
  save(report: unknown, options: SaveOptions): Promise<SaveReceipt>;
  /**
   * Stores a report prepared elsewhere (lib/store/prepare.ts, on a worker thread) with this store's salt, filed
   * under a registered cluster when `cluster` is given.
   */
  insert(prepared: PreparedReport, options?: InsertOptions): Promise<SaveReceipt>;
  /** The instance's redaction salt, for preparing a report elsewhere. */
  readonly redactionSalt: string;
  /** The limits this store saves within. */
  readonly limits: StoreLimits;
  get(id: string): Promise<StoredReport | undefined>;
  /** Newest first. For the administrator only: ids are the capability that opens a report. */
  list(options: ListOptions): Promise<ReportSummary[]>;
  /** The newest `perCluster` reports filed under each of these registered clusters, newest first. */
  clusterReports(clusterIds: readonly string[], perCluster: number): Promise<Map<string, ReportSummary[]>>;
  /** The ledger of scheduled scans. */
  readonly runs: FleetRunLedger;
  /** Deletes a report for its saver (manage token) or the administrator. */
  delete(id: string, credential: DeleteCredential): Promise<DeleteOutcome>;
  close(): Promise<void>;
}
