import 'server-only';
import { LANE_THRESHOLD } from './lanes';
import { env as readEnv, type Env } from '../../../env';
import { SnapshotBuilder } from '../../../snapshot/builder';
import type { HelmDecoder } from '../../../snapshot/helm/decoder';
import type { ReadBudgets } from '../../../model/budgets';
import type { Snapshot } from '../../../model/snapshot';
import { RESOURCE_KEYS } from '../../../model/resources';
import type { ClusterConnection } from '../connect';
import type { RetryPolicy } from '../http/retry';
import { collectResource, type ResourceContext } from './collect-resource';
import { readDiscovery, unknownDiscovery, type Discovery } from './discovery';
import { failureCoverage } from './http-status';
import { collectKubeadm } from './kubeadm';
import { readDeprecatedApiMetrics } from './metrics';
import { runPool } from './pool';
import { readServerVersion } from './preflight';
import type { VersionCandidate } from './select-version';
import { protobufFits } from '../wire/schema-version';
import { ProgressTracker, type ProgressListener } from './progress';
import { RESOURCE_TABLE } from '../../../model/resources';

/** Helm records a scan lets wait for a decoder before it reads the next page. */
const PENDING_DECODES = 8;

export interface CollectOptions {
  onProgress?: ProgressListener;
  /** Cancels the scan; collectSnapshot then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Overrides RELEASE_LENS_PAGE_SIZE. */
  pageSize?: number;
  /** Overrides RELEASE_LENS_SCAN_CONCURRENCY (resources read at once, and namespaces of a large collection). */
  concurrency?: number;
  /** Overrides RELEASE_LENS_PROTOBUF: ask for pods as protobuf (servers newer than the schema are read as JSON). */
  protobuf?: boolean;
  /** Above how many objects a namespaced collection is read namespace by namespace (LANE_THRESHOLD). */
  laneThreshold?: number;
  /** Namespaces to read one by one when cluster-wide lists are forbidden; default: the context's namespace. */
  namespaces?: string[];
  /** Namespaces to narrow the scan to: namespaced resources are read in these only (cluster-scoped ones whole). */
  onlyNamespaces?: string[];
  retry?: RetryPolicy;
  env?: Env;
  collectedAt?: Date;
  /** What the scan may read (DEFAULT_BUDGETS when absent); the connection's transport enforces the byte budgets. */
  budgets?: ReadBudgets;
  /** Where Helm records are decoded; inline when absent. */
  helmDecoder?: HelmDecoder;
}

/** A version the API server cannot count as a deprecated API request: GA (v1, v2, ...) and not deprecated. */
const isStable = (c: VersionCandidate): boolean => c.deprecated !== true && /^v\d+$/.test(c.version);

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('The scan was cancelled.');
}

/**
 * Scans a live cluster read-only into a Snapshot: /version first (connection problems end the scan with an AppError),
 * then discovery, /metrics, and a paginated LIST of every resource with a bounded number in flight. Any other failed
 * read becomes a coverage entry instead of failing the scan.
 */
export async function collectSnapshot(conn: ClusterConnection, options: CollectOptions = {}): Promise<Snapshot> {
  try {
    return await collect(conn, options);
  } catch (error) {
    // Whatever request noticed the cancellation first, the caller gets the reason it gave.
    throwIfCancelled(options.signal);
    throw error;
  }
}

async function collect(conn: ClusterConnection, options: CollectOptions): Promise<Snapshot> {
  const e = options.env ?? readEnv();
  const { signal, retry } = options;
  const progress = new ProgressTracker(RESOURCE_KEYS.length, options.onProgress);

  progress.emit('connecting');
  const version = await readServerVersion(conn, { signal, retry });
  const builder = new SnapshotBuilder(conn.source, options.collectedAt, {
    ...(options.budgets ? { budgets: options.budgets } : {}),
    ...(options.helmDecoder ? { helmDecoder: options.helmDecoder } : {}),
    ...(signal ? { signal } : {}),
  });
  if (version.version) builder.setServerVersion(version.version);
  builder.recordCoverage(version.coverage);
  if (conn.kubeconfigFacts) builder.setKubeconfigFacts(conn.kubeconfigFacts);
  progress.finish('version', 'connecting');

  progress.emit('discovery');
  let listing = false;
  // /metrics is read beside discovery and the first lists: only a read through a deprecated or pre-release version
  // waits for it (beforeRead below), so our own PodSecurityPolicy read is never in the metric we report.
  const metricsRead = readDeprecatedApiMetrics(conn, { signal, retry }).then((metrics) => {
    if (metrics.requests) builder.setDeprecatedApiRequests(metrics.requests);
    builder.recordCoverage(metrics.coverage);
    progress.finish('metrics', listing ? 'listing' : 'discovery');
  });
  // Until the pool awaits it, a cancelled read must not be an unhandled rejection.
  metricsRead.catch(() => undefined);
  let discovery: Discovery;
  try {
    discovery = await readDiscovery(conn, { signal, retry });
    builder.setServedGroupVersions(discovery.servedGroupVersions);
    builder.recordCoverage({ resource: 'discovery', status: 'ok', count: discovery.servedGroupVersions.length });
  } catch (error) {
    throwIfCancelled(signal);
    discovery = unknownDiscovery(conn, { signal, retry });
    builder.recordCoverage(failureCoverage('discovery', error));
  }
  progress.finish('discovery', 'discovery');

  const ctx: ResourceContext = {
    conn,
    discovery,
    pageSize: options.pageSize ?? e.RELEASE_LENS_PAGE_SIZE,
    fallbackNamespaces: options.namespaces ?? (conn.defaultNamespace ? [conn.defaultNamespace] : []),
    ...(options.onlyNamespaces?.length ? { onlyNamespaces: options.onlyNamespaces } : {}),
    addItems: (spec, items) => {
      builder.addItems(spec.key, items);
      progress.addItems(spec.key, items.length);
    },
    skipped: (spec, reason) => builder.recordSkipped({ resource: spec.key }, [reason]),
    afterPage: () => builder.settle(PENDING_DECODES),
    beforeRead: (c) => (isStable(c) ? Promise.resolve() : metricsRead),
    // Only where the message types know every field the server's pods can hold (wire/schema-version.ts).
    protobuf: (options.protobuf ?? e.RELEASE_LENS_PROTOBUF) && protobufFits(version.version),
    lanes: options.concurrency ?? e.RELEASE_LENS_SCAN_CONCURRENCY,
    laneThreshold: options.laneThreshold ?? LANE_THRESHOLD,
    signal,
    retry,
  };
  listing = true;
  await runPool(RESOURCE_TABLE, options.concurrency ?? e.RELEASE_LENS_SCAN_CONCURRENCY, async (spec) => {
    throwIfCancelled(signal);
    progress.emit('listing', spec.key);
    const entry = spec.key === 'kubeadmconfig' ? await collectKubeadm(spec, ctx) : await collectResource(spec, ctx);
    builder.recordCoverage(entry);
    progress.finish(spec.key);
  });
  await metricsRead;
  throwIfCancelled(signal);

  const snapshot = await builder.finish();
  progress.emit('done');
  return snapshot;
}
