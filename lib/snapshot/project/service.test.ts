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

  it('records which field manager chose the clusterIP, and none for an allocated one', () => {
    const svc = (fieldsV1: object) => ({
      metadata: { name: 'db', namespace: 'shop', managedFields: [{ manager: 'kubectl-client-side-apply', fieldsV1 }] },
      spec: { clusterIP: '10.96.40.2' },
    });
    expect(projectService(svc({ 'f:spec': { 'f:clusterIP': {}, 'f:ports': {} } }))?.clusterIPSetBy).toBe(
      'kubectl-client-side-apply',
    );
    const allocated = projectService(svc({ 'f:spec': { 'f:ports': {} } }));
    expect(allocated).not.toHaveProperty('clusterIPSetBy');
    expect(allocated?.clusterIPAllocated).toBe(true);
    // No managedFields at all (kubectl get without --show-managed-fields): nothing is known either way.
    expect(projectService({ metadata: { name: 'db' }, spec: { clusterIP: '10.96.40.2' } })).not.toHaveProperty(
      'clusterIPAllocated',
    );
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
