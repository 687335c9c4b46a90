import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, parseFilters, serializeFilters, toggleFacet, type Filters } from './filters';
import { facetCounts, queryChanges } from './query';
import { makeChange } from './test-fixtures';

const changes = [
  makeChange({
    id: 'a',
    release: '1.24',
    sig: 'sig-node',
    stage: 'removed',
    kind: 'removal',
    severity: 'breaking',
    title: 'Dockershim removed',
    tags: ['docker'],
  }),
  makeChange({
    id: 'b',
    release: '1.24',
    sig: 'sig-storage',
    stage: 'stable',
    title: 'Volume expansion',
    featureGates: [{ name: 'ExpandCSIVolumes', defaults: { '1.24': { stage: 'stable', enabled: true } } }],
  }),
  makeChange({
    id: 'c',
    release: '1.25',
    sig: 'sig-node',
    stage: 'beta',
    severity: 'action',
    title: 'Seccomp by default',
  }),
  makeChange({
    id: 'd',
    release: '1.25',
    sig: 'sig-auth',
    stage: 'removed',
    kind: 'removal',
    severity: 'breaking',
    title: 'PodSecurityPolicy removed',
    summary: 'The PSP admission controller and its API are gone, replaced by Pod Security Admission.',
  }),
];

const ids = (filters: Partial<Filters>) => queryChanges(changes, { ...EMPTY_FILTERS, ...filters }).map((c) => c.id);

describe('queryChanges', () => {
  it('returns everything, breaking first, without filters', () => {
    expect(ids({})).toEqual(['a', 'd', 'c', 'b']);
  });

  it('combines facets with AND', () => {
    expect(ids({ release: ['1.25'], sig: ['sig-node'] })).toEqual(['c']);
  });

  it('combines values inside one facet with OR', () => {
    expect(ids({ sig: ['sig-auth', 'sig-storage'] })).toEqual(['d', 'b']);
  });

  it('filters by stage, kind, severity and feature gate', () => {
    expect(ids({ stage: ['removed'] })).toEqual(['a', 'd']);
    expect(ids({ kind: ['removal'], release: ['1.24'] })).toEqual(['a']);
    expect(ids({ severity: ['action'] })).toEqual(['c']);
    expect(ids({ gate: ['ExpandCSIVolumes'] })).toEqual(['b']);
  });

  it('keeps only changes that need action when asked', () => {
    expect(ids({ actionRequired: true })).toEqual(['a', 'd', 'c']);
  });

  it('searches title, tags, gates and prose, every term required', () => {
    expect(ids({ q: 'docker' })).toEqual(['a']);
    expect(ids({ q: 'expandcsi' })).toEqual(['b']);
    expect(ids({ q: 'pod security admission' })).toEqual(['d']);
    expect(ids({ q: 'removed psp-nothing' })).toEqual([]);
  });

  it('ranks title hits above prose hits', () => {
    const extra = makeChange({
      id: 'e',
      title: 'Unrelated',
      summary: 'Mentions seccomp only in the prose of this summary.',
    });
    const result = queryChanges([extra, ...changes], { ...EMPTY_FILTERS, q: 'seccomp' });
    expect(result.map((c) => c.id)).toEqual(['c', 'e']);
  });

  it('returns an empty list when nothing matches', () => {
    expect(ids({ release: ['1.24'], sig: ['sig-auth'] })).toEqual([]);
  });
});

describe('facetCounts', () => {
  it('counts each facet over the changes passing the other facets', () => {
    const counts = facetCounts(changes, { ...EMPTY_FILTERS, release: ['1.25'] });
    expect(counts.release).toEqual([
      { value: '1.24', count: 2, selected: false },
      { value: '1.25', count: 2, selected: true },
    ]);
    expect(counts.sig.find((s) => s.value === 'sig-storage')).toEqual({
      value: 'sig-storage',
      count: 0,
      selected: false,
    });
    expect(counts.sig.find((s) => s.value === 'sig-node')?.count).toBe(1);
  });

  it('orders stages and severities in their natural order', () => {
    const counts = facetCounts(changes, EMPTY_FILTERS);
    expect(counts.stage.map((s) => s.value)).toEqual(['beta', 'stable', 'removed']);
    expect(counts.severity.map((s) => s.value)).toEqual(['breaking', 'action', 'info']);
  });

  it('respects the search query', () => {
    const counts = facetCounts(changes, { ...EMPTY_FILTERS, q: 'removed' });
    expect(counts.release.map((r) => r.count)).toEqual([1, 1]);
  });
});

describe('URL filters', () => {
  it('round-trips through the query string', () => {
    const filters: Filters = {
      ...EMPTY_FILTERS,
      release: ['1.25'],
      sig: ['sig-node', 'sig-auth'],
      actionRequired: true,
      q: 'psp',
    };
    const parsed = parseFilters(new URLSearchParams(serializeFilters(filters)));
    expect(parsed).toEqual({ ...filters, sig: ['sig-auth', 'sig-node'] });
  });

  it('drops invalid values instead of failing', () => {
    const parsed = parseFilters({ release: ['1.99', '1.24'], stage: 'gamma', sig: '<script>' });
    expect(parsed.release).toEqual(['1.24']);
    expect(parsed.stage).toEqual([]);
    expect(parsed.sig).toEqual([]);
  });

  it('toggles a facet value on and off', () => {
    const on = toggleFacet(EMPTY_FILTERS, 'stage', 'beta');
    expect(on.stage).toEqual(['beta']);
    expect(toggleFacet(on, 'stage', 'beta').stage).toEqual([]);
  });
});
