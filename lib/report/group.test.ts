import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding';
import { groupFindings, severityCounts } from './group';

function f(name: string, extra: Partial<Finding> = {}): Finding {
  return {
    id: `${name}-${extra.changeId ?? 'c1'}`,
    ruleId: 'r',
    changeId: 'c1',
    severity: 'info',
    confidence: 'certain',
    object: { apiVersion: 'v1', kind: 'Pod', namespace: 'shop', name },
    message: ['m'],
    remediation: ['r'],
    evidence: [],
    ...extra,
  };
}

const findings = [
  f('a'),
  f('b', {
    severity: 'breaking',
    changeId: 'c2',
    owner: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
  }),
  f('c', { object: { apiVersion: 'v1', kind: 'Node', name: 'n1' }, severity: 'action' }),
  f('d', {
    helmRelease: { name: 'web', namespace: 'shop' },
    owner: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
  }),
];

describe('groupFindings', () => {
  it('groups by severity, worst first', () => {
    expect(groupFindings(findings, 'severity').map((g) => [g.key, g.findings.length])).toEqual([
      ['breaking', 1],
      ['action', 1],
      ['info', 2],
    ]);
  });

  it('groups by namespace with cluster-scoped objects last', () => {
    const groups = groupFindings(findings, 'namespace');
    expect(groups.map((g) => g.label)).toEqual(['shop', 'Cluster-scoped objects']);
    expect(groups[0]?.worstSeverity).toBe('breaking');
  });

  it('groups pods under their owning workload', () => {
    const groups = groupFindings(findings, 'owner');
    expect(groups[0]).toMatchObject({ label: 'Deployment shop/web', worstSeverity: 'breaking' });
    expect(groups[0]?.findings.map((x) => x.object.name)).toEqual(['b', 'd']);
  });

  it('groups by Helm release and by change with readable labels', () => {
    expect(groupFindings(findings, 'helm').map((g) => g.label)).toEqual(['shop/web', 'Not managed by Helm']);
    const byChange = groupFindings(findings, 'change', (id) => `Title of ${id}`);
    expect(byChange.map((g) => g.label)).toEqual(['Title of c2', 'Title of c1']);
  });

  it('counts severities', () => {
    expect(severityCounts(findings)).toEqual({ breaking: 1, action: 1, info: 2 });
  });
});
