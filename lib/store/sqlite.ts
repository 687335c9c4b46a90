import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { isReportId } from './ids';
import {
  checkListOptions,
  parseStoredReport,
  prepareReport,
  receiptOf,
  type PreparedReport,
  type StoreLimits,
} from './prepare';
import { migrateSqlite } from './sqlite-schema';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './summary-row';
import { manageTokenMatches, newInstanceSalt, SALT_SETTING } from './secrets';
import type { FleetRunLedger, InsertOptions, ReportStore, RunKey } from './types';
import type { DeleteOutcome } from '../model/saved-report';
import { byCluster, checkClusterQuery, MAX_RUN_ERROR, runAlreadyDone, toFleetRun, type RunRow } from './fleet-rows';
import type { FleetRun } from '../model/fleet';

export interface SqliteStoreOptions extends StoreLimits {
  /** The database file; its directory is created. */
  path: string;
  /** Test seam: runs inside the save transaction, after the insert. A throw rolls the save back. */
  insideSaveTransaction?: () => void;
}

/** Runs synchronous work as a promise, so a throw is a rejection, as with the PostgreSQL store. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}

function open(file: string): Database.Database {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'unreachable',
      `Cannot open the report database at ${file}: ${reason}. Check RELEASE_LENS_SQLITE_PATH and that the directory is writable.`,
      undefined,
      { cause: error },
    );
  }
}

/** Reports in one SQLite file (WAL mode): the zero-setup default. */
export function openSqliteStore(options: SqliteStoreOptions): ReportStore {
  const db = open(options.path);
  migrateSqlite(db);
  db.prepare('INSERT INTO instance_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(
    SALT_SETTING,
    newInstanceSalt(),
  );
  const salt = db
    .prepare<[string], { value: string }>('SELECT value FROM instance_settings WHERE key = ?')
    .get(SALT_SETTING)?.value;
  if (salt === undefined) throw new AppError('internal', 'The report database has no redaction salt.');
  const insert = db.prepare(
    `INSERT INTO reports (${SUMMARY_COLUMNS}, schema_version, document, manage_hash, fleet_cluster)
     VALUES (@id, @createdAt, @clusterLabel, @serverVersion, @target, @breaking, @action, @info, @redacted, @schemaVersion, @document, @manageHash, @cluster)`,
  );
  const manageHash = db.prepare<[string], { manage_hash: string | null }>(
    'SELECT manage_hash FROM reports WHERE id = ?',
  );
  const select = db.prepare<[string], SummaryRow & { document: string }>(
    `SELECT ${SUMMARY_COLUMNS}, document FROM reports WHERE id = ?`,
  );
  const page = db.prepare<[number, number], SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM reports ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
  );
  const remove = db.prepare<[string]>('DELETE FROM reports WHERE id = ?');
  const ofClusters = db.prepare<[string, number], SummaryRow & { fleet_cluster: string }>(
    `SELECT * FROM (
       SELECT ${SUMMARY_COLUMNS}, fleet_cluster,
         row_number() OVER (PARTITION BY fleet_cluster ORDER BY created_at DESC, id DESC) AS rank
       FROM reports WHERE fleet_cluster IN (SELECT value FROM json_each(?))
     ) WHERE rank <= ? ORDER BY created_at DESC, id DESC`,
  );
  const finishRun = db.prepare<[string, string, string, string]>(
    `UPDATE fleet_runs SET state = 'done', updated_at = ?, report_id = ?, error = NULL
     WHERE cluster_id = ? AND period_start = ? AND state <> 'done'`,
  );
  const saveRow = db.transaction((row: Record<string, string | number | null>, run?: RunKey) => {
    insert.run(row);
    if (run && finishRun.run(new Date().toISOString(), String(row.id), run.clusterId, run.periodStart).changes !== 1) {
      throw runAlreadyDone(run);
    }
    options.insideSaveTransaction?.();
  });

  const insertPrepared = (prepared: PreparedReport, placement?: InsertOptions) =>
    settle(() => {
      const { summary, document } = prepared;
      saveRow.immediate(
        {
          id: summary.id,
          createdAt: summary.createdAt,
          clusterLabel: summary.clusterLabel,
          serverVersion: summary.serverVersion ?? null,
          target: summary.target,
          ...summary.counts,
          redacted: summary.redacted ? 1 : 0,
          schemaVersion: prepared.schemaVersion,
          document,
          manageHash: prepared.manageHash,
          cluster: placement?.cluster ?? null,
        },
        placement?.run,
      );
      return receiptOf(prepared);
    });

  return {
    redactionSalt: salt,
    limits: { maxReportBytes: options.maxReportBytes },
    insert: insertPrepared,
    save: async (input, saveOptions) =>
      insertPrepared(await settle(() => prepareReport(input, saveOptions, options, salt)), saveOptions),
    clusterReports: (clusterIds, perCluster) =>
      settle(() => {
        checkClusterQuery(clusterIds, perCluster);
        return byCluster(ofClusters.all(JSON.stringify(clusterIds), perCluster), clusterIds);
      }),
    runs: sqliteRuns(db),
    get: (id) =>
      settle(() => {
        const row = isReportId(id) ? select.get(id) : undefined;
        if (row === undefined) return undefined;
        const { createdAt, redacted } = toSummary(row);
        return { id, createdAt, redacted, report: parseStoredReport(id, row.document) };
      }),
    list: (listOptions) =>
      settle(() => {
        const { limit, offset } = checkListOptions(listOptions);
        return page.all(limit, offset).map(toSummary);
      }),
    delete: (id, credential) =>
      settle((): DeleteOutcome => {
        const row = isReportId(id) ? manageHash.get(id) : undefined;
        if (row === undefined) return 'not-found';
        if (credential.kind === 'manage-token' && !manageTokenMatches(credential.token, row.manage_hash)) {
          return 'denied';
        }
        return remove.run(id).changes > 0 ? 'deleted' : 'not-found';
      }),
    close: () => settle(() => void db.close()),
  };
}

