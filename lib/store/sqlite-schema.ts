import 'server-only';
import type { Database } from 'better-sqlite3';
import { pendingMigrations, type Migration } from './migrations';

/** The SQLite schema, one step per version. Never edit a released step: add the next one. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'reports table, list index, immutability trigger',
    sql: `
      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        cluster_label TEXT NOT NULL,
        server_version TEXT,
        target TEXT NOT NULL,
        breaking INTEGER NOT NULL,
        action INTEGER NOT NULL,
        info INTEGER NOT NULL,
        redacted INTEGER NOT NULL CHECK (redacted IN (0, 1)),
        schema_version INTEGER NOT NULL,
        document TEXT NOT NULL
      ) STRICT;
      CREATE INDEX reports_by_created_at ON reports (created_at DESC, id DESC);
      CREATE TRIGGER reports_are_immutable BEFORE UPDATE ON reports
      BEGIN
        SELECT RAISE(ABORT, 'saved reports are immutable');
      END;
    `,
  },
  {
    version: 2,
    name: 'manage-token hash per report, instance settings (the redaction salt)',
    sql: `
      ALTER TABLE reports ADD COLUMN manage_hash TEXT;
      CREATE TABLE instance_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
    `,
  },
  {
    version: 3,
    name: 'reports filed under a registered cluster, the ledger of scheduled scans',
    sql: `
      ALTER TABLE reports ADD COLUMN fleet_cluster TEXT;
      CREATE INDEX reports_by_fleet_cluster ON reports (fleet_cluster, created_at DESC, id DESC)
        WHERE fleet_cluster IS NOT NULL;
      CREATE TABLE fleet_runs (
        cluster_id TEXT NOT NULL,
        period_start TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        report_id TEXT,
        error TEXT,
        PRIMARY KEY (cluster_id, period_start)
      ) STRICT;
    `,
  },
];

/**
 * Brings the database to the newest schema. BEGIN IMMEDIATE takes the write lock first, so two processes opening
 * one file at once apply each step once; the loser waits (busy_timeout) and then finds nothing to do.
 */
export function migrateSqlite(db: Database, migrations: readonly Migration[] = SQLITE_MIGRATIONS): void {
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
    const applied = db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((r) => r.version);
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of pendingMigrations(migrations, applied)) {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }
  }).immediate();
}
