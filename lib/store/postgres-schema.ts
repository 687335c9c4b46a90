import 'server-only';
import type { Pool, PoolClient } from 'pg';
import { pendingMigrations, type Migration } from './migrations';

/** The PostgreSQL schema, one step per version. Never edit a released step: add the next one. */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'reports table, list index, immutability trigger',
    sql: `
      CREATE TABLE reports (
        id text PRIMARY KEY,
        created_at timestamptz NOT NULL,
        cluster_label text NOT NULL,
        server_version text,
        target text NOT NULL,
        breaking integer NOT NULL,
        action integer NOT NULL,
        info integer NOT NULL,
        redacted boolean NOT NULL,
        schema_version integer NOT NULL,
        document jsonb NOT NULL
      );
      CREATE INDEX reports_by_created_at ON reports (created_at DESC, id DESC);
      CREATE FUNCTION reports_reject_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'saved reports are immutable' USING ERRCODE = 'restrict_violation';
      END;
      $$;
      CREATE TRIGGER reports_are_immutable BEFORE UPDATE ON reports
        FOR EACH ROW EXECUTE FUNCTION reports_reject_update();
    `,
  },
  {
    version: 2,
    name: 'manage-token hash per report, instance settings (the redaction salt)',
    sql: `
      ALTER TABLE reports ADD COLUMN manage_hash text;
      CREATE TABLE instance_settings (key text PRIMARY KEY, value text NOT NULL);
    `,
  },
  {
    version: 3,
    name: 'reports filed under a registered cluster, the ledger of scheduled scans',
    sql: `
      ALTER TABLE reports ADD COLUMN fleet_cluster text;
      CREATE INDEX reports_by_fleet_cluster ON reports (fleet_cluster, created_at DESC, id DESC)
        WHERE fleet_cluster IS NOT NULL;
      CREATE TABLE fleet_runs (
        cluster_id text NOT NULL,
        period_start timestamptz NOT NULL,
        state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        report_id text,
        error text,
        PRIMARY KEY (cluster_id, period_start)
      );
    `,
  },
];

/** Advisory lock key that serializes schema migrations across app replicas ("RLMIGR" in ASCII). */
const MIGRATION_LOCK = 0x524c4d494752;

/** Runs `work` in a transaction on one pooled connection: COMMIT on success, ROLLBACK on any throw. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Brings the database to the newest schema in one transaction. Replicas starting together queue on a
 * transaction-scoped advisory lock, so each step runs once and nobody sees a half-made schema.
 */
export async function migratePostgres(pool: Pool, migrations: readonly Migration[] = POSTGRES_MIGRATIONS) {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    for (const m of pendingMigrations(
      migrations,
      rows.map((r) => r.version),
    )) {
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
  });
}
