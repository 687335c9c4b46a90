import 'server-only';
import pg from 'pg';
import { AppError } from '../errors';
import { isReportId } from './ids';
import { inTransaction, migratePostgres } from './postgres-schema';
import {
  checkListOptions,
  parseStoredReport,
  prepareReport,
  receiptOf,
  type PreparedReport,
  type StoreLimits,
} from './prepare';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './summary-row';
import { manageTokenMatches, newInstanceSalt, SALT_SETTING } from './secrets';
import type { FleetRunLedger, InsertOptions, ReportStore } from './types';
import type { DeleteOutcome } from '../model/saved-report';
import { byCluster, checkClusterQuery, MAX_RUN_ERROR, runAlreadyDone, toFleetRun, type RunRow } from './fleet-rows';

export interface PostgresStoreOptions extends StoreLimits {
  /** postgres:// URL (DATABASE_URL). */
  connectionString: string;
  /** Connections per app replica; 10 by default. */
  poolSize?: number;
  /** Test seam: runs inside the save transaction, after the insert. A throw rolls the save back. */
  insideSaveTransaction?: () => void | Promise<void>;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH']);

/** Turns a failure to reach or log in to the database into an AppError naming the server, never the password. */
function connectError(error: unknown, connectionString: string): unknown {
  if (error instanceof AppError || !(error instanceof Error)) return error;
  const url = URL.canParse(connectionString) ? new URL(connectionString) : undefined;
  const where = url ? `${url.hostname}:${url.port || '5432'}${url.pathname}` : 'DATABASE_URL';
  const code = 'code' in error ? String(error.code) : '';
  if (NETWORK_CODES.has(code) || code === '3D000') {
    return new AppError(
      'unreachable',
      `Cannot reach the report database at ${where}: ${error.message}. Check DATABASE_URL.`,
      undefined,
      { cause: error },
    );
  }
  if (code === '28P01' || code === '28000') {
    return new AppError(
      'unauthorized',
      `The report database at ${where} refused the login: ${error.message}. Check the user and password in DATABASE_URL.`,
      undefined,
      { cause: error },
    );
  }
  return error;
}

/** Reports in PostgreSQL, shared by every app replica that has the same DATABASE_URL. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<ReportStore> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
  // An idle connection that drops emits 'error' on the pool; unhandled, it would crash the process. The next
  // query gets a fresh connection or reports the failure itself.
  pool.on('error', () => undefined);
  let salt: string | undefined;
  try {
    await migratePostgres(pool);
    await pool.query('INSERT INTO instance_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
      SALT_SETTING,
      newInstanceSalt(),
    ]);
    const { rows } = await pool.query<{ value: string }>('SELECT value FROM instance_settings WHERE key = $1', [
      SALT_SETTING,
    ]);
    salt = rows[0]?.value;
  } catch (error) {
    await pool.end();
    throw connectError(error, options.connectionString);
  }
  if (salt === undefined) throw new AppError('internal', 'The report database has no redaction salt.');
  const instanceSalt = salt;

  async function insert(prepared: PreparedReport, placement?: InsertOptions) {
    const { summary, document } = prepared;
    const { counts } = summary;
    await inTransaction(pool, async (client) => {
      await client.query(
        `INSERT INTO reports (${SUMMARY_COLUMNS}, schema_version, document, manage_hash, fleet_cluster)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13)`,
        [
          summary.id,
          summary.createdAt,
          summary.clusterLabel,
          summary.serverVersion ?? null,
          summary.target,
          counts.breaking,
          counts.action,
          counts.info,
          summary.redacted,
          prepared.schemaVersion,
          document,
          prepared.manageHash,
          placement?.cluster ?? null,
        ],
      );
      const run = placement?.run;
      if (run) {
        const done = await client.query(
          `UPDATE fleet_runs SET state = 'done', updated_at = now(), report_id = $1, error = NULL
           WHERE cluster_id = $2 AND period_start = $3 AND state <> 'done'`,
          [summary.id, run.clusterId, run.periodStart],
        );
        if (done.rowCount !== 1) throw runAlreadyDone(run);
      }
      await options.insideSaveTransaction?.();
    });
    return receiptOf(prepared);
  }

  return {
    redactionSalt: instanceSalt,
    limits: { maxReportBytes: options.maxReportBytes },
    insert,
    async save(input, saveOptions) {
      return insert(prepareReport(input, saveOptions, options, instanceSalt), saveOptions);
    },
    async clusterReports(clusterIds, perCluster) {
      checkClusterQuery(clusterIds, perCluster);
      const { rows } = await pool.query<SummaryRow & { fleet_cluster: string }>(
        `SELECT * FROM (
           SELECT ${SUMMARY_COLUMNS}, fleet_cluster,
             row_number() OVER (PARTITION BY fleet_cluster ORDER BY created_at DESC, id DESC) AS rank
           FROM reports WHERE fleet_cluster = ANY($1::text[])
         ) ranked WHERE rank <= $2 ORDER BY created_at DESC, id DESC`,
        [clusterIds, perCluster],
      );
      return byCluster(rows, clusterIds);
    },
    runs: postgresRuns(pool),
    async get(id) {
      if (!isReportId(id)) return undefined;
      const { rows } = await pool.query<SummaryRow & { document: unknown }>(
        `SELECT ${SUMMARY_COLUMNS}, document FROM reports WHERE id = $1`,
        [id],
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      const { createdAt, redacted } = toSummary(row);
      return { id, createdAt, redacted, report: parseStoredReport(id, row.document) };
    },
    async list(listOptions) {
      const { limit, offset } = checkListOptions(listOptions);
      const { rows } = await pool.query<SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM reports ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2`,
        [limit, offset],
      );
      return rows.map(toSummary);
    },
    async delete(id, credential): Promise<DeleteOutcome> {
      if (!isReportId(id)) return 'not-found';
      const { rows } = await pool.query<{ manage_hash: string | null }>(
        'SELECT manage_hash FROM reports WHERE id = $1',
        [id],
      );
      const row = rows[0];
      if (row === undefined) return 'not-found';
      if (credential.kind === 'manage-token' && !manageTokenMatches(credential.token, row.manage_hash)) {
        return 'denied';
      }
      const result = await pool.query('DELETE FROM reports WHERE id = $1', [id]);
      return (result.rowCount ?? 0) > 0 ? 'deleted' : 'not-found';
    },
    async close() {
      await pool.end();
    },
  };
}

/** The ledger of scheduled scans in PostgreSQL, shared by every replica. */
function postgresRuns(pool: pg.Pool): FleetRunLedger {
  return {
    async claim(key, alongside) {
      return inTransaction(pool, async (client) => {
        const claimed = await client.query(
          `INSERT INTO fleet_runs (cluster_id, period_start, state) VALUES ($1, $2, 'queued')
           ON CONFLICT (cluster_id, period_start) DO NOTHING`,
          [key.clusterId, key.periodStart],
        );
        if (claimed.rowCount !== 1) return false;
        await alongside?.({
          executeSql: async (text, values) => ({ rows: (await client.query(text, values)).rows as unknown[] }),
        });
        return true;
      });
    },
    async mark(key, update) {
      const reportId = update.state === 'done' ? update.reportId : null;
      const error = update.state === 'failed' ? update.error.slice(0, MAX_RUN_ERROR) : null;
      // A finished run stays finished: a late message from an attempt that lost its job cannot undo it.
      await pool.query(
        `UPDATE fleet_runs SET state = $1, updated_at = now(), report_id = $2, error = $3, attempts = attempts + $4
         WHERE cluster_id = $5 AND period_start = $6 AND state <> 'done'`,
        [update.state, reportId, error, update.state === 'running' ? 1 : 0, key.clusterId, key.periodStart],
      );
    },
    async latest(clusterIds) {
      const { rows } = await pool.query<RunRow>(
        `SELECT DISTINCT ON (cluster_id) * FROM fleet_runs WHERE cluster_id = ANY($1::text[])
         ORDER BY cluster_id, period_start DESC`,
        [clusterIds],
      );
      return new Map(rows.map((r) => [r.cluster_id, toFleetRun(r)]));
    },
    async stale(before) {
      const { rows } = await pool.query<{ cluster_id: string; period_start: Date }>(
        `SELECT cluster_id, period_start FROM fleet_runs WHERE state IN ('queued', 'running') AND updated_at < $1`,
        [before],
      );
      return rows.map((r) => ({ clusterId: r.cluster_id, periodStart: r.period_start.toISOString() }));
    },
  };
}
