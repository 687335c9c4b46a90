import { describe, expect, it } from 'vitest';
import { projectPriorityClass, projectService } from './service';

describe('projectService', () => {
  it('keeps type, clusterIP and loadBalancerIP', () => {
    expect(
      projectService({
        metadata: { name: 'dns', namespace: 'kube-system' },
        spec: { type: 'LoadBalancer', clusterIP: '10.96.0.10', loadBalancerIP: '1.2.3.4', ports: [{ port: 53 }] },
      }),
    ).toMatchObject({ type: 'LoadBalancer', clusterIP: '10.96.0.10', loadBalancerIP: '1.2.3.4' });
  });

  it('defaults the type to ClusterIP and skips bad input', () => {
    expect(projectService({ metadata: { name: 's' } })?.type).toBe('ClusterIP');
    expect(projectService(5)).toBeUndefined();
  });
});

describe('projectPriorityClass', () => {
  it('keeps value, preemption policy and global default', () => {
    expect(
      projectPriorityClass({
        metadata: { name: 'batch-low' },
        value: 100,
        preemptionPolicy: 'Never',
        globalDefault: false,
      }),
    ).toMatchObject({ value: 100, preemptionPolicy: 'Never', globalDefault: false });
  });

  it('skips a class without a numeric value', () => {
    expect(projectPriorityClass({ metadata: { name: 'x' }, value: '100' })).toBeUndefined();
  });
});
