import 'server-only';
import path from 'node:path';
import type { Catalog } from '../catalog/load';
import { env as processEnv, readBudgets, type Env } from '../env';
import { AppError } from '../errors';
import type { RegisteredCluster } from '../model/fleet';
import type { SaveReceipt } from '../model/saved-report';
import { runScan } from '../scan/run-scan';
import type { ScanSource } from '../scan/sources';
import type { ReportStore, RunKey } from '../store/types';
import { TOOL_VERSION } from '../version';
import { serverHelmDecoder, serverReportPreparer } from '../workers/instances';

/** The scan source of a registered cluster the dashboard can reach. */
function sourceOf(cluster: RegisteredCluster): ScanSource {
  const access = cluster.access;
  if (access === undefined) {
    throw new AppError(
      'invalid-input',
      `Cluster "${cluster.id}" has no kubeconfig or inCluster: only its agent can scan it.`,
    );
  }
  if (access.kind === 'in-cluster') return { kind: 'in-cluster' };
  return { kind: 'kubeconfig', ...(access.context === undefined ? {} : { context: access.context }) };
}

/**
 * Scans a registered cluster with the credentials mounted for it (read-only, as every scan) and files the report
 * under it. With `run`, the report is the result of that scheduled scan and is stored only if no other attempt
 * finished it first (AppError 'conflict').
 */
export async function scanRegistered(
  cluster: RegisteredCluster,
  deps: { store: ReportStore; catalog: Catalog; signal: AbortSignal; run?: RunKey; env?: Env },
): Promise<SaveReceipt> {
  const settings = deps.env ?? processEnv();
  const budgets = readBudgets(settings);
  const report = await runScan(sourceOf(cluster), {
    target: cluster.target,
    catalog: deps.catalog,
    dataDir: path.join(process.cwd(), 'data'),
    budgets,
    helmDecoder: serverHelmDecoder(budgets),
    signal: deps.signal,
    connect: {
      // The operator mounted this kubeconfig for this cluster: the switch for offering the server's own is moot.
      env: { ...settings, RELEASE_LENS_LOCAL_KUBECONFIG: true },
      userAgent: `release-lens-scheduler/${TOOL_VERSION}`,
      ...(cluster.access?.kind === 'kubeconfig' ? { kubeconfigPath: cluster.access.file } : {}),
    },
  });
  const store = deps.store;
  const prepared = await serverReportPreparer().prepare(
    JSON.stringify({ report }),
    store.limits,
    store.redactionSalt,
    deps.signal,
  );
  return store.insert(prepared, { cluster: cluster.id, ...(deps.run ? { run: deps.run } : {}) });
}
