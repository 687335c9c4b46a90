import { describe, expect, it } from 'vitest';
import { makeLargeReport, makeTestFinding } from './test-fixtures';
import {
  emptyQuery,
  isFiltered,
  matchFindings,
  MAX_FACET_VALUES,
  MAX_SEARCH,
  readQuery,
  searchTerms,
  toggleFacet,
  withFacet,
  writeQuery,
} from './workbench';

const title = (id: string) => ({ 'dockershim-removal': 'Dockershim removed', 'psp-removal': 'PSP removed' })[id] ?? id;

const findings = [
  makeTestFinding({ object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'payments', name: 'api' } }),
  makeTestFinding({
    changeId: 'psp-removal',
    severity: 'action',
    confidence: 'likely',
    object: { apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name: 'cart-7f9c' },
    owner: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'cart' },
    helmRelease: { namespace: 'shop', name: 'storefront' },
    message: ['Admitted by the restricted-psp policy.'],
    evidence: [{ source: 'annotation', detail: ['kubernetes.io/psp'] }],
  }),
  makeTestFinding({
    changeId: 'psp-removal',
    severity: 'info',
    object: { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', name: 'restricted' },
    message: ['A PodSecurityPolicy object.'],
  }),
];

const names = (q: ReturnType<typeof emptyQuery>) =>
  matchFindings(findings, q, title).findings.map((f) => f.object.name);

describe('the findings query in the URL', () => {
  it('round-trips through search parameters, writing only what differs from the defaults', () => {
    let q = toggleFacet(emptyQuery(), 'severity', 'breaking');
    q = toggleFacet(q, 'namespace', 'shop');
    q = { ...q, q: 'docker sock', view: 'table', sort: 'object' };
    const params = writeQuery(q);
    expect(params.toString()).toBe('q=docker+sock&sev=breaking&ns=shop&sort=object&view=table');
    expect(readQuery(params)).toEqual(q);
    expect(writeQuery(emptyQuery()).toString()).toBe('');
    expect(isFiltered(emptyQuery())).toBe(false);
    expect(isFiltered(q)).toBe(true);
  });

  it('keeps only what it understands from a hand-edited or hostile query string', () => {
    const params = new URLSearchParams();
    params.set('q', 'x'.repeat(10_000));
    params.append('sev', 'breaking');
    params.append('sev', 'catastrophic');
    params.append('sev', 'breaking');
    for (let i = 0; i < 500; i++) params.append('ns', `ns-${i}`);
    params.set('sort', 'constructor');
    params.set('view', '__proto__');
    params.set('group', 'toString');
    const q = readQuery(params);
    expect(q.q).toHaveLength(MAX_SEARCH);
    expect(q.facets.severity).toEqual(['breaking']);
    expect(q.facets.namespace).toHaveLength(MAX_FACET_VALUES);
    expect([q.sort, q.view, q.group]).toEqual(['severity', 'grouped', 'change']);
  });
});

describe('matching findings', () => {
  it('searches every word anywhere in message, object, owner, release and change title; quotes keep a phrase', () => {
    expect(searchTerms('  Docker  "restricted psp" ')).toEqual(['docker', 'restricted psp']);
    expect(names({ ...emptyQuery(), q: 'docker api' })).toEqual(['api']);
    expect(names({ ...emptyQuery(), q: 'storefront' })).toEqual(['cart-7f9c']);
    expect(names({ ...emptyQuery(), q: 'PSP REMOVED' }).sort()).toEqual(['cart-7f9c', 'restricted']);
    expect(names({ ...emptyQuery(), q: '"restricted-psp policy"' })).toEqual(['cart-7f9c']);
    expect(names({ ...emptyQuery(), q: 'nothing-matches-this' })).toEqual([]);
  });

  it('takes any ticked value within a facet and every facet together', () => {
    const either = withFacet(emptyQuery(), 'severity', ['breaking', 'info']);
    expect(names(either)).toEqual(['api', 'restricted']);
    expect(names(withFacet(either, 'change', ['psp-removal']))).toEqual(['restricted']);
    expect(names(withFacet(emptyQuery(), 'namespace', ['-']))).toEqual(['restricted']);
    expect(names(withFacet(emptyQuery(), 'owner', ['Deployment shop/cart']))).toEqual(['cart-7f9c']);
    expect(names(withFacet(emptyQuery(), 'helm', ['shop/storefront']))).toEqual(['cart-7f9c']);
    expect(names(withFacet(emptyQuery(), 'source', ['annotation']))).toEqual(['cart-7f9c']);
    expect(names(withFacet(emptyQuery(), 'confidence', ['likely']))).toEqual(['cart-7f9c']);
  });

  it('counts each facet value as the findings ticking it would show, the other facets applied', () => {
    const q = withFacet(emptyQuery(), 'change', ['psp-removal']);
    const { counts } = matchFindings(findings, q, title);
    // Severity counts are those of the chosen change; change counts ignore the change facet itself.
    expect(counts.severity.map((c) => `${c.value}:${c.count}`)).toEqual(['action:1', 'info:1']);
    expect(counts.change.map((c) => `${c.label}:${c.count}:${c.selected}`)).toEqual([
      'PSP removed:2:true',
      'Dockershim removed:1:false',
    ]);
    expect(counts.namespace.find((c) => c.value === '-')?.label).toBe('cluster-scoped');
    // A ticked value no finding has any more stays listed, so it can be unticked.
    const gone = matchFindings(findings, withFacet(q, 'kind', ['CronJob']), title);
    expect(gone.counts.kind.find((c) => c.value === 'CronJob')).toMatchObject({ count: 0, selected: true });
    expect(gone.findings).toEqual([]);
  });

  it('sorts by the chosen key with a stable tie-break', () => {
    const by = (sort: ReturnType<typeof emptyQuery>['sort']) => names({ ...emptyQuery(), sort });
    expect(by('severity')).toEqual(['api', 'cart-7f9c', 'restricted']);
    expect(by('object')).toEqual(['api', 'cart-7f9c', 'restricted']);
    expect(by('namespace')).toEqual(['restricted', 'api', 'cart-7f9c']);
    expect(by('confidence')).toEqual(['api', 'restricted', 'cart-7f9c']);
  });

  it('narrows a 10,000-finding report with counts that add up', () => {
    const report = makeLargeReport(10_000);
    const q = withFacet({ ...emptyQuery(), q: 'worker-1' }, 'severity', ['breaking']);
    const { findings: shown, counts } = matchFindings(report.findings, q, title);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((f) => f.severity === 'breaking')).toBe(true);
    expect(counts.severity.find((c) => c.value === 'breaking')?.count).toBe(shown.length);
    expect(counts.namespace.reduce((n, c) => n + c.count, 0)).toBe(shown.length);
  });
});
