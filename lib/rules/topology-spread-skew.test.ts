import { describe, expect, it } from 'vitest';
import { node, snapshot, workload } from '../snapshot/test-fixtures';
import { ctx } from './testing/objects';
import { rule as check } from './topology-spread-skew';
import { plainRule } from './testing/plain';

const rule = plainRule(check);

const zone = (whenUnsatisfiable: string) => ({ topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable });

describe('topology-spread-skew', () => {
  it('is action for a zone spread with DoNotSchedule and a nodeSelector', () => {
    const s = snapshot({
      workloads: [
        workload('Deployment', 'gpu', 'ml', {
          nodeSelector: { pool: 'gpu' },
          topologySpreadConstraints: [zone('DoNotSchedule')],
        }),
      ],
    });
    const [f] = rule.run(s, ctx('1.24'));
    expect(f).toMatchObject({ changeId: 'topology-spread-skew-change', severity: 'action', confidence: 'possible' });
    expect(f?.message).toContain('nodeSelector pool=gpu');
    expect(f?.evidence.map((e) => e.path)).toEqual([
      'spec.template.spec.topologySpreadConstraints[0]',
      'spec.template.spec.nodeSelector[pool]',
    ]);
  });

  it('is info when every constraint is ScheduleAnyway, and uses node affinity keys', () => {
    const s = snapshot({
      workloads: [
        workload('StatefulSet', 'db', 'data', {
          nodeAffinityKeys: ['pool'],
          topologySpreadConstraints: [zone('ScheduleAnyway')],
        }),
      ],
    });
    expect(rule.run(s, ctx('1.25'))).toMatchObject([{ severity: 'info' }]);
  });

  it('does not flag per-node spreading, spreading without node selection, or node selection without spreading', () => {
    const s = snapshot({
      workloads: [
        workload('Deployment', 'a', 'x', {
          nodeSelector: { pool: 'a' },
          topologySpreadConstraints: [{ topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' }],
        }),
        workload('Deployment', 'b', 'x', { topologySpreadConstraints: [zone('DoNotSchedule')] }),
        workload('Deployment', 'c', 'x', { nodeSelector: { pool: 'a' } }),
        workload('Deployment', 'd', 'x', {
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          nodeAffinityKeys: ['kubernetes.io/arch'],
          topologySpreadConstraints: [zone('DoNotSchedule')],
        }),
      ],
      nodes: [node('n1', 'containerd://1.6.8', 'v1.24.1'), node('n2', 'containerd://1.6.8', 'v1.24.1')],
    });
    expect(rule.run(s, ctx('1.24'))).toEqual([]);
  });
});
