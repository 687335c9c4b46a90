import type { Stage } from '../model/catalog';
import type { Release } from '../model/releases';
import type { Catalog } from './load';
import type { Change, ReleaseInfo } from './schema';

/** One row of the comparison with a release announcement's totals, with the entries that make the difference. */
export interface StageReconciliation {
  label: string;
  stages: Stage[];
  /** What the announcement counts; undefined when it gives no figure for this row. */
  announced: number | undefined;
  /** KEP-tracked catalog entries of these stages. */
  catalogued: number;
  /** Of those, the ones whose KEP the announcement links. */
  linked: Change[];
  /** The rest: KEPs found moving in feature-gate data or release notes, which the announcement does not name. */
  unlinked: Change[];
  /** announced − catalogued: more announced than catalogued (positive) or the reverse (negative). */
  difference: number | undefined;
}

const byKep = (a: Change, b: Change) => (a.kep ?? 0) - (b.kep ?? 0);

/**
 * The announcement's totals beside the catalog, stage by stage: for each stage, which catalog entries the
 * announcement links and which it does not, so every difference has names. Entries without a KEP (runtime
 * minimums, API retirements) are not part of the official enhancement totals and are left out.
 */
export function reconcileRelease(catalog: Catalog, info: ReleaseInfo): StageReconciliation[] {
  const release: Release = info.version;
  const announced = new Set(info.announcedKeps);
  const keps = catalog.changes.filter((c) => c.release === release && c.kep !== undefined);
  const o = info.official;
  const rows: [string, Stage[], number | undefined][] = [
    ['Stable', ['stable'], o.stable],
    ['Beta', ['beta'], o.beta],
    ['Alpha', ['alpha'], o.alpha],
  ];
  if (o.deprecated !== undefined) rows.push(['Deprecated', ['deprecated'], o.deprecated]);
  if (o.removed !== undefined) rows.push(['Removed', ['removed'], o.removed]);
  if (o.deprecatedOrRemoved !== undefined)
    rows.push(['Deprecated or removed', ['deprecated', 'removed'], o.deprecatedOrRemoved]);
  return rows.map(([label, stages, count]) => {
    const entries = keps.filter((c) => c.stage !== undefined && stages.includes(c.stage));
    return {
      label,
      stages,
      announced: count,
      catalogued: entries.length,
      linked: entries.filter((c) => announced.has(c.kep ?? -1)).sort(byKep),
      unlinked: entries.filter((c) => !announced.has(c.kep ?? -1)).sort(byKep),
      difference: count === undefined ? undefined : count - entries.length,
    };
  });
}
