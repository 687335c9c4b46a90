import type { FleetClusterRow, FleetOverview, FleetVerdict } from '../model/fleet';
import { isRelease, type Target } from '../model/releases';

export const FLEET_VERDICTS: readonly FleetVerdict[] = [
  'blocked',
  'unknown',
  'no-report',
  'ready-with-actions',
  'ready',
];

/** What the fleet view shows; all of it lives in the URL, so a filtered fleet is a link. */
export interface FleetQuery {
  /** Words that must all appear in a cluster's name or id. */
  q: string;
  /** Verdicts to show; empty: all. */
  verdicts: FleetVerdict[];
  /** Only clusters still affected by this change. */
  change?: string;
  /** The cluster opened for its trend. */
  cluster?: string;
  /** Only clusters whose newest report is older than this many hours. */
  staleHours?: number;
  /** Judge every cluster against this release (absent: each against its own). */
  target?: Target;
}

const isVerdict = (v: string): v is FleetVerdict => (FLEET_VERDICTS as readonly string[]).includes(v);
const ID = /^[a-z0-9-]{1,63}$/;
const CHANGE = /^[a-z0-9-]{1,100}$/;

/** Reads the query from URL parameters; anything the view does not understand is dropped. */
export function parseFleetQuery(params: URLSearchParams): FleetQuery {
  const verdicts = [...new Set((params.get('verdict') ?? '').split(','))].filter(isVerdict);
  const change = params.get('change') ?? '';
  const cluster = params.get('cluster') ?? '';
  const stale = Number(params.get('stale') ?? '');
  const target = params.get('target') ?? '';
  return {
    ...(isRelease(target) ? { target } : {}),
    q: (params.get('q') ?? '').slice(0, 200),
    verdicts,
    ...(CHANGE.test(change) ? { change } : {}),
    ...(ID.test(cluster) ? { cluster } : {}),
    ...(Number.isInteger(stale) && stale > 0 && stale <= 24 * 365 ? { staleHours: stale } : {}),
  };
}

/** The query as URL parameters, without defaults. */
export function fleetQueryParams(query: FleetQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (query.q) p.set('q', query.q);
  if (query.verdicts.length) p.set('verdict', query.verdicts.join(','));
  if (query.change) p.set('change', query.change);
  if (query.staleHours) p.set('stale', String(query.staleHours));
  if (query.target) p.set('target', query.target);
  if (query.cluster) p.set('cluster', query.cluster);
  return p;
}

/** The clusters the query shows, in the overview's order. */
export function filterClusters(overview: FleetOverview, query: FleetQuery): FleetClusterRow[] {
  const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
  const affected = query.change
    ? new Set(overview.changes.find((c) => c.changeId === query.change)?.clusters ?? [])
    : undefined;
  return overview.clusters.filter((c) => {
    const hay = `${c.name} ${c.id}`.toLowerCase();
    if (!words.every((w) => hay.includes(w))) return false;
    if (query.verdicts.length && !query.verdicts.includes(c.verdict)) return false;
    if (affected && !affected.has(c.id)) return false;
    if (query.staleHours !== undefined) {
      const age = c.latest?.ageMs;
      if (age !== undefined && age < query.staleHours * 3_600_000) return false;
    }
    return true;
  });
}
