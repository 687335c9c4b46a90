import 'server-only';
import { env as processEnv, readBudgets, type Env } from '../env';
import { AppError } from '../errors';
import type { RegisteredCluster } from '../model/fleet';
import type { SaveReceipt } from '../model/saved-report';
import type { ClusterSource } from '../sources/cluster';
import type { ReportStore, RunKey } from '../store/types';
import { TOOL_VERSION } from '../version';
import { serverHelmDecoder, serverLiveScans, serverReportPreparer } from '../workers/instances';

/** The scan source of a registered cluster the dashboard can reach. */
function sourceOf(cluster: RegisteredCluster): ClusterSource {
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
  deps: { store: ReportStore; signal: AbortSignal; run?: RunKey; env?: Env },
): Promise<SaveReceipt> {
  const settings = deps.env ?? processEnv();
  const budgets = readBudgets(settings);
  // On a worker thread, as a scan started from the browser: the server's pages stay responsive meanwhile.
  const report = await serverLiveScans().scan(
    {
      source: sourceOf(cluster),
      target: cluster.target,
      budgets,
      connect: {
        // The operator mounted this kubeconfig for this cluster: the switch for offering the server's own is moot.
        env: { ...settings, RELEASE_LENS_LOCAL_KUBECONFIG: true },
        userAgent: `release-lens-scheduler/${TOOL_VERSION}`,
        ...(cluster.access?.kind === 'kubeconfig' ? { kubeconfigPath: cluster.access.file } : {}),
      },
    },
    { helmDecoder: serverHelmDecoder(budgets), signal: deps.signal },
  );
  const store = deps.store;
  const prepared = await serverReportPreparer().prepare(
    JSON.stringify({ report }),
    store.limits,
    store.redactionSalt,
    deps.signal,
  );
  return store.insert(prepared, { cluster: cluster.id, ...(deps.run ? { run: deps.run } : {}) });
}
