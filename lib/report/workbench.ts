import { SEVERITIES, type Severity } from '../model/catalog';
import { CONFIDENCES, type Finding } from '../model/finding';
import { renderText } from '../model/text';
import { GROUPINGS, type Grouping } from './group';

/**
 * The findings workbench's query: a search, facets (any value within one facet, every facet), a sort, a view and a
 * grouping. It lives in the URL, so a filtered view of a report is a link: `readQuery` takes any query string (a
 * hand-edited or hostile one included) and keeps only what it understands.
 */

export const FACETS = [
  'severity',
  'change',
  'namespace',
  'kind',
  'owner',
  'helm',
  'confidence',
  'source',
  'state',
] as const;
export type Facet = (typeof FACETS)[number];

/** The query-string parameter of each facet. */
export const FACET_PARAM: Record<Facet, string> = {
  severity: 'sev',
  change: 'change',
  namespace: 'ns',
  kind: 'kind',
  owner: 'owner',
  helm: 'helm',
  confidence: 'conf',
  source: 'src',
  state: 'state',
};

export const FACET_LABEL: Record<Facet, string> = {
  severity: 'Severity',
  change: 'Change',
  namespace: 'Namespace',
  kind: 'Kind',
  owner: 'Owner workload',
  helm: 'Helm release',
  confidence: 'Confidence',
  source: 'Evidence source',
  state: 'Status',
};

export const SORTS = ['severity', 'change', 'namespace', 'object', 'confidence'] as const;
export type Sort = (typeof SORTS)[number];

export const VIEWS = ['grouped', 'table'] as const;
export type View = (typeof VIEWS)[number];

export interface FindingQuery {
  q: string;
  facets: Record<Facet, string[]>;
  sort: Sort;
  view: View;
  group: Grouping;
}

/** Longest search kept, and most values kept per facet: a URL is not a place for megabytes. */
export const MAX_SEARCH = 200;
export const MAX_FACET_VALUES = 50;

/** The value a finding has for a facet when it has none (a cluster-scoped object, no Helm release). */
export const NONE = '-';

export function emptyQuery(): FindingQuery {
  return {
    q: '',
    facets: Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<Facet, string[]>,
    sort: 'severity',
    view: 'grouped',
    group: 'change',
  };
}

/** Facets whose values are a fixed list, kept in that order. */
const FIXED_VALUES: Partial<Record<Facet, readonly string[]>> = {
  severity: SEVERITIES,
  confidence: CONFIDENCES,
  state: ['open', 'accepted'],
};

const oneOf = <T extends string>(list: readonly T[], v: string | null, fallback: T): T =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : fallback;

/** The query a URL's search parameters describe; anything unknown, repeated past the limits or too long is dropped. */
export function readQuery(params: URLSearchParams): FindingQuery {
  const query = emptyQuery();
  query.q = (params.get('q') ?? '').slice(0, MAX_SEARCH);
  for (const facet of FACETS) {
    const values = params
      .getAll(FACET_PARAM[facet])
      .filter((v) => v.length > 0 && v.length <= 400)
      .slice(0, MAX_FACET_VALUES);
    const allowed = FIXED_VALUES[facet];
    query.facets[facet] = [...new Set(allowed ? values.filter((v) => allowed.includes(v)) : values)];
  }
  query.sort = oneOf(SORTS, params.get('sort'), 'severity');
  query.view = oneOf(VIEWS, params.get('view'), 'grouped');
  query.group = oneOf(GROUPINGS, params.get('group'), 'change');
  return query;
}

/** The search parameters of a query: only what differs from the defaults, in a stable order. */
export function writeQuery(query: FindingQuery): URLSearchParams {
  const out = new URLSearchParams();
  const defaults = emptyQuery();
  if (query.q.trim() !== '') out.set('q', query.q.slice(0, MAX_SEARCH));
  for (const facet of FACETS) for (const v of query.facets[facet]) out.append(FACET_PARAM[facet], v);
  if (query.sort !== defaults.sort) out.set('sort', query.sort);
  if (query.view !== defaults.view) out.set('view', query.view);
  if (query.group !== defaults.group) out.set('group', query.group);
  return out;
}

/** True when the query narrows the findings at all. */
export function isFiltered(query: FindingQuery): boolean {
  return query.q.trim() !== '' || FACETS.some((f) => query.facets[f].length > 0);
}

/** Sets one facet to exactly these values (an empty list clears it). */
export function withFacet(query: FindingQuery, facet: Facet, values: string[]): FindingQuery {
  return { ...query, facets: { ...query.facets, [facet]: [...new Set(values)].slice(0, MAX_FACET_VALUES) } };
}

/** Adds or removes one value of a facet. */
export function toggleFacet(query: FindingQuery, facet: Facet, value: string): FindingQuery {
  const now = query.facets[facet];
  return withFacet(query, facet, now.includes(value) ? now.filter((v) => v !== value) : [...now, value]);
}

const refKey = (r: { kind: string; namespace?: string; name: string }) =>
  `${r.kind} ${r.namespace === undefined ? '' : `${r.namespace}/`}${r.name}`;

/** The values a finding has for a facet (evidence sources can be several). */
export function facetValues(f: Finding, facet: Facet): readonly string[] {
  switch (facet) {
    case 'severity':
      return [f.severity];
    case 'change':
      return [f.changeId];
    case 'namespace':
      return [f.object.namespace ?? NONE];
    case 'kind':
      return [f.object.kind];
    case 'owner':
      return [refKey(f.owner ?? f.object)];
    case 'helm':
      return [f.helmRelease ? `${f.helmRelease.namespace}/${f.helmRelease.name}` : NONE];
    case 'confidence':
      return [f.confidence];
    case 'source':
      return [...new Set(f.evidence.map((e) => e.source))];
    case 'state':
      return [f.accepted ? 'accepted' : 'open'];
  }
}

