/**
 * Issue 10's benchmark: the production server's peak resident memory (its whole process tree, worker threads
 * included) while each hostile input is handled, beside ordinary scans. Each case runs on a fresh server that
 * first did one demo scan (the warm baseline); RSS is sampled every 20 ms from the request to the answer, and the
 * slowest answer to another user's request meanwhile is recorded. Needs `npm run build` first.
 *
 *   npm run bench:hostile -- [--out=FILE] [--server-root=DIR]
 *
 * --server-root runs another checkout's production build instead (to measure an earlier commit); each case is
 * given two minutes, and a server that dies or does not answer in time is reported as such.
 * Prints the table and writes it, with the date and machine, to bench/results/hostile.md (or --out).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeApiServer } from '../lib/sources/cluster/testing/fake-apiserver';
import { testKubeconfig } from '../lib/sources/cluster/testing/connect-fake';
import { fakeCluster, obj, SERVED_1_24 } from '../lib/sources/cluster/testing/fake-cluster';
import { makeTestFinding, makeTestReport } from '../lib/report/test-fixtures';
import {
  deepKubeconfig,
  deepSnapshot,
  gzipBombList,
  manyKeysKubeconfig,
  separatorBombSecret,
  separatorBombSnapshot,
  snapshotOfSize,
} from '../test/hostile/inputs';
import { chunkedUpload, demo, pasted, scan, upload } from '../test/hostile/requests';
import { startServer, whileProbing } from '../test/hostile/server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prefix = '--out=';
const out = path.resolve(
  root,
  process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length) ?? 'bench/results/hostile.md',
);
const serverRootFlag = process.argv.find((a) => a.startsWith('--server-root='));
const serverRoot = serverRootFlag ? path.resolve(serverRootFlag.slice('--server-root='.length)) : root;
const CASE_TIMEOUT_MS = 120_000;
const MiB = 1024 * 1024;
const log = (m: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${m}\n`);

interface Case {
  name: string;
  hostile: boolean;
  run: (url: string) => Promise<string>;
}

const bomb = gzipBombList(200 * MiB);
const fake = await startFakeApiServer(
  (() => {
    const base = fakeCluster({
      gitVersion: 'v1.24.17',
      served: SERVED_1_24,
      objects: {
        nodes: [obj('worker-1', undefined, { status: { nodeInfo: { kubeletVersion: 'v1.24.17' } } })],
        secrets: [separatorBombSecret()],
      },
    });
    const bombed = new Set([
      '/api/v1/pods',
      '/api/v1/configmaps',
      '/apis/apps/v1/deployments',
      '/apis/apps/v1/replicasets',
    ]);
    return (req: Parameters<typeof base>[0]) =>
      bombed.has(req.path) ? { raw: bomb, headers: { 'Content-Encoding': 'gzip' } } : base(req);
  })(),
);
const kubeconfig = testKubeconfig(fake.url);
const snapshot12 = snapshotOfSize(12 * MiB);
const snapshot150 = snapshotOfSize(150 * MiB);
const bigReport = JSON.stringify({
  report: makeTestReport(
    Array.from({ length: 40_000 }, (_, i) =>
      makeTestFinding({ message: ['Pod ', { kind: 'name', value: `app-${i}-${'x'.repeat(400)}` }] }),
    ),
  ),
  redact: true,
});
const status = (s: { status: number }) => `HTTP ${s.status}`;

const CASES: Case[] = [
  { name: 'demo scan (ordinary)', hostile: false, run: async (url) => status(await demo(url)) },
  {
    name: '12 MiB snapshot (ordinary)',
    hostile: false,
    run: async (url) => status(await scan(url, upload('s.json', snapshot12))),
  },
  {
    name: 'Helm separator bomb (6M documents, 78 KB Secret)',
    hostile: true,
    run: async (url) => status(await scan(url, upload('b.json', separatorBombSnapshot()))),
  },
  {
    name: 'gzip bomb API server (4 LISTs of 200 KB → 200 MiB)',
    hostile: true,
    run: async (url) => status(await pasted(url, kubeconfig)),
  },
  {
    name: 'five gzip-bomb scans at once',
    hostile: true,
    run: async (url) =>
      (await Promise.all(Array.from({ length: 5 }, () => pasted(url, kubeconfig)))).map(status).join(', '),
  },
  {
    name: 'kubeconfig of 33,000 keys',
    hostile: true,
    run: async (url) => status(await pasted(url, manyKeysKubeconfig())),
  },
  {
    name: 'kubeconfig nested 128k deep',
    hostile: true,
    run: async (url) => status(await pasted(url, deepKubeconfig())),
  },
  {
    name: 'snapshot object nested 100k deep',
    hostile: true,
    run: async (url) => status(await scan(url, upload('d.json', deepSnapshot()))),
  },
  {
    name: '150 MiB snapshot',
    hostile: true,
    run: async (url) => status(await scan(url, upload('l.json', snapshot150))),
  },
  {
    name: 'chunked upload past the 200 MiB limit',
    hostile: true,
    run: async (url) => status(await chunkedUpload(url, 260 * MiB)),
  },
  {
    name: `report save of ${Math.round(bigReport.length / MiB)} MiB, 40,000 findings (ordinary, large)`,
    hostile: false,
    run: async (url) =>
      status(
        await fetch(`${url}/api/reports`, {
          method: 'POST',
          body: bigReport,
          headers: { 'Content-Type': 'application/json' },
        }),
      ),
  },
];

interface Row {
  name: string;
  hostile: boolean;
  baseline: number;
  peak: number;
  seconds: number;
  slowestMs: number;
  outcome: string;
}

const rows: Row[] = [];
for (const c of CASES) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rl-bench-hostile-'));
  const server = await startServer({ RELEASE_LENS_SQLITE_PATH: path.join(dir, 'r.sqlite') }, serverRoot);
  try {
    await demo(server.url);
    await new Promise((r) => setTimeout(r, 1500));
    const baseline = server.rss();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, server.rss())), 20);
    const started = performance.now();
    const { result, slowestMs } = await whileProbing(server.url, () =>
      Promise.race([
        c.run(server.url).catch((e: unknown) => `failed: ${e instanceof Error ? e.message : String(e)}`),
        new Promise<string>((resolve) => setTimeout(() => resolve('no answer within 120 s'), CASE_TIMEOUT_MS)),
      ]),
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, server.rss());
    const outcome = server.alive() ? result : `SERVER DIED: ${result}`;
    rows.push({ name: c.name, hostile: c.hostile, baseline, peak, seconds, slowestMs, outcome });
    log(`${c.name}: +${Math.round((peak - baseline) / MiB)} MiB, ${seconds.toFixed(1)} s, ${outcome}`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
await fake.close();

const mib = (n: number) => String(Math.round(n / MiB));
const table = [
  '| case | baseline RSS MiB | peak RSS MiB | increase MiB | wall s | slowest other request ms | answer |',
  '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${mib(r.baseline)} | ${mib(r.peak)} | ${mib(r.peak - r.baseline)} | ${r.seconds.toFixed(1)} | ${Math.round(r.slowestMs)} | ${r.outcome} |`,
  ),
];
const worst = Math.max(...rows.filter((r) => r.hostile).map((r) => r.peak - r.baseline));
const text = [
  '# Hostile input: peak server memory',
  '',
  `${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Production build${serverRoot === root ? '' : ` of ${path.basename(serverRoot)}`}, default settings, a fresh server per case after one demo scan.`,
  '',
  ...table,
  '',
  `Largest increase over a hostile case: ${mib(worst)} MiB (goal: at most 256 MiB).`,
  '',
].join('\n');
process.stdout.write(`${text}\n`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, text);
