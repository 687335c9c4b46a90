/**
 * Issue 4's benchmark: how a full scan scales with the pods of a cluster, against the floor of merely listing the
 * same objects. For each size it starts a fresh kube-apiserver v1.24.17 + etcd (seeding is cheaper than a
 * second growth path, and every size starts from the same clean state), seeds the pods with their Deployments and
 * ReplicaSets, then runs a warm-up scan and N interleaved rounds of scan / CLI / sequential floor / concurrent floor, each
 * in a fresh Node process so peak RSS belongs to that measurement alone.
 *
 *   npm run bench:scan -- [--sizes=1000,10000,50000] [--runs=3] [--page-size=500] [--concurrency=4] [--out=FILE]
 *
 * With KUBENT_BIN and PLUTO_BIN pointing at their binaries, kubent and Pluto run in the same rounds on the same
 * cluster (side by side); every kind's API requests are counted in the server's audit log. Each round also runs the
 * CLI against the answers of this cluster replayed from memory (bench/lib/replay-server.ts): the scanner's own time,
 * with the API server's work off the two cores it otherwise shares.
 *
 * Prints the tables and writes them, with the date and machine, to bench/results/scan-scale.md (or --out).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureSize, type SizeResult } from './lib/measure-size';
import { growthTable, runsTable, sideBySideTable, summaryTable } from './lib/scan-table';
import { peerToolsFromEnv } from './lib/peer-run';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function flag(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

function positive(name: string, fallback: string): number[] {
  const values = flag(name, fallback).split(',').map(Number);
  if (values.some((v) => !Number.isInteger(v) || v <= 0)) throw new Error(`--${name} takes positive integers`);
  return values;
}

const sizes = positive('sizes', '1000,10000,50000');
const [runs = 3] = positive('runs', '3');
const [pageSize = 500] = positive('page-size', '500');
const [concurrency = 4] = positive('concurrency', '4');
const out = path.resolve(root, flag('out', 'bench/results/scan-scale.md'));

const peers = peerToolsFromEnv();
const cliBin = path.join(root, 'bin', 'release-lens.mjs');
if (!existsSync(path.join(root, 'dist', 'cli.mjs'))) throw new Error('Build the CLI first: npm run build:cli');
const started = new Date();
const log = (m: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${m}\n`);
const lines: string[] = [];
const print = (text: string) => {
  lines.push(text, '');
  process.stdout.write(`${text}\n\n`);
};

print(`# Scan scale benchmark (bench/scan-scale.ts)`);
print(
  [
    `- date: ${started.toISOString()}`,
    `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    `- load average at start (1/5/15 min): ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')} (the machine is shared)`,
    `- page size ${pageSize}, scan concurrency ${concurrency}, ${runs} timed runs of each kind per size (plus one warm-up scan), target 1.25, reader user`,
  ].join('\n'),
);

const results: SizeResult[] = [];
for (const pods of sizes) {
  log(`--- ${pods} pods ---`);
  const r = await measureSize({
    pods,
    runs,
    pageSize,
    concurrency,
    dataDir: path.join(root, 'data'),
    log,
    cliBin,
    ...(peers ? { peers } : {}),
  });
  results.push(r);
  const apiserver = r.apiserverRssBytes ? `, kube-apiserver RSS ${(r.apiserverRssBytes / 2 ** 20).toFixed(0)} MiB` : '';
  print(`## ${pods.toLocaleString('en-US')} pods (seeded in ${Math.round(r.seed.ms / 1000)} s${apiserver})`);
  print(runsTable(r));
  print(summaryTable([r]));
}

print('## Summary');
print(summaryTable(results));
print(
  peers
    ? '## Side by side (medians; the Release Lens CLI, kubent and Pluto as whole processes under GNU time, Release Lens in-process and the floor as child probes; "answers replayed" is the CLI against this cluster\'s recorded answers, the API server out of the picture; requests from the audit log)'
    : '## Side by side (medians; the CLI under GNU time, the in-process scan and the floor as child probes; "answers replayed" is the CLI against this cluster\'s recorded answers, the API server out of the picture; set KUBENT_BIN and PLUTO_BIN to add kubent and Pluto; requests from the audit log)',
);
print(sideBySideTable(results));
print('## Scan memory growth');
print(growthTable(results));

mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, lines.join('\n'));
log(`wrote ${path.relative(root, out)}`);
