/**
 * Issue 14's start-up figures: `release-lens --version` and a demo scan end to end, each in a fresh process of the
 * built CLI (npm run build:cli first), timed with their peak RSS by GNU time; medians over the runs.
 *
 *   npm run bench:startup -- [--runs=7]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize } from './lib/next-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? '7');
const bin = path.join(root, 'bin', 'release-lens.mjs');
if (!existsSync(path.join(root, 'dist', 'cli.mjs'))) throw new Error('Build the CLI first: npm run build:cli');

function once(args: string[]): { seconds: number; mib: number } {
  const out = path.join(tmpdir(), `release-lens-startup-${process.pid}`);
  spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', out, process.execPath, bin, ...args], {
    cwd: tmpdir(),
    encoding: 'utf8',
  });
  const [seconds = NaN, kib = NaN] = readFileSync(out, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
  rmSync(out, { force: true });
  return { seconds, mib: kib / 1024 };
}

const cases: [string, string[]][] = [
  ['release-lens --version', ['--version']],
  [
    'release-lens scan --demo (Markdown, to a file)',
    ['scan', '--demo', '-q', '-o', path.join(tmpdir(), `release-lens-startup-${process.pid}.md`)],
  ],
];
const lines = [
  `# CLI start-up (${runs} runs each, medians; ${cpus().length} cores, Node ${process.version})`,
  '',
  '| command | wall time | peak RSS |',
  '| --- | ---: | ---: |',
];
for (const [label, args] of cases) {
  once(args); // warm the file cache
  const samples = Array.from({ length: runs }, () => once(args));
  const time = summarize(samples.map((s) => s.seconds));
  const rss = summarize(samples.map((s) => s.mib));
  lines.push(`| \`${label}\` | ${(time.median * 1000).toFixed(0)} ms | ${rss.median.toFixed(0)} MiB |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
