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
    expect(rest).toHaveLength(0); // one finding for the namespaces, not one per workload
    expect(f).toMatchObject({
      changeId: 'psp-removal',
      severity: 'action',
      confidence: 'certain',
      object: { kind: 'Namespace', name: 'namespaces without a Pod Security enforce label' },
    });
    expect(f?.message).toMatch(/^One namespace runs pods without a pod-security.kubernetes.io\/enforce label/);
    expect(f?.remediation).toContain(
      'kubectl label --overwrite namespace shop pod-security.kubernetes.io/enforce=baseline',
    );
    expect(f?.remediation).toContain('pod-security.kubernetes.io/enforce-version=v1.25');
    expect(f?.evidence).toContainEqual(
      expect.objectContaining({
        path: 'namespace shop pod-security.kubernetes.io/enforce',
        value: 'baseline',
        detail: expect.stringMatching(
          /^0 pass restricted, 2 pass baseline only, 0 need privileged.*; admitted by restricted/,
        ),
      }),
    );
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
    expect(f?.evidence[0]?.detail).toContain('a system namespace: label it privileged explicitly');
    expect(f?.remediation).toContain('enforce=privileged');
  });

  it('groups every unlabelled namespace in one finding, those without pods as a footnote', () => {
    const names = ['shop', 'billing', 'kube-node-lease', 'kube-public', 'sandbox'];
    const s = snapshot({
      namespaces: names.map((n) => namespace(n)),
      podSecurityPolicies: [psp('restricted')],
      workloads: [
        workload('Deployment', 'web', 'shop', hardened),
        workload('DaemonSet', 'agent', 'billing', { hostNetwork: true }),
      ],
      pods: [pod('web-1', 'shop', hardened, { annotations: { 'kubernetes.io/psp': 'restricted' } })],
    });
    const findings = rule.run(s, ctx('1.25'));
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.message).toMatch(/^2 namespaces run pods without/);
    expect(f?.message).toContain('Also without a label, but running no pods: kube-node-lease, kube-public and sandbox');
    expect(f?.evidence.map((e) => [e.path, e.value])).toEqual([
      ['namespace billing pod-security.kubernetes.io/enforce', 'privileged'],
      ['namespace shop pod-security.kubernetes.io/enforce', 'restricted'],
    ]);
    expect(f?.evidence[0]?.detail).toContain('DaemonSet agent needs privileged');
  });

  it('is info, with only the footnote, when no unlabelled namespace runs pods', () => {
    const s = snapshot({
      namespaces: [namespace('kube-public'), namespace('default')],
      podSecurityPolicies: [psp('p')],
    });
    const [f] = rule.run(s, ctx('1.25'));
    expect(f).toMatchObject({ severity: 'info', evidence: [] });
    expect(f?.message).toMatch(
      /^Every namespace that runs pods has a pod-security.kubernetes.io\/enforce label. Also without a label/,
    );
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
