/**
 * Child process of bench/scan-scale.ts: one full scan as the product runs it (upload source through the reader
 * context, connect + collectSnapshot + evaluate against the catalog), then its figures as one JSON line. Needs the
 * `react-server` condition (lib/sources/cluster imports server-only).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadCatalogFrom } from '../../lib/catalog/load';
import { collectSnapshot, connect, type ClusterConnection } from '../../lib/sources/cluster';
import { evaluate } from '../../lib/scan/evaluate';
import type { Snapshot } from '../../lib/model/snapshot';
import { emit, findingsKey, memoryFigures, readProbeInput, type ListCall } from './probe-io';

/** Wraps a connection so the first page of every LIST is recorded: the floor replays exactly these. */
function recording(conn: ClusterConnection, plan: ListCall[]): ClusterConnection {
  return {
    ...conn,
    get: (path, options) => {
      if (path.includes('limit=') && !path.includes('continue=')) {
        const single = /[?&]limit=1(&|$)/.test(path);
        plan.push({ path, accept: options?.accept ?? 'application/json', ...(single ? { single } : {}) });
      }
      return conn.get(path, options);
    },
  };
}

/** Distinct spec objects held by pods and pod templates: what the interner kept. */
function distinctSpecs(snapshot: Snapshot): number {
  const specs = new Set<object>();
  for (const p of snapshot.pods) specs.add(p.spec);
  for (const w of snapshot.workloads) specs.add(w.template.spec);
  return specs.size;
}

const OBJECT_FREE = new Set(['version', 'discovery', 'metrics']);

async function main(): Promise<void> {
  const input = readProbeInput(process.argv[2]);
  // The product loads the catalog once per server, not per scan: outside the timed part.
  const catalog = loadCatalogFrom(input.dataDir);
  const kubeconfig = readFileSync(input.kubeconfigPath, 'utf8');
  const plan: ListCall[] = [];
  let progressEvents = 0;

  const started = performance.now();
  const conn = await connect(
    { kind: 'upload', kubeconfig, context: input.context },
    { requestTimeoutMs: input.requestTimeoutMs, userAgent: 'release-lens-bench/scan' },
  );
  let snapshot: Snapshot;
  try {
    snapshot = await collectSnapshot(recording(conn, plan), {
      pageSize: input.pageSize,
      concurrency: input.concurrency,
      onProgress: () => void (progressEvents += 1),
    });
  } finally {
    conn.close();
  }
  const collected = performance.now();
  const report = evaluate(snapshot, { target: '1.25', catalog });
  const finished = performance.now();

  const memory = memoryFigures();
  const resources = snapshot.coverage.filter((c) => !OBJECT_FREE.has(c.resource));
  emit({
    mode: 'scan',
    wallMs: finished - started,
    collectMs: collected - started,
    evaluateMs: finished - collected,
    ...memory,
    objects: resources.reduce((n, c) => n + c.count, 0),
    pods: report.cluster.pods,
    workloads: report.cluster.workloads,
    distinctSpecs: distinctSpecs(snapshot),
    findings: report.findings.length,
    findingsKey: findingsKey(report.findings),
    problems: snapshot.coverage.filter((c) => c.status !== 'ok').map((c) => `${c.resource}: ${c.status}`),
    plan,
  });
  if (progressEvents === 0) process.stderr.write('scan-probe: no progress events were emitted\n');
}

await main();
