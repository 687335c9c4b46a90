import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { redactReport } from '../lib/report/redact';
import { reportSchema } from '../lib/report/schema';
import type { Report } from '../lib/model/report';
import { makeLargeReport } from '../lib/report/test-fixtures';
import { openPostgresStore } from '../lib/store/postgres';
import { openSqliteStore } from '../lib/store/sqlite';
import type { ReportStore } from '../lib/store/types';
import { createDatabase } from '../test/postgres/databases';
import { startPostgres } from '../test/postgres/start-postgres';

const MAX_BYTES = 256 * 1024 * 1024;

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return `median ${at(0.5).toFixed(1).padStart(7)} ms   p95 ${at(0.95).toFixed(1).padStart(7)} ms`;
}

async function time(runs: number, work: () => unknown): Promise<number[]> {
  await work(); // warm-up, not counted
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples;
}

async function benchStore(name: string, store: ReportStore, report: Report, runs: number): Promise<void> {
  const ids: string[] = [];
  const save = await time(runs, async () => ids.push((await store.save(report, { redact: false })).id));
  let next = 0;
  const load = await time(runs, async () => {
    const id = ids[next % ids.length] ?? '';
    next += 1;
    if ((await store.get(id)) === undefined) throw new Error(`report ${id} not found`);
  });
  const redacted = await time(Math.max(3, Math.floor(runs / 4)), () => store.save(report, { redact: true }));
  const list = await time(runs, () => store.list({ limit: 50 }));
  console.log(`${name.padEnd(10)} save          ${stats(save)}`);
  console.log(`${''.padEnd(10)} load          ${stats(load)}`);
  console.log(`${''.padEnd(10)} save+redact   ${stats(redacted)}`);
  console.log(`${''.padEnd(10)} list 50       ${stats(list)}`);
  await store.close();
}

/** Runs the benchmark and prints the figures. */
export async function runBenchmark({ runs, findings }: { runs: number; findings: number }): Promise<void> {
  const report = makeLargeReport(findings);
  const json = JSON.stringify(report);
  console.log(
    `report: ${findings} findings, ${(Buffer.byteLength(json) / 1024 / 1024).toFixed(2)} MB JSON; ${runs} runs each`,
  );
  console.log(`${'parts'.padEnd(10)} validate      ${stats(await time(runs, () => reportSchema.parse(report)))}`);
  console.log(`${''.padEnd(10)} stringify     ${stats(await time(runs, () => JSON.stringify(report)))}`);
  console.log(`${''.padEnd(10)} parse         ${stats(await time(runs, () => JSON.parse(json)))}`);
  console.log(`${''.padEnd(10)} redact        ${stats(await time(runs, () => redactReport(report, { salt: 's' })))}`);

  const dir = mkdtempSync(path.join(tmpdir(), 'release-lens-bench-'));
  try {
    await benchStore(
      'SQLite',
      openSqliteStore({ path: path.join(dir, 'reports.sqlite'), maxReportBytes: MAX_BYTES }),
      report,
      runs,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const server = await startPostgres({ fsync: true });
  try {
    const database = await createDatabase(server.url);
    await benchStore(
      'PostgreSQL',
      await openPostgresStore({ connectionString: database.url, maxReportBytes: MAX_BYTES }),
      report,
      runs,
    );
  } finally {
    await server.stop();
  }
}
