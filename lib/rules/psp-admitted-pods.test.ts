import { describe, expect, it } from 'vitest';
import type { Workload } from '../model/snapshot';
import { container, pod, snapshot, workload } from '../snapshot/test-fixtures';
import { rule as check } from './psp-admitted-pods';
import { plainRule } from './testing/plain';
import { ctx, psp } from './testing/objects';

const rule = plainRule(check);

const mutating = psp(
  'defaults',
  {
    defaultAddCapabilities: ['NET_ADMIN'],
    runAsUser: { rule: 'MustRunAs', ranges: [{ min: 1000, max: 2000 }] },
    fsGroup: { rule: 'MustRunAs', ranges: [{ min: 2000, max: 2000 }] },
    readOnlyRootFilesystem: true,
  },
  { 'seccomp.security.alpha.kubernetes.io/defaultProfileName': 'runtime/default' },
);

/** A Deployment with a ReplicaSet and pods admitted by a PSP that mutated them. */
function deployment(templateSc: Parameters<typeof container>[1] = {}) {
  const deploy = workload('Deployment', 'web', 'shop', { containers: [container('app', templateSc)] });
  const rs = workload('ReplicaSet', 'web-1', 'shop', deploy.template.spec);
  rs.metadata.ownerReferences = [
    { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: deploy.metadata.uid, controller: true },
  ];
  const mutated = container('app', {
    securityContext: {
      capabilitiesAdd: ['NET_ADMIN'],
      capabilitiesDrop: ['ALL'],
      allowPrivilegeEscalation: false,
      runAsUser: 1000,
      readOnlyRootFilesystem: true,
    },
  });
  const pods = ['web-1-a', 'web-1-b'].map((name) =>
    pod(
      name,
      'shop',
      { containers: [mutated], securityContext: { fsGroup: 2000 } },
      {
        annotations: { 'kubernetes.io/psp': 'defaults', 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: rs.metadata.uid, controller: true },
        ],
      },
    ),
  );
  const workloads: Workload[] = [deploy, rs];
  return { workloads, pods };
}

describe('psp-admitted-pods', () => {
  it('gives one admission finding on the owner and one finding per disappearing default', () => {
    const findings = rule.run(snapshot({ ...deployment(), podSecurityPolicies: [mutating] }), ctx('1.25'));
    expect(findings.every((f) => f.object.kind === 'Deployment' && f.object.name === 'web')).toBe(true);
    const byKey = Object.fromEntries(
      findings.map((f) => [f.message.includes('were admitted') ? 'admitted' : (f.evidence[0]?.path ?? ''), f]),
    );
    expect(byKey.admitted).toMatchObject({ severity: 'info', message: expect.stringContaining('2 pod(s)') as unknown });
    expect(byKey['spec.defaultAddCapabilities']).toMatchObject({ severity: 'breaking', confidence: 'certain' });
    expect(byKey['spec.runAsUser.ranges[0].min']).toMatchObject({ severity: 'breaking', confidence: 'likely' });
    expect(byKey['spec.fsGroup.ranges[0].min']).toMatchObject({ severity: 'breaking', confidence: 'likely' });
    expect(byKey['spec.readOnlyRootFilesystem']).toMatchObject({ severity: 'action', confidence: 'certain' });
    expect(byKey['spec.requiredDropCapabilities']).toMatchObject({ severity: 'action', confidence: 'certain' });
    expect(byKey['spec.allowPrivilegeEscalation']).toMatchObject({ severity: 'action' });
    const seccomp = byKey['metadata.annotations[seccomp.security.alpha.kubernetes.io/defaultProfileName]'];
    expect(seccomp?.remediation).toContain('spec.template.spec.securityContext.seccompProfile.type: RuntimeDefault');
    expect(byKey['spec.runAsUser.ranges[0].min']?.remediation).toContain(
      'set spec.template.spec.containers[app].securityContext.runAsUser: 1000',
    );
    expect(findings).toHaveLength(8);
  });

  it('reports no mutation when the template already sets the fields', () => {
    const set = deployment({
      securityContext: {
        capabilitiesAdd: ['NET_ADMIN'],
        capabilitiesDrop: ['ALL'],
        allowPrivilegeEscalation: false,
        runAsUser: 1000,
        readOnlyRootFilesystem: false,
        seccompProfileType: 'RuntimeDefault',
      },
    });
    const deploy = set.workloads[0];
    if (deploy) deploy.template.spec.securityContext = { fsGroup: 3000 };
    const findings = rule.run(snapshot({ ...set, podSecurityPolicies: [mutating] }), ctx('1.25'));
    expect(findings.map((f) => f.severity)).toEqual(['info']);
  });

  it('accepts a pod-level runAsUser in the template', () => {
    const d = deployment();
    const deploy = d.workloads[0];
    if (deploy) deploy.template.spec.securityContext = { runAsUser: 1500 };
    const findings = rule.run(snapshot({ ...d, podSecurityPolicies: [mutating] }), ctx('1.25'));
    expect(findings.some((f) => f.evidence[0]?.path === 'spec.runAsUser.ranges[0].min')).toBe(false);
  });

  it('downgrades mutations to info for a 1.24 target', () => {
    const findings = rule.run(snapshot({ ...deployment(), podSecurityPolicies: [mutating] }), ctx('1.24'));
    expect(new Set(findings.map((f) => f.severity))).toEqual(new Set(['info']));
  });

  it('notes bare pods and missing PSPs without guessing mutations', () => {
    const bare = pod('tool', 'ops', {}, { annotations: { 'kubernetes.io/psp': 'defaults' } });
    const orphan = pod('old', 'ops', {}, { annotations: { 'kubernetes.io/psp': 'gone' } });
    const findings = rule.run(snapshot({ pods: [bare, orphan], podSecurityPolicies: [mutating] }), ctx('1.25'));
    expect(findings).toHaveLength(2);
    expect(findings.find((f) => f.object.name === 'tool')?.message).toContain('no controller');
    expect(findings.find((f) => f.object.name === 'old')?.message).toContain('not in the snapshot');
  });

  it('does not flag pods without the annotation', () => {
    expect(rule.run(snapshot({ pods: [pod('x')], podSecurityPolicies: [mutating] }), ctx('1.25'))).toEqual([]);
  });
});
