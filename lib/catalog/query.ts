import { FACET_KEYS, type FacetKey, type Filters } from './filters';
import { SEVERITIES, STAGES } from '../model/catalog';
import type { Change } from './schema';
import type { ListSort } from './listing';
import { score, terms } from './search';

export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

export type FacetCounts = Record<FacetKey, FacetValue[]>;

/** The values one change contributes to a facet. */
export function facetValues(change: Change, key: FacetKey): string[] {
  switch (key) {
    case 'release':
      return [change.release];
    case 'sig':
      return [change.sig];
    case 'stage':
      return change.stage ? [change.stage] : [];
    case 'kind':
      return [change.kind];
    case 'severity':
      return [change.severity];
    case 'gate':
      return change.featureGates.map((g) => g.name);
  }
}

/** True when the change needs the operator to do something for the upgrade. */
export function isActionRequired(change: Change): boolean {
  return change.severity !== 'info';
}

function matchesFacet(change: Change, key: FacetKey, selected: readonly string[]): boolean {
  if (selected.length === 0) return true;
  return facetValues(change, key).some((v) => selected.includes(v));
}

/** Facets combine with AND; values inside one facet with OR. `skip` leaves one facet out (for its counts). */
function matches(change: Change, filters: Filters, skip?: FacetKey): boolean {
  if (filters.actionRequired && !isActionRequired(change)) return false;
  return FACET_KEYS.every((key) => key === skip || matchesFacet(change, key, filters[key]));
}

const severityRank = (c: Change) => SEVERITIES.indexOf(c.severity);

/** Breaking first, then by release and title. */
export function compareChanges(a: Change, b: Change): number {
  return severityRank(a) - severityRank(b) || a.release.localeCompare(b.release) || a.title.localeCompare(b.title);
}

/** The changes that pass every filter, best search matches first when there is a query. */
export function queryChanges(changes: readonly Change[], filters: Filters): Change[] {
  const queryTerms = terms(filters.q);
  const scored = changes
    .filter((c) => matches(c, filters))
    .map((change) => ({ change, score: score(change, queryTerms) }))
    .filter((s) => s.score > 0);
  scored.sort((a, b) => b.score - a.score || compareChanges(a.change, b.change));
  return scored.map((s) => s.change);
}

const facetOrder: Partial<Record<FacetKey, readonly string[]>> = {
  stage: STAGES,
  severity: SEVERITIES,
};

/**
 * Counts per facet value. Each facet is counted over the changes that pass every *other* filter, so a count says
 * how many results that value would add or keep.
 */
export function facetCounts(changes: readonly Change[], filters: Filters): FacetCounts {
  const queryTerms = terms(filters.q);
  const searched = changes.filter((c) => score(c, queryTerms) > 0);
  const result = {} as FacetCounts;
  for (const key of FACET_KEYS) {
    const counts = new Map<string, number>();
    for (const change of changes) for (const v of facetValues(change, key)) counts.set(v, 0);
    for (const change of searched) {
      if (!matches(change, filters, key)) continue;
      for (const v of facetValues(change, key)) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    for (const v of filters[key]) if (!counts.has(v)) counts.set(v, 0);
    const order = facetOrder[key];
    result[key] = [...counts.entries()]
      .map(([value, count]) => ({ value, count, selected: (filters[key] as string[]).includes(value) }))
      .sort((a, b) => (order ? order.indexOf(a.value) - order.indexOf(b.value) : a.value.localeCompare(b.value)));
  }
  return result;
}

/** Orders search results; `relevance` keeps the order they came in (best match first). */
export function sortChanges(changes: readonly Change[], sort: ListSort): Change[] {
  const by: Record<Exclude<ListSort, 'relevance'>, (a: Change, b: Change) => number> = {
    severity: compareChanges,
    release: (a, b) => a.release.localeCompare(b.release) || compareChanges(a, b),
    title: (a, b) => a.title.localeCompare(b.title),
    sig: (a, b) => a.sig.localeCompare(b.sig) || compareChanges(a, b),
  };
  return sort === 'relevance' ? [...changes] : [...changes].sort(by[sort]);
}
