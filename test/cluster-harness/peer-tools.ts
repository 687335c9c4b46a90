import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAuditEvents } from './harness/audit';
import { startCluster, type RunningCluster } from './harness/cluster';
import { peerToolPaths } from './harness/paths';
import { allScenarios, seedScenarios } from './scenarios/index';

/**
 * npm run peers: runs Pluto and kube-no-trouble against a freshly seeded cluster and keeps
 * their JSON in test/cluster-harness/peer-output/ as a baseline to compare Release Lens with.
 */
const OUT_DIR = join(import.meta.dirname, 'peer-output');

interface ToolRun {
  tool: string;
  args: string[];
  exitCode: number;
  ms: number;
  stdout: string;
  stderr: string;
}

function run(tool: string, bin: string, args: string[]): Promise<ToolRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(bin, args, { maxBuffer: 64 * 1024 * 1024, timeout: 300_000 }, (err, stdout, stderr) => {
      const exitCode = err && typeof err.code === 'number' ? err.code : err ? -1 : 0;
      resolve({ tool, args, exitCode, ms: Date.now() - started, stdout, stderr });
    });
  });
}

// Stable output: the tools do not sort their findings.
function sortDeep(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map(sortDeep).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sortDeep(v)]));
  return value;
}

function parseJson(r: ToolRun): unknown {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(
      `${r.tool} (exit ${r.exitCode}) did not print JSON:\n${r.stdout.slice(0, 2000)}\n${r.stderr.slice(-2000)}`,
    );
  }
}

async function requestSummary(cluster: RunningCluster, marker: string) {
  const events = await readAuditEvents(cluster.auditLogPath);
  const mine = events.filter((e) => (e.userAgent ?? '').toLowerCase().includes(marker));
  const verbs: Record<string, number> = {};
  for (const e of mine) verbs[e.verb] = (verbs[e.verb] ?? 0) + 1;
  return { requests: mine.length, verbs, denied: mine.filter((e) => (e.responseStatus?.code ?? 0) >= 400).length };
}

const tools = peerToolPaths();
for (const [name, bin] of Object.entries(tools)) {
  if (!existsSync(bin))
    throw new Error(`${name} not found at ${bin}: run test/cluster-harness/build/install-peer-tools.sh`);
}

const cluster = await startCluster();
try {
  const seeded = await seedScenarios(cluster, allScenarios);
  const kc = cluster.kubeconfigPath;
  const pluto = await run('pluto', tools.pluto, [
    'detect-all-in-cluster',
    '--kubeconfig',
    kc,
    '--kube-context',
    'admin',
    '-o',
    'json',
    '--target-versions',
    'k8s=v1.25.0',
  ]);
  const kubent = await run('kubent', tools.kubent, ['-k', kc, '-x', 'admin', '-o', 'json', '-t', '1.25.0']);
  mkdirSync(OUT_DIR, { recursive: true });
  const meta: Record<string, unknown> = {
    cluster: 'kube-apiserver v1.24.17',
    scenarios: seeded.scenarios,
    seededObjects: seeded.created,
  };
  for (const r of [pluto, kubent]) {
    writeFileSync(join(OUT_DIR, `${r.tool}.json`), JSON.stringify(sortDeep(parseJson(r)), null, 2) + '\n');
    meta[r.tool] = {
      args: r.args.map((a) => (a === kc ? '<kubeconfig>' : a)),
      exitCode: r.exitCode,
      ms: r.ms,
      ...(await requestSummary(cluster, r.tool === 'pluto' ? 'pluto' : 'kubent')),
    };
    console.log(`${r.tool}: exit ${r.exitCode} in ${r.ms} ms -> peer-output/${r.tool}.json`);
  }
  writeFileSync(join(OUT_DIR, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
} finally {
  await cluster.stop();
}
