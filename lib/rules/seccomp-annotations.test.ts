import { describe, expect, it } from 'vitest';
import { container, pod, snapshot, workload } from '../snapshot/test-fixtures';
import { rule as check } from './seccomp-annotations';
import { plainRule } from './testing/plain';
import { ctx } from './testing/objects';

const rule = plainRule(check);

const POD = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER = 'container.seccomp.security.alpha.kubernetes.io/app';

describe('seccomp-annotations', () => {
  it('flags a template that only has the annotations, with the exact field to set', () => {
    const w = workload('Deployment', 'web', 'shop', {}, { templateAnnotations: { [POD]: 'runtime/default' } });
    const [f] = rule.run(snapshot({ workloads: [w] }), ctx('1.25'));
    expect(f).toMatchObject({ changeId: 'seccomp-annotations-removal', severity: 'action', confidence: 'certain' });
    expect(f?.remediation).toContain('set spec.template.spec.securityContext.seccompProfile: {type: RuntimeDefault}');
    expect(f?.evidence[0]).toMatchObject({
      path: `spec.template.metadata.annotations[${POD}]`,
      value: 'runtime/default',
    });
  });

  it('maps container annotations and localhost profiles', () => {
    const w = workload(
      'Deployment',
      'web',
      'shop',
      {},
      { templateAnnotations: { [CONTAINER]: 'localhost/audit.json' } },
    );
    const [f] = rule.run(snapshot({ workloads: [w] }), ctx('1.25'));
    expect(f?.remediation).toContain(
      'set spec.template.spec.containers[app].securityContext.seccompProfile: {type: Localhost, localhostProfile: audit.json}',
    );
  });

  it('is breaking for a static pod whose mirror has no field, naming the node', () => {
    const p = pod('etcd-cp1', 'kube-system', { nodeName: 'cp1' }, { annotations: { [POD]: 'runtime/default' } });
    p.mirror = true;
    const [f] = rule.run(snapshot({ pods: [p] }), ctx('1.25'));
    expect(f).toMatchObject({ severity: 'breaking', confidence: 'certain' });
    expect(f?.remediation).toContain('static pod manifest on node cp1');
  });

  it('is possible for a mirror pod that shows the field, as the API server may have copied it', () => {
    const p = pod(
      'etcd-cp1',
      'kube-system',
      { nodeName: 'cp1', securityContext: { seccompProfileType: 'RuntimeDefault' } },
      { annotations: { [POD]: 'runtime/default' } },
    );
    p.mirror = true;
    const [f] = rule.run(snapshot({ pods: [p] }), ctx('1.25'));
    expect(f).toMatchObject({ severity: 'breaking', confidence: 'possible' });
  });

  it('reports annotation and field that disagree', () => {
    const w = workload(
      'Deployment',
      'web',
      'shop',
      { securityContext: { seccompProfileType: 'RuntimeDefault' } },
      { templateAnnotations: { [POD]: 'unconfined' } },
    );
    const [f] = rule.run(snapshot({ workloads: [w] }), ctx('1.25'));
    expect(f?.message).toContain('disagree');
  });

  it('is info for a 1.24 target', () => {
    const w = workload('Deployment', 'web', 'shop', {}, { templateAnnotations: { [POD]: 'runtime/default' } });
    expect(rule.run(snapshot({ workloads: [w] }), ctx('1.24'))[0]?.severity).toBe('info');
  });

  it('does not flag matching fields, inherited pod fields, or pods without annotations', () => {
    const matching = workload(
      'Deployment',
      'a',
      'shop',
      { securityContext: { seccompProfileType: 'RuntimeDefault' } },
      { templateAnnotations: { [POD]: 'docker/default', [CONTAINER]: 'runtime/default' } },
    );
    const own = workload(
      'Deployment',
      'b',
      'shop',
      {
        containers: [
          container('app', { securityContext: { seccompProfileType: 'Localhost', seccompLocalhostProfile: 'p' } }),
        ],
      },
      { templateAnnotations: { [CONTAINER]: 'localhost/p' } },
    );
    expect(rule.run(snapshot({ workloads: [matching, own], pods: [pod('plain')] }), ctx('1.25'))).toEqual([]);
  });
});
