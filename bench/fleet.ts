/**
 * Fleet benchmark: one CLI process scanning 2, 4 and 8 clusters (`release-lens scan --context a,b,…`). Starts 8
 * kube-apiserver v1.24.17 + etcd pairs on loopback, seeds each with a small workload (pods with their Deployments
 * and ReplicaSets), writes one kubeconfig with a context per cluster, and times the built CLI over the first N
 * contexts with GNU time: wall time and the CLI's peak RSS, medians of --runs.
 *
 *   npm run bench:fleet -- [--clusters=2,4,8] [--pods=300] [--runs=3] [--parallel=4]
 *
 * Run `npx tsx scripts/build-cli.ts` first (bin/release-lens.mjs).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parseDocument, stringify } from 'yaml';
import { startCluster, type RunningCluster } from '../test/cluster-harness/harness/index';
import { seedScale } from '../test/cluster-harness/scenarios/scale';
import { summarize } from './lib/next-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const exec = promisify(execFile);

function flag(name: string, fallback: string): number[] {
  const prefix = `--${name}=`;
  const values = (process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length) ?? fallback)
    .split(',')
    .map(Number);
  if (values.some((v) => !Number.isInteger(v) || v <= 0)) throw new Error(`--${name} takes positive integers`);
  return values;
}

const sizes = flag('clusters', '2,4,8');
const [pods = 300] = flag('pods', '300');
const [runs = 3] = flag('runs', '3');
const [parallel = 4] = flag('parallel', '4');
const log = (m: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${m}\n`);

interface KubeconfigDoc {
  clusters: { name: string; cluster: Record<string, unknown> }[];
  users: { name: string; user: Record<string, unknown> }[];
  contexts: { name: string; context: { cluster: string; user: string } }[];
  'current-context'?: string;
}

/** One kubeconfig with a `cluster-i` context per cluster, each as its read-only user. */
function fleetKubeconfig(clusters: readonly RunningCluster[]): string {
  const merged: KubeconfigDoc = { clusters: [], users: [], contexts: [] };
  clusters.forEach((c, i) => {
    const doc = parseDocument(c.kubeconfigYaml).toJS() as KubeconfigDoc;
    const context = doc.contexts.find((x) => x.name === 'reader');
    const cluster = doc.clusters.find((x) => x.name === context?.context.cluster);
    const user = doc.users.find((x) => x.name === context?.context.user);
    if (!cluster || !user) throw new Error('the harness kubeconfig has no reader context');
    merged.clusters.push({ name: `cluster-${i + 1}`, cluster: cluster.cluster });
    merged.users.push({ name: `reader-${i + 1}`, user: user.user });
    merged.contexts.push({
      name: `cluster-${i + 1}`,
      context: { cluster: `cluster-${i + 1}`, user: `reader-${i + 1}` },
    });
  });
  merged['current-context'] = 'cluster-1';
  return stringify({ apiVersion: 'v1', kind: 'Config', ...merged });
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'release-lens-bench-fleet-'));
const clusters: RunningCluster[] = [];
try {
  const most = Math.max(...sizes);
  for (let i = 0; i < most; i += 1) {
    const c = await startCluster({ log: () => undefined });
    clusters.push(c);
    await seedScale(c, { pods, namespaces: 4, log: () => undefined });
    log(`cluster ${i + 1}/${most} up and seeded with ${pods} pods`);
  }
  const kubeconfig = path.join(dir, 'kubeconfig.yaml');
  writeFileSync(kubeconfig, fleetKubeconfig(clusters), { mode: 0o600 });
  const bin = path.join(root, 'bin', 'release-lens.mjs');
  console.log(`# Fleet benchmark (bench/fleet.ts)\n`);
  console.log(
    `${os.cpus().length} cores, Node ${process.version}; ${pods} pods per cluster, --parallel ${parallel}, medians of ${runs}\n`,
  );
  console.log('| clusters | wall | peak RSS (CLI) | per cluster |');
  console.log('| ---: | ---: | ---: | ---: |');
  for (const n of sizes) {
    const contexts = Array.from({ length: n }, (_, i) => `cluster-${i + 1}`).join(',');
    const walls: number[] = [];
    const rss: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const out = path.join(dir, `out-${n}-${run}`);
      const args = ['-f', '%e %M', process.execPath, bin, 'scan', '--kubeconfig', kubeconfig];
      args.push('--context', contexts, '--output-dir', out, '--parallel', String(parallel), '-q', '--fail-on', 'none');
      const { stderr } = await exec('/usr/bin/time', args, { maxBuffer: 64 * 2 ** 20 });
      const [wall = NaN, kb = NaN] = (stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
      // A fast run that scanned nothing is no figure: every cluster must have been read.
      const summary = JSON.parse(readFileSync(path.join(out, 'fleet.json'), 'utf8')) as {
        clusters: { context: string; verdict: string; error?: string }[];
      };
      const failed = summary.clusters.filter((c) => c.verdict === 'failed');
      if (summary.clusters.length !== n || failed.length > 0) {
        throw new Error(`the fleet run did not scan every cluster: ${JSON.stringify(failed)}`);
      }
      walls.push(wall * 1000);
      rss.push(kb / 1024);
    }
    const w = summarize(walls).median;
    const r = summarize(rss).median;
    console.log(`| ${n} | ${(w / 1000).toFixed(2)} s | ${r.toFixed(0)} MiB | ${(w / n / 1000).toFixed(2)} s |`);
  }
} finally {
  await Promise.all(clusters.map((c) => c.stop()));
  rmSync(dir, { recursive: true, force: true });
}