/** How a facet value reads; `changeTitle` names changes by their title. */
export function facetValueLabel(facet: Facet, value: string, changeTitle: (id: string) => string): string {
  if (value === NONE) {
    return facet === 'namespace' ? 'cluster-scoped' : facet === 'helm' ? 'not managed by Helm' : 'none';
  }
  return facet === 'change' ? changeTitle(value) : value;
}

/** Lower-case text a search looks through: message, advice, object, owner, release, change, location. */
const HAYSTACK = new WeakMap<Finding, string>();
function haystack(f: Finding, changeTitle: (id: string) => string): string {
  const known = HAYSTACK.get(f);
  if (known !== undefined) return known;
  const text = [
    renderText(f.message),
    renderText(f.remediation),
    refKey(f.object),
    f.owner ? refKey(f.owner) : '',
    f.helmRelease ? `${f.helmRelease.namespace}/${f.helmRelease.name}` : '',
    f.changeId,
    changeTitle(f.changeId),
    f.ruleId,
    f.location?.path ?? '',
  ]
    .join('\n')
    .toLowerCase();
  HAYSTACK.set(f, text);
  return text;
}

/** The search's words: every one must appear (in any order); quotes keep a phrase together. */
export function searchTerms(q: string): string[] {
  const terms: string[] = [];
  for (const m of q.toLowerCase().matchAll(/"([^"]*)"|(\S+)/g)) {
    const term = (m[1] ?? m[2] ?? '').trim();
    if (term !== '') terms.push(term);
  }
  return terms.slice(0, 20);
}

/** A bit per facet the finding passes; the search counts as one more bit. */
function passes(f: Finding, query: FindingQuery, terms: string[], changeTitle: (id: string) => string): number {
  let mask = 0;
  FACETS.forEach((facet, i) => {
    const wanted = query.facets[facet];
    if (wanted.length === 0 || facetValues(f, facet).some((v) => wanted.includes(v))) mask |= 1 << i;
  });
  if (terms.length === 0 || terms.every((t) => haystack(f, changeTitle).includes(t))) mask |= 1 << FACETS.length;
  return mask;
}

const ALL = (1 << (FACETS.length + 1)) - 1;

export interface FacetCount {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface Matched {
  findings: Finding[];
  /** Per facet, each value with the number of findings it would show, the other facets and the search applied. */
  counts: Record<Facet, FacetCount[]>;
}

const severityRank = (s: Severity) => SEVERITIES.indexOf(s);
const confidenceRank = (c: Finding['confidence']) => CONFIDENCES.indexOf(c);

/** Orders findings by the chosen key, then by severity, change and object so the order is stable. */
export function sortFindingsBy(findings: Finding[], sort: Sort, changeTitle: (id: string) => string): Finding[] {
  const object = (f: Finding) => refKey(f.object);
  const tie = (a: Finding, b: Finding) =>
    severityRank(a.severity) - severityRank(b.severity) ||
    a.changeId.localeCompare(b.changeId) ||
    object(a).localeCompare(object(b));
  const by: Record<Sort, (a: Finding, b: Finding) => number> = {
    severity: tie,
    change: (a, b) => changeTitle(a.changeId).localeCompare(changeTitle(b.changeId)) || tie(a, b),
    namespace: (a, b) => (a.object.namespace ?? '').localeCompare(b.object.namespace ?? '') || tie(a, b),
    object: (a, b) => object(a).localeCompare(object(b)) || tie(a, b),
    confidence: (a, b) => confidenceRank(a.confidence) - confidenceRank(b.confidence) || tie(a, b),
  };
  return findings.sort(by[sort]);
}

/**
 * The findings a query shows, sorted, with the count of every facet value. A value counts the findings that pass
 * the search and every other facet, so ticking it shows exactly that many. One pass over the findings.
 */
export function matchFindings(
  findings: readonly Finding[],
  query: FindingQuery,
  changeTitle: (id: string) => string,
): Matched {
  const terms = searchTerms(query.q);
  const tallies = FACETS.map(() => new Map<string, number>());
  const shown: Finding[] = [];
  for (const f of findings) {
    const mask = passes(f, query, terms, changeTitle);
    if (mask === ALL) shown.push(f);
    FACETS.forEach((facet, i) => {
      if ((mask | (1 << i)) !== ALL) return;
      const tally = tallies[i];
      if (!tally) return;
      for (const v of facetValues(f, facet)) tally.set(v, (tally.get(v) ?? 0) + 1);
    });
  }
  const counts = Object.fromEntries(
    FACETS.map((facet, i) => {
      const tally = tallies[i] ?? new Map<string, number>();
      // A selected value stays listed (with 0) so it can be unticked.
      for (const v of query.facets[facet]) if (!tally.has(v)) tally.set(v, 0);
      const order = FIXED_VALUES[facet];
      const list = [...tally].map(([value, count]) => ({
        value,
        label: facetValueLabel(facet, value, changeTitle),
        count,
        selected: query.facets[facet].includes(value),
      }));
      list.sort((a, b) =>
        order ? order.indexOf(a.value) - order.indexOf(b.value) : b.count - a.count || a.label.localeCompare(b.label),
      );
      return [facet, list];
    }),
  ) as unknown as Record<Facet, FacetCount[]>;
  return { findings: sortFindingsBy(shown, query.sort, changeTitle), counts };
}
