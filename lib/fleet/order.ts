import type { FleetOverview } from '../model/fleet';

/** A change with the number of registered clusters whose newest report it still affects. */
export interface FleetRanked<T> {
  item: T;
  clusters: number;
}

/**
 * Orders changes by how many clusters of the fleet each still affects, most first; changes that affect none keep
 * their given order after them.
 */
export function orderByFleet<T extends { id: string }>(items: readonly T[], fleet: FleetOverview): FleetRanked<T>[] {
  const count = new Map(fleet.changes.map((c) => [c.changeId, c.clusters.length]));
  return items
    .map((item, index) => ({ item, clusters: count.get(item.id) ?? 0, index }))
    .sort((a, b) => b.clusters - a.clusters || a.index - b.index)
    .map(({ item, clusters }) => ({ item, clusters }));
}
