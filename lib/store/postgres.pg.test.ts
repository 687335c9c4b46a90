import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../test/postgres/databases';
import { parseEnv } from '../env';
import { AppError } from '../errors';
import { makeTestReport } from '../report/test-fixtures';
import { openStore } from './index';
import { openPostgresStore } from './postgres';
import { describeReportStoreContract } from './store-contract';
import type { ReportStore } from './types';

const adminUrl = inject('postgresUrl');

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describeReportStoreContract('PostgreSQL', async () => {
  const database = await createDatabase(adminUrl);
  const stores: ReportStore[] = [];
  return {
    async open(options = {}) {
      const store = await openPostgresStore({
        connectionString: database.url,
        maxReportBytes: 64 * 1024 * 1024,
        ...options,
      });
      stores.push(store);
      return store;
    },
    async exec(sql) {
      await query(database.url, sql);
    },
    async count(table) {
      const [row] = await query<{ n: string }>(database.url, `SELECT count(*) AS n FROM ${table}`);
      return Number(row?.n ?? -1);
    },
    childArgs: ['postgres', database.url],
    async dispose() {
      for (const store of stores) await store.close();
      await database.drop();
    },
  };
});

describe('openPostgresStore', () => {
  it('stores the document as jsonb with the list columns beside it', async () => {
    const database = await createDatabase(adminUrl);
    const store = await openPostgresStore({ connectionString: database.url, maxReportBytes: 1_000_000 });
    try {
      const { id } = await store.save(makeTestReport(), { redact: false });
      const [row] = await query<{ type: string; label: string }>(
        database.url,
        `SELECT jsonb_typeof(document) AS type, document->'cluster'->'source'->>'label' AS label FROM reports WHERE id = '${id}'`,
      );
      expect(row).toEqual({ type: 'object', label: 'prod-eu' });
    } finally {
      await store.close();
      await database.drop();
    }
  });

  it('says which server it could not reach, without the password', async () => {
    const url = new URL(adminUrl);
    url.port = '1';
    url.password = 'hunter2';
    const error: unknown = await openPostgresStore({ connectionString: url.toString(), maxReportBytes: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error instanceof AppError && [error.kind, error.message.includes('127.0.0.1:1/postgres')]).toEqual([
      'unreachable',
      true,
    ]);
    expect(String(error instanceof AppError && error.message)).not.toContain('hunter2');
  });
});

describe('openStore', () => {
  it('chooses PostgreSQL when DATABASE_URL is set', async () => {
    const database = await createDatabase(adminUrl);
    const store = await openStore(parseEnv({ DATABASE_URL: database.url }));
    try {
      const { id } = await store.save(makeTestReport(), { redact: false });
      expect(await query(database.url, 'SELECT id FROM reports')).toEqual([{ id }]);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
