import type { Catalog } from './load';
import { STAGES, type Stage } from '../model/catalog';
import type { Change } from './schema';
import type { Release } from '../model/releases';

export interface ReleaseStats {
  release: Release;
  total: number;
  byStage: { stage: Stage; count: number }[];
  /** Per stage, counting only KEP-tracked entries: the figures comparable with the official totals. */
  kepsByStage: { stage: Stage; count: number }[];
  bySig: { sig: string; count: number }[];
  /** Enhancements tracked by a KEP, comparable with the official total. */
  keps: number;
  breaking: number;
}

function countBy<T extends string>(items: readonly Change[], key: (c: Change) => T | undefined): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Counts per stage and per SIG for one release, computed from the catalog. */
export function releaseStats(catalog: Catalog, release: Release): ReleaseStats {
  const changes = catalog.changes.filter((c) => c.release === release);
  const stages = countBy(changes, (c) => c.stage);
  const sigs = countBy(changes, (c) => c.sig);
  const kepStages = countBy(
    changes.filter((c) => c.kep !== undefined),
    (c) => c.stage,
  );
  return {
    release,
    total: changes.length,
    byStage: STAGES.map((stage) => ({ stage, count: stages.get(stage) ?? 0 })),
    kepsByStage: STAGES.map((stage) => ({ stage, count: kepStages.get(stage) ?? 0 })),
    bySig: [...sigs.entries()]
      .map(([sig, count]) => ({ sig, count }))
      .sort((a, b) => b.count - a.count || a.sig.localeCompare(b.sig)),
    keps: changes.filter((c) => c.kep !== undefined).length,
    breaking: changes.filter((c) => c.severity === 'breaking').length,
  };
}
