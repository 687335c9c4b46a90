/**
 * Benchmark of the report stores: saves and loads a synthetic 10k-finding report N times on SQLite and on a real
 * PostgreSQL (started like the tests start it, fsync on), and prints median / p95 times and the document size.
 *
 *   npx tsx bench/report-store.ts [runs=20] [findings=10000]
 *
 * The store modules start with `import 'server-only'`, which resolves to an empty module only under the
 * `react-server` condition, so this file re-runs itself with that condition before loading them.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const serverOnly = createRequire(import.meta.url).resolve('server-only');
if (!serverOnly.endsWith('empty.js')) {
  const script = process.argv[1] ?? '';
  const args = ['--conditions=react-server', ...process.execArgv, script, ...process.argv.slice(2)];
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const { runBenchmark } = await import('./report-store-run');
await runBenchmark({ runs: Number(process.argv[2] ?? 20), findings: Number(process.argv[3] ?? 10_000) });
