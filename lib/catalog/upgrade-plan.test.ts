import { describe, expect, it } from 'vitest';
import { makeChange } from './test-fixtures';
import { planMarkdown } from './plan-model';
import { impactsOf, upgradePlan } from './upgrade-plan';

const changes = [
  makeChange({ id: 'psp', release: '1.25', severity: 'breaking', action: { before: 'Label namespaces.' } }),
  makeChange({ id: 'docker', release: '1.24', severity: 'breaking', action: { before: 'Move to containerd.' } }),
  makeChange({ id: 'probes', release: '1.24', severity: 'action', action: { after: 'Use gRPC probes.' } }),
  makeChange({ id: 'tz', release: '1.24', severity: 'info', action: { after: 'Nothing to do.' } }),
  makeChange({ id: 'lbip', release: '1.24', severity: 'action', action: { before: 'Plan the new field.' } }),
];

describe('the upgrade plan', () => {
  it('has one step per minor, each with what to do before, during and after the control-plane upgrade', () => {
    const plan = upgradePlan(changes, '1.23', '1.25');
    expect(plan.map((s) => `${s.from}→${s.to}`)).toEqual(['1.23→1.24', '1.24→1.25']);
    const [first, second] = plan;
    expect(first?.items.before.map((i) => i.change?.id)).toEqual(['docker', 'lbip']);
    expect(first?.items.after.map((i) => i.change?.id)).toEqual(['probes']);
    expect(first?.items.during.map((i) => i.id)).toEqual([
      '1.24:during:etcd',
      '1.24:during:control-plane',
      '1.24:during:nodes',
      '1.24:during:addons',
    ]);
    expect(first?.goodToKnow.map((c) => c.id)).toEqual(['tz']);
    expect(second?.items.before.map((i) => i.id)).toEqual(['1.25:before:psp']);
    expect(second?.items.during[1]?.text).toContain('to 1.25');
    expect(upgradePlan(changes, '1.24', '1.25').map((s) => s.from)).toEqual(['1.24']);
  });

  it('puts what a report found first, and an info change it found among the actions', () => {
    const impacts = impactsOf([
      { changeId: 'lbip', status: 'affected', objects: 3, worstSeverity: 'action' },
      { changeId: 'docker', status: 'not-detected', objects: 0 },
      { changeId: 'tz', status: 'affected', objects: 1, worstSeverity: 'info' },
    ]);
    const [first] = upgradePlan(changes, '1.23', '1.24', impacts);
    expect(first?.items.before.map((i) => `${i.change?.id}:${i.impact?.status ?? '-'}`)).toEqual([
      'lbip:affected',
      'docker:not-detected',
    ]);
    expect(first?.items.after.map((i) => i.change?.id)).toEqual(['tz', 'probes']);
    expect(first?.goodToKnow).toEqual([]);
  });

  it('writes a Markdown checklist, ticked where done, personalized when a report is open', () => {
    const impacts = impactsOf([{ changeId: 'docker', status: 'affected', objects: 2, worstSeverity: 'breaking' }]);
    const plan = upgradePlan(changes, '1.23', '1.24', impacts);
    const md = planMarkdown(plan, new Set(['1.24:before:docker', '1.24:during:etcd']), {
      from: '1.23',
      to: '1.24',
      cluster: 'prod *eu*',
    });
    expect(md).toContain('# Upgrade plan: Kubernetes 1.23 → 1.24');
    expect(md).toContain('Personalized for prod \\*eu\\*.');
    expect(md).toContain('### Before the control plane moves');
    expect(md).toContain(
      '- [x] **Change docker** (breaking): Move to containerd. (affects 2 objects in prod \\*eu\\*)',
    );
    expect(md).toContain('- [ ] **Change lbip** (action): Plan the new field.\n');
    expect(md).toMatch(/- \[x\] Take an etcd backup/);
    expect(md.endsWith('\n')).toBe(true);
  });
});
