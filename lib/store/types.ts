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
  /** Stores a report prepared elsewhere (lib/store/prepare.ts, on a worker thread) with this store's salt. */
  insert(prepared: PreparedReport): Promise<SaveReceipt>;
  /** The instance's redaction salt, for preparing a report elsewhere. */
  readonly redactionSalt: string;
  /** The limits this store saves within. */
  readonly limits: StoreLimits;
  get(id: string): Promise<StoredReport | undefined>;
  /** Newest first. For the administrator only: ids are the capability that opens a report. */
  list(options: ListOptions): Promise<ReportSummary[]>;
  /** Deletes a report for its saver (manage token) or the administrator. */
  delete(id: string, credential: DeleteCredential): Promise<DeleteOutcome>;
  close(): Promise<void>;
}
