import { describe, expect, it } from 'vitest';
import { container, pod, snapshot, workload } from '../../../snapshot/test-fixtures';
import { namespace } from '../../testing/objects';
import { namespaceSecuritySummary } from './namespace-summary';

const hardened = {
  securityContext: { runAsNonRoot: true, seccompProfileType: 'RuntimeDefault' },
  containers: [container('app', { securityContext: { allowPrivilegeEscalation: false, capabilitiesDrop: ['ALL'] } })],
};

describe('namespaceSecuritySummary', () => {
  it('suggests the strictest level every subject passes and counts each level', () => {
    const deploy = workload('Deployment', 'web', 'shop', hardened);
    const rs = workload('ReplicaSet', 'web-1', 'shop', hardened);
    rs.metadata.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: deploy.metadata.uid, controller: true },
    ];
    const s = snapshot({
      namespaces: [namespace('shop', { 'pod-security.kubernetes.io/enforce': 'restricted' }), namespace('empty')],
      workloads: [deploy, rs, workload('DaemonSet', 'agent', 'shop', { hostNetwork: true })],
      pods: [pod('debug', 'shop', {}, { annotations: { 'kubernetes.io/psp': 'default' } })],
    });
    const [empty, shop] = namespaceSecuritySummary(s);
    expect(empty).toMatchObject({ namespace: 'empty', suggested: 'restricted', subjects: [], violating: [] });
    expect(shop?.suggested).toBe('privileged');
    expect(shop?.counts).toEqual({ privileged: 1, baseline: 1, restricted: 1 });
    expect(shop?.subjects.map((x) => `${x.ref.kind}/${x.ref.name}`)).toEqual([
      'DaemonSet/agent',
      'Deployment/web',
      'Pod/debug',
    ]);
    expect(shop?.labels.enforce).toEqual({ value: 'restricted', level: 'restricted', valid: true });
    expect(shop?.violating.map((x) => x.ref.name)).toEqual(['agent', 'debug']);
    expect(shop?.pspsInUse).toEqual(['default']);
  });

  it('lists only the violations of the enforced level', () => {
    const s = snapshot({
      namespaces: [namespace('ops', { 'pod-security.kubernetes.io/enforce': 'baseline' })],
      workloads: [workload('DaemonSet', 'agent', 'ops', { hostPID: true })],
    });
    const [ops] = namespaceSecuritySummary(s);
    expect(ops?.violating[0]?.violations.map((v) => v.control)).toEqual(['hostNamespaces']);
  });

  it('enforces an invalid enforce value as restricted and marks system namespaces', () => {
    const s = snapshot({
      namespaces: [
        namespace('kube-system', {
          'pod-security.kubernetes.io/enforce': 'Baseline',
          'pod-security.kubernetes.io/warn': 'nonsense',
          'pod-security.kubernetes.io/warn-version': 'v1.25',
        }),
      ],
    });
    const [ks] = namespaceSecuritySummary(s);
    expect(ks?.system).toBe(true);
    expect(ks?.labels.enforce).toEqual({ value: 'Baseline', level: 'restricted', valid: false });
    expect(ks?.labels.warn).toEqual({ value: 'nonsense', level: 'privileged', valid: false, version: 'v1.25' });
  });
});
