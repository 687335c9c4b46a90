import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../env';
import { AppError } from '../errors';
import { makeTestReport } from '../report/test-fixtures';
import { openStore } from './index';
import { openSqliteStore } from './sqlite';
import { describeReportStoreContract } from './store-contract';
import type { ReportStore } from './types';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'release-lens-sqlite-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function withDatabase<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describeReportStoreContract('SQLite', () => {
  const file = path.join(tempDir(), 'nested', 'reports.sqlite');
  const stores: ReportStore[] = [];
  return {
    open(options = {}) {
      const store = openSqliteStore({ path: file, maxReportBytes: 64 * 1024 * 1024, ...options });
      stores.push(store);
      return store;
    },
    exec(sql) {
      withDatabase(file, (db) => db.exec(sql));
    },
    count(table) {
      return withDatabase(
        file,
        (db) => db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? -1,
      );
    },
    childArgs: ['sqlite', file],
    async dispose() {
      for (const store of stores) await store.close();
    },
  };
});

describe('openSqliteStore', () => {
  it('creates the directory and uses WAL mode', async () => {
    const file = path.join(tempDir(), 'a', 'b', 'reports.sqlite');
    const store = openSqliteStore({ path: file, maxReportBytes: 1_000_000 });
    await store.close();
    expect(withDatabase(file, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
  });

  it('says what to fix when the file cannot be opened', () => {
    const blocker = path.join(tempDir(), 'not-a-directory');
    writeFileSync(blocker, '');
    try {
      openSqliteStore({ path: path.join(blocker, 'reports.sqlite'), maxReportBytes: 1_000_000 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error instanceof AppError && error.kind).toBe('unreachable');
      expect(error instanceof AppError && error.message).toContain('RELEASE_LENS_SQLITE_PATH');
    }
  });
});

describe('openStore', () => {
  it('opens SQLite at RELEASE_LENS_SQLITE_PATH when DATABASE_URL is not set', async () => {
    const file = path.join(tempDir(), 'reports.sqlite');
    const store = await openStore(parseEnv({ RELEASE_LENS_SQLITE_PATH: file, RELEASE_LENS_MAX_REPORT_BYTES: '5000' }));
    try {
      const { id } = await store.save(makeTestReport(), { redact: false });
      expect(withDatabase(file, (db) => db.prepare('SELECT id FROM reports').pluck().all())).toEqual([id]);
    } finally {
      await store.close();
    }
  });
});
