import { describe, expect, it } from 'vitest';
import type { ChangeSummary } from '../model/scan';
import { phaseOf, phaseQuery, readinessOf } from './readiness';
import { matchFindings } from './workbench';
import { makeTestFinding, makeTestReport } from './test-fixtures';

const change = (id: string, action: ChangeSummary['action']): ChangeSummary => ({
  id,
  title: id,
  release: '1.24',
  sig: 'node',
  severity: 'breaking',
  action,
  observable: true,
});

const changes = [
  change('dockershim-removal', { before: 'Move nodes to containerd.' }),
  change('psp-removal', { before: 'Migrate to Pod Security Admission.' }),
  change('grpc-probes-beta', { after: 'Use gRPC probes.' }),
];

describe('readiness', () => {
  it('puts breaking findings in blockers, actions before or after by the catalog step, accepted ones apart', () => {
    const f = (changeId: string, severity: 'breaking' | 'action' | 'info', namespace = 'shop') =>
      makeTestFinding({ changeId, severity, object: { apiVersion: 'v1', kind: 'Pod', namespace, name: 'p' } });
    const report = makeTestReport([
      f('dockershim-removal', 'breaking'),
      f('dockershim-removal', 'breaking', 'payments'),
      f('psp-removal', 'action'),
      f('grpc-probes-beta', 'action'),
      f('grpc-probes-beta', 'info'),
      {
        ...f('psp-removal', 'breaking'),
        accepted: { reason: 'owned by the platform team', entry: { path: '.release-lens.yaml', line: 3, column: 3 } },
      },
    ]);
    const r = readinessOf(report, changes);
    expect(r.verdict).toBe('blocked');
    expect(r.phases).toEqual({
      blocker: { findings: 2, changeIds: ['dockershim-removal'] },
      before: { findings: 1, changeIds: ['psp-removal'] },
      after: { findings: 1, changeIds: ['grpc-probes-beta'] },
      info: { findings: 1, changeIds: ['grpc-probes-beta'] },
    });
    // Each number links to a query that shows exactly the findings it counts.
    for (const phase of ['blocker', 'before', 'after', 'info'] as const) {
      const shown = matchFindings(report.findings, phaseQuery(r, phase), (id) => id).findings;
      expect(shown, phase).toHaveLength(r.phases[phase].findings);
    }
    expect(r.accepted).toBe(1);
    expect(r.byChange.map((b) => `${b.changeId} ${b.counts.breaking}/${b.counts.action}/${b.counts.info}`)).toEqual([
      'dockershim-removal 2/0/0',
      'psp-removal 1/1/0',
      'grpc-probes-beta 0/1/1',
    ]);
    expect(r.byNamespace.map((b) => `${b.namespace} ${b.total}`)).toEqual(['shop 5', 'payments 1']);
  });

  it('says ready only for a complete scan, and ready with actions when only actions are left', () => {
    expect(readinessOf(makeTestReport([]), changes).verdict).toBe('ready');
    const actions = makeTestReport([makeTestFinding({ changeId: 'psp-removal', severity: 'action' })]);
    expect(readinessOf(actions, changes).verdict).toBe('ready-with-actions');
    const blind = makeTestReport([], {
      rules: [{ ruleId: 'docker-socket', status: 'blind', findings: 0, missing: ['pods'] }],
      coverage: [{ resource: 'pods', status: 'forbidden', apiVersion: 'v1', count: 0, message: ['forbidden'] }],
    });
    const r = readinessOf(blind, changes);
    expect(r.verdict).not.toBe('ready');
    expect(r.notChecked.checks).toBe(1);
  });

  it('counts changes no scan can observe apart from the gaps of this scan', () => {
    const flags = { ...change('apiserver-flag', {}), observable: false };
    const report = makeTestReport([], {
      changes: [
        { changeId: 'apiserver-flag', status: 'not-checked', objects: 0 },
        { changeId: 'psp-removal', status: 'not-checked', objects: 0 },
      ],
    });
    expect(readinessOf(report, [...changes, flags]).notChecked).toMatchObject({ changes: 1, byHand: 1 });
  });

  it('takes an action with no catalog step as work before the upgrade', () => {
    expect(phaseOf(makeTestFinding({ severity: 'action' }), undefined)).toBe('before');
    expect(phaseOf(makeTestFinding({ severity: 'action' }), change('x', { after: 'later' }))).toBe('after');
  });
});
