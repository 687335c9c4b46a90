/**
 * Issue 14's dashboard goal: a scan started from the web at 50,000 pods keeps the server responsive to other users.
 * Starts a kube-apiserver v1.24.17 + etcd, seeds the pods, starts the production server (`next start`), and while
 * a separate process loads the overview page again and again, runs a scan through POST /api/scan with the reader's
 * kubeconfig pasted, as the browser does. Prints the latency of those page loads while idle and during the scan
 * (p50, p95, p99, max) and the scan's wall time. Run `npm run build` first.
 *
 *   npm run bench:web-scan -- [--pods=50000] [--runs=2] [--path=/] [--out=FILE]
 *
 * Writes what it prints, with the date and machine, to bench/results/web-scan.md (or --out).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCluster } from '../test/cluster-harness/harness/index';
import { seedScale } from '../test/cluster-harness/scenarios/scale';
import { pasted } from '../test/hostile/requests';
import { startServer, whileProbing } from '../test/hostile/server';

const here = path.dirname(fileURLToPath(import.meta.url));
const flag = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const pods = Number(flag('pods', '50000'));
const runs = Number(flag('runs', '2'));
const page = flag('path', '/');
const out = path.resolve(here, '..', flag('out', 'bench/results/web-scan.md'));
const lines: string[] = [];
const print = (line: string) => {
  lines.push(line);
  console.log(line);
};
const log = (m: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${m}\n`);

function percentiles(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  const f = (v: number) => `${Math.round(v)} ms`;
  return `${sorted.length} loads: p50 ${f(at(50))}, p95 ${f(at(95))}, p99 ${f(at(99))}, max ${f(sorted.at(-1) ?? NaN)}`;
}

const cluster = await startCluster({ log: () => undefined });
try {
  const seed = await seedScale(cluster, { pods, log: () => undefined });
  log(`seeded ${seed.pods} pods in ${Math.round(seed.ms / 1000)} s`);
  const server = await startServer({
    RELEASE_LENS_SQLITE_PATH: `/tmp/release-lens-bench-web-scan-${process.pid}.sqlite`,
  });
  try {
    const target = `${server.url}${page}`;
    const kubeconfig = cluster.kubeconfigYaml.replace(/current-context: .*/, 'current-context: reader');
    // Warm the page and the scan path once.
    await fetch(target);
    const idle = await whileProbing(server.url, () => new Promise((r) => setTimeout(r, 8000)), page);
    print(`# Web scan responsiveness (bench/web-scan.ts), ${pods.toLocaleString('en-US')} pods, ${page}\n`);
    print(
      `- date: ${new Date().toISOString()}; machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}`,
    );
    print('- the API server, etcd, the dashboard and the page loader share the cores\n');
    print(`- idle: ${percentiles(idle.latenciesMs)}`);
    for (let run = 1; run <= runs; run += 1) {
      const started = performance.now();
      const { result, latenciesMs } = await whileProbing(server.url, () => pasted(server.url, kubeconfig), page);
      const wall = Math.round(performance.now() - started);
      if (result.status !== 200 || !result.report) {
        throw new Error(`the scan failed: ${result.status} ${result.error?.message ?? ''}`);
      }
      print(
        `- during scan ${run}: ${percentiles(latenciesMs)}; the scan took ${wall} ms, ${result.report.findings.length} findings`,
      );
    }
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${lines.join('\n')}\n`);
    log(`wrote ${path.relative(path.join(here, '..'), out)}`);
  } finally {
    await server.stop();
  }
} finally {
  await cluster.stop();
}
