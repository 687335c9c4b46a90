import { KINDS, SEVERITIES, STAGES, type Kind, type Severity, type Stage } from '../model/catalog';
import { RELEASES, type Release } from '../model/releases';

/** The browse filters; every one lives in the URL query so any view is a link. */
export interface Filters {
  release: Release[];
  sig: string[];
  stage: Stage[];
  kind: Kind[];
  severity: Severity[];
  gate: string[];
  actionRequired: boolean;
  q: string;
}

export const FACET_KEYS = ['release', 'sig', 'stage', 'kind', 'severity', 'gate'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

export const EMPTY_FILTERS: Filters = {
  release: [],
  sig: [],
  stage: [],
  kind: [],
  severity: [],
  gate: [],
  actionRequired: false,
  q: '',
};

type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

function valuesOf(input: QueryInput, key: string): string[] {
  if (input instanceof URLSearchParams) return input.getAll(key);
  const v = input[key];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

function oneOf<T extends string>(allowed: readonly T[]) {
  return (v: string): v is T => (allowed as readonly string[]).includes(v);
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
const token = (v: string) => /^[A-Za-z0-9._-]{1,80}$/.test(v);

/** Reads filters from a URL query, dropping values that are not valid. */
export function parseFilters(input: QueryInput): Filters {
  const q = valuesOf(input, 'q')[0] ?? '';
  return {
    release: unique(valuesOf(input, 'release').filter(oneOf(RELEASES))),
    sig: unique(valuesOf(input, 'sig').filter(token)),
    stage: unique(valuesOf(input, 'stage').filter(oneOf(STAGES))),
    kind: unique(valuesOf(input, 'kind').filter(oneOf(KINDS))),
    severity: unique(valuesOf(input, 'severity').filter(oneOf(SEVERITIES))),
    gate: unique(valuesOf(input, 'gate').filter(token)),
    actionRequired: ['1', 'true'].includes(valuesOf(input, 'action')[0] ?? ''),
    q: q.slice(0, 200),
  };
}

/** Writes filters as a URL query string (without '?'), in a stable order. */
export function serializeFilters(filters: Filters): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  for (const key of FACET_KEYS) {
    for (const value of [...filters[key]].sort()) params.append(key, value);
  }
  if (filters.actionRequired) params.set('action', '1');
  return params.toString();
}

/** Adds the value to the facet when absent, removes it when present. */
export function toggleFacet(filters: Filters, key: FacetKey, value: string): Filters {
  const current = filters[key] as string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...filters, [key]: next };
}

/** True when no filter is set. */
export function isEmpty(filters: Filters): boolean {
  return serializeFilters(filters) === '';
}
