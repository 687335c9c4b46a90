import { describe, expect, it } from 'vitest';
import { pod, snapshot } from '../snapshot/test-fixtures';
import { rule as check } from './psp-objects';
import { plainRule } from './testing/plain';
import { ctx, psp } from './testing/objects';

const rule = plainRule(check);

const admittedBy = (name: string, ns: string, pspName: string) =>
  pod(name, ns, {}, { annotations: { 'kubernetes.io/psp': pspName } });

describe('psp-objects', () => {
  const s = snapshot({
    podSecurityPolicies: [psp('privileged', { privileged: true, hostNetwork: true, volumes: ['*'] }), psp('unused')],
    pods: [admittedBy('a', 'shop', 'privileged'), admittedBy('b', 'ops', 'privileged')],
  });

  it('is breaking for a PSP in use when the target is 1.25, with its PSS level and usage', () => {
    const [f] = rule.run(s, ctx('1.25'));
    expect(f).toMatchObject({
      ruleId: 'psp-objects',
      changeId: 'psp-removal',
      severity: 'breaking',
      confidence: 'certain',
      object: { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', name: 'privileged' },
    });
    expect(f?.message).toContain('admitted 2 running pod(s) in ops and shop');
    expect(f?.message).toContain('"privileged" level');
    expect(f?.evidence.map((e) => e.path)).toEqual(
      expect.arrayContaining(['spec.privileged', 'spec.hostNetwork', 'spec.volumes']),
    );
    expect(f?.remediation).toContain('pod-security.kubernetes.io/enforce=privileged');
    expect(f?.remediation).toContain('Add a policy engine such as Kyverno or Gatekeeper only for');
  });

  it('notes unused PSPs as info', () => {
    const f = rule.run(s, ctx('1.25')).find((x) => x.object.name === 'unused');
    expect(f).toMatchObject({ severity: 'info', confidence: 'likely' });
    expect(f?.message).toContain('probably unused');
  });

  it('is info for a 1.24 target', () => {
    expect(rule.run(s, ctx('1.24')).map((f) => f.severity)).toEqual(['info', 'info']);
  });

  it('tailors the advice to installed policy engines', () => {
    const [kyverno] = rule.run(s, ctx('1.25', { policyEngines: ['kyverno'] }));
    expect(kyverno?.remediation).toContain('Kyverno is installed');
    expect(kyverno?.remediation).not.toContain('Add a policy engine');
    const [gk] = rule.run(s, ctx('1.25', { policyEngines: ['gatekeeper'] }));
    expect(gk?.remediation).toContain('K8sPSPHostFilesystem');
  });

  it('mentions injected defaults', () => {
    const m = snapshot({
      podSecurityPolicies: [psp('m', { fsGroup: { rule: 'MustRunAs', ranges: [{ min: 1, max: 65535 }] } })],
      pods: [admittedBy('a', 'shop', 'm')],
    });
    const [f] = rule.run(m, ctx('1.25'));
    expect(f?.message).toContain('the defaults it injects');
    expect(f?.remediation).toContain('fsGroup');
  });

  it('has nothing to say without PSPs', () => {
    expect(rule.run(snapshot({ pods: [pod('a')] }), ctx('1.25'))).toEqual([]);
  });
});
