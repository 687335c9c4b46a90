import 'server-only';
import type { Catalog } from '../catalog/load';
import type { FleetOverview, RegisteredCluster } from '../model/fleet';
import type { Report } from '../model/report';
import type { Target } from '../model/releases';
import type { ReportStore } from '../store/types';
import { runPool } from '../sources/cluster/collect/pool';
import { buildFleetOverview } from './overview';

/** Reports per cluster the trend shows. */
export const TREND_REPORTS = 30;

/** The fleet view from the store: each cluster's recent reports, its two newest documents, its last run. */
export async function fleetOverview(
  store: ReportStore,
  clusters: readonly RegisteredCluster[],
  catalog: Catalog,
  options: { now?: number; target?: Target } = {},
): Promise<FleetOverview> {
  const now = options.now ?? Date.now();
  const ids = clusters.map((c) => c.id);
  const [reports, runs] = await Promise.all([store.clusterReports(ids, TREND_REPORTS), store.runs.latest(ids)]);
  const documents = new Map<string, Report[]>();
  // A few documents at a time: each can be megabytes.
  await runPool(ids, 4, async (id) => {
    const newest = (reports.get(id) ?? []).slice(0, 2);
    const docs: Report[] = [];
    for (const summary of newest) {
      const stored = await store.get(summary.id);
      if (stored) docs.push(stored.report);
    }
    documents.set(id, docs);
  });
  return buildFleetOverview({
    clusters,
    reports,
    documents,
    runs,
    catalog,
    now,
    ...(options.target ? { target: options.target } : {}),
  });
}

/** How long one computed fleet view serves every viewer of this replica (documents can be megabytes each). */
const CACHE_MS = 10_000;
const cache = new Map<string, { at: number; overview: Promise<FleetOverview> }>();

/**
 * The fleet view, computed at most once per target every few seconds per replica, however many viewers refresh
 * it. A save in this process clears it (forgetFleetView); another replica's save shows within CACHE_MS.
 */
export function cachedFleetOverview(
  store: ReportStore,
  clusters: readonly RegisteredCluster[],
  catalog: Catalog,
  target?: Target,
): Promise<FleetOverview> {
  const key = `${target ?? ''}|${clusters.map((c) => `${c.id}:${c.target}:${c.everyMs ?? ''}`).join(',')}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.overview;
  const overview = fleetOverview(store, clusters, catalog, { now, ...(target ? { target } : {}) });
  cache.set(key, { at: now, overview });
  overview.catch(() => cache.delete(key));
  return overview;
}

/** Forgets the cached fleet views: a report was just saved. */
export function forgetFleetView(): void {
  cache.clear();
}