/** The ledger of scheduled scans in the SQLite file. */
function sqliteRuns(db: Database.Database): FleetRunLedger {
  const claim = db.prepare<[string, string, string]>(
    `INSERT INTO fleet_runs (cluster_id, period_start, state, updated_at) VALUES (?, ?, 'queued', ?)
     ON CONFLICT (cluster_id, period_start) DO NOTHING`,
  );
  const mark = db.prepare<[string, string, string | null, string | null, number, string, string, string]>(
    `UPDATE fleet_runs SET state = ?, updated_at = ?, report_id = ?, error = ?, attempts = attempts + ?
     WHERE cluster_id = ? AND period_start = ? AND state <> ?`,
  );
  const latest = db.prepare<[string], RunRow>(
    `SELECT * FROM (
       SELECT *, row_number() OVER (PARTITION BY cluster_id ORDER BY period_start DESC) AS rank
       FROM fleet_runs WHERE cluster_id IN (SELECT value FROM json_each(?))
     ) WHERE rank = 1`,
  );
  const stale = db.prepare<[string], { cluster_id: string; period_start: string }>(
    `SELECT cluster_id, period_start FROM fleet_runs WHERE state IN ('queued', 'running') AND updated_at < ?`,
  );
  return {
    claim: (key, alongside) =>
      settle(() => {
        if (alongside) throw new AppError('internal', 'The SQLite ledger runs nothing alongside a claim.');
        return claim.run(key.clusterId, key.periodStart, new Date().toISOString()).changes === 1;
      }),
    mark: (key, update) =>
      settle(() => {
        const now = new Date().toISOString();
        const reportId = update.state === 'done' ? update.reportId : null;
        const error = update.state === 'failed' ? update.error.slice(0, MAX_RUN_ERROR) : null;
        // A finished run stays finished: a late message from an attempt that lost its job cannot undo it.
        mark.run(
          update.state,
          now,
          reportId,
          error,
          update.state === 'running' ? 1 : 0,
          key.clusterId,
          key.periodStart,
          'done',
        );
      }),
    latest: (clusterIds) =>
      settle(
        () =>
          new Map<string, FleetRun>(latest.all(JSON.stringify(clusterIds)).map((r) => [r.cluster_id, toFleetRun(r)])),
      ),
    stale: (before) =>
      settle(() =>
        stale.all(before.toISOString()).map((r) => ({ clusterId: r.cluster_id, periodStart: r.period_start })),
      ),
  };
}
