import { describe, expect, it } from 'vitest';
import type { Node } from '../model/snapshot';
import { node, snapshot, workload } from '../snapshot/test-fixtures';
import { rule as check } from './master-node-role';
import { plainRule } from './testing/plain';
import { ctx } from './testing/objects';

const rule = plainRule(check);

const MASTER = 'node-role.kubernetes.io/master';
const CP = 'node-role.kubernetes.io/control-plane';

function cpNode(name: string, taints: string[], labels: Record<string, string> = { [MASTER]: '', [CP]: '' }): Node {
  const n = node(name, 'containerd://1.6.8', 'v1.23.17', {
    taints: taints.map((key) => ({ key, effect: 'NoSchedule' })),
  });
  n.metadata.labels = labels;
  return n;
}

const masterOnly = [{ key: MASTER, operator: 'Exists', effect: 'NoSchedule' }];

describe('master-node-role', () => {
  it('reports nodes with the master label, and the master taint for a 1.25 target', () => {
    const s = snapshot({ nodes: [cpNode('cp1', [MASTER]), node('w1', 'containerd://1.6.8', 'v1.23.17')] });
    expect(rule.run(s, ctx('1.24', { provider: 'kubeadm' })).map((f) => [f.changeId, f.severity])).toEqual([
      ['kubeadm-master-label-removal', 'info'],
    ]);
    const at125 = rule.run(s, ctx('1.25', { provider: 'kubeadm' }));
    expect(at125.map((f) => f.changeId).sort()).toEqual([
      'kubeadm-master-label-removal',
      'kubeadm-master-taint-removal',
    ]);
    expect(at125.find((f) => f.changeId === 'kubeadm-master-taint-removal')?.message).toContain('does not yet have');
  });

  it('flags a master nodeSelector as breaking when control-plane nodes carry the label', () => {
    const s = snapshot({
      nodes: [cpNode('cp1', [MASTER])],
      workloads: [workload('Deployment', 'admin', 'ops', { nodeSelector: { [MASTER]: '' }, tolerations: masterOnly })],
    });
    const findings = rule.run(s, ctx('1.24', { provider: 'kubeadm' })).filter((f) => f.object.kind === 'Deployment');
    expect(findings.map((f) => [f.changeId, f.severity, f.confidence])).toEqual([
      ['kubeadm-master-label-removal', 'breaking', 'certain'],
      ['kubeadm-master-taint-removal', 'breaking', 'certain'],
    ]);
    expect(findings[0]?.message + (findings[1]?.message ?? '')).toContain('stay Pending');
    expect(findings.map((f) => f.remediation).join(' ')).toContain(
      `{key: ${CP}, operator: Exists, effect: NoSchedule}`,
    );
  });

  it('says pods are already kept off when nodes have the control-plane taint', () => {
    const s = snapshot({
      nodes: [cpNode('cp1', [MASTER, CP])],
      workloads: [workload('DaemonSet', 'agent', 'ops', { tolerations: masterOnly })],
    });
    const f = rule.run(s, ctx('1.25')).find((x) => x.object.kind === 'DaemonSet');
    expect(f).toMatchObject({ changeId: 'kubeadm-master-taint-removal', severity: 'breaking', confidence: 'certain' });
    expect(f?.message).toContain('cannot be scheduled there today');
  });

  it('is info on clusters without control-plane nodes (managed)', () => {
    const s = snapshot({
      nodes: [node('w1', 'containerd://1.6.8', 'v1.23.17')],
      workloads: [workload('DaemonSet', 'agent', 'ops', { nodeSelector: { [MASTER]: '' }, tolerations: masterOnly })],
    });
    expect(rule.run(s, ctx('1.25', { provider: 'eks' })).map((f) => f.severity)).toEqual(['info', 'info']);
  });

  it('reports node affinity on the master key as possible', () => {
    const s = snapshot({
      nodes: [cpNode('cp1', [MASTER])],
      workloads: [workload('Deployment', 'a', 'ops', { nodeAffinityKeys: [MASTER] })],
    });
    const f = rule.run(s, ctx('1.24')).find((x) => x.object.kind === 'Deployment');
    expect(f).toMatchObject({ severity: 'action', confidence: 'possible' });
  });

  it('does not flag migrated specs or catch-all tolerations', () => {
    const s = snapshot({
      nodes: [cpNode('cp1', [MASTER, CP], { [CP]: '' })],
      workloads: [
        workload('DaemonSet', 'both', 'ops', {
          tolerations: [...masterOnly, { key: CP, operator: 'Exists', effect: 'NoSchedule' }],
          nodeSelector: { [CP]: '' },
        }),
        workload('DaemonSet', 'all', 'ops', {
          tolerations: [{ operator: 'Exists' }, { key: MASTER, operator: 'Exists' }],
        }),
        workload('Deployment', 'terms', 'ops', { nodeAffinityKeys: [MASTER, CP] }),
        workload('Deployment', 'plain', 'ops'),
      ],
    });
    expect(rule.run(s, ctx('1.24'))).toEqual([]);
  });
});
