import { describe, expect, it } from 'vitest';
import { container, pod, snapshot, workload } from '../snapshot/test-fixtures';
import { rule as check } from './pod-security-levels';
import { plainRule } from './testing/plain';
import { ctx, namespace, psp } from './testing/objects';

const rule = plainRule(check);

const hardened = {
  securityContext: { runAsNonRoot: true, seccompProfileType: 'RuntimeDefault' },
  containers: [container('app', { securityContext: { allowPrivilegeEscalation: false, capabilitiesDrop: ['ALL'] } })],
};
const enforce = (level: string) => ({ 'pod-security.kubernetes.io/enforce': level });

describe('pod-security-levels', () => {
  it('asks to label an unlabelled namespace under psp-removal while PSPs exist and are in use', () => {
    const s = snapshot({
      namespaces: [namespace('shop')],
      podSecurityPolicies: [psp('restricted')],
      workloads: [workload('Deployment', 'web', 'shop')],
      pods: [pod('web-1', 'shop', {}, { annotations: { 'kubernetes.io/psp': 'restricted' } })],
    });
    const [f, ...rest] = rule.run(s, ctx('1.25'));
    expect(rest).toHaveLength(0); // one finding per namespace, not per workload
    expect(f).toMatchObject({
      changeId: 'psp-removal',
      severity: 'action',
      confidence: 'certain',
      object: { kind: 'Namespace', name: 'shop' },
    });
    expect(f?.message).toContain('enforce=baseline admits all of them');
    expect(f?.message).toContain('admitted by restricted');
    expect(f?.remediation).toContain('pod-security.kubernetes.io/enforce=baseline');
    expect(f?.remediation).toContain('pod-security.kubernetes.io/enforce-version=v1.25');
    expect(f?.evidence.some((e) => e.detail.includes('0 pass restricted, 2 pass baseline only'))).toBe(true);
  });

  it('is info for a 1.24 target and possible when no pod shows PSP admission', () => {
    const s = snapshot({ namespaces: [namespace('shop')], podSecurityPolicies: [psp('restricted')] });
    const [f] = rule.run(s, ctx('1.24'));
    expect(f).toMatchObject({ changeId: 'psp-removal', severity: 'info', confidence: 'possible' });
    expect(f?.message).toContain('enforce=restricted costs nothing');
  });

  it('reports an unlabelled namespace as info under pod-security-admission-ga without PSPs', () => {
    const s = snapshot({
      namespaces: [namespace('kube-system')],
      workloads: [workload('DaemonSet', 'kube-proxy', 'kube-system', { hostNetwork: true })],
    });
    const [f] = rule.run(s, ctx('1.25'));
    expect(f).toMatchObject({ changeId: 'pod-security-admission-ga', severity: 'info' });
    expect(f?.message).toContain('system namespaces');
    expect(f?.remediation).toContain('enforce=privileged');
  });

  it('flags each workload the enforce label rejects, with the violated controls', () => {
    const s = snapshot({
      namespaces: [namespace('shop', enforce('baseline'))],
      workloads: [workload('DaemonSet', 'agent', 'shop', { hostNetwork: true }), workload('Deployment', 'web', 'shop')],
    });
    const findings = rule.run(s, ctx('1.25'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      changeId: 'pod-security-admission-ga',
      severity: 'breaking',
      object: { kind: 'DaemonSet', name: 'agent', namespace: 'shop' },
    });
    expect(findings[0]?.evidence.map((e) => e.path)).toContain('spec.template.spec.hostNetwork');
    expect(findings[0]?.message).toContain('hostNamespaces');
  });

  it('says an invalid enforce value is enforced as restricted', () => {
    const s = snapshot({
      namespaces: [namespace('shop', enforce('strict'))],
      workloads: [workload('Deployment', 'web', 'shop')],
    });
    const [f] = rule.run(s, ctx('1.25'));
    expect(f?.message).toContain('enforced as restricted');
  });

  it('does not flag a labelled namespace whose workloads all pass', () => {
    const s = snapshot({
      namespaces: [namespace('shop', enforce('restricted')), namespace('ops', enforce('privileged'))],
      workloads: [
        workload('Deployment', 'web', 'shop', hardened),
        workload('DaemonSet', 'a', 'ops', { hostPID: true }),
      ],
      podSecurityPolicies: [psp('restricted')],
    });
    expect(rule.run(s, ctx('1.25'))).toEqual([]);
  });
});
