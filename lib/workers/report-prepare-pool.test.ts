import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { makeTestReport } from '../report/test-fixtures';
import { createReportPreparePool } from './report-prepare-pool';

// The bundle `npm run gen` writes before the tests run.
const workerFile = path.join(__dirname, '..', '..', 'dist', 'workers', 'report-prepare.cjs');
const pool = createReportPreparePool({ workerFile });
afterAll(() => pool.close());
const limits = { maxReportBytes: 64 * 1024 * 1024 };

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('the report-preparing pool', () => {
  it('prepares a save request on a worker thread: validated, redacted, serialized', async () => {
    const report = makeTestReport();
    const prepared = await pool.prepare(JSON.stringify({ report, redact: true }), limits, 'salt');
    expect(prepared.summary.redacted).toBe(true);
    expect(prepared.manageToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.parse(prepared.document)).toMatchObject({ schemaVersion: report.schemaVersion });
  });

  it('answers bad input with the same typed errors as in-process preparation', async () => {
    expect(await failure(pool.prepare('{not json', limits, 's'))).toMatchObject({ kind: 'invalid-input' });
    const invalid = await failure(pool.prepare(JSON.stringify({ report: { schemaVersion: 2 } }), limits, 's'));
    expect(invalid.kind).toBe('invalid-input');
    expect(invalid.message).toMatch(/^The report is not valid: /);
  });

  it('refuses a body with more values than a report of the size limit holds, before parsing it', async () => {
    // Three bytes per object: what JSON.parse would build is far larger than the text.
    const many = `{"report":{"pad":[${'{},'.repeat(300_000)}0]}}`;
    const error = await failure(pool.prepare(many, { maxReportBytes: 1024 * 1024 }, 's'));
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(/holds more than 65536 values/);
  });

  it('gives up at its deadline, and goes on working', async () => {
    const slow = createReportPreparePool({ workerFile, timeoutMs: 1 });
    try {
      const text = JSON.stringify({ report: makeTestReport() });
      expect(await failure(slow.prepare(text, limits, 's'))).toMatchObject({ kind: 'timeout' });
      expect((await pool.prepare(text, limits, 's')).summary.redacted).toBe(false);
    } finally {
      await slow.close();
    }
  });
});
