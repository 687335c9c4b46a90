import { describe, expect, it } from 'vitest';
import { projectPodSecurityPolicy } from './psp';

describe('projectPodSecurityPolicy', () => {
  it('projects the policy fields', () => {
    const psp = projectPodSecurityPolicy({
      apiVersion: 'policy/v1beta1',
      kind: 'PodSecurityPolicy',
      metadata: {
        name: 'restricted',
        uid: 'p',
        annotations: { 'seccomp.security.alpha.kubernetes.io/defaultProfileName': 'runtime/default' },
      },
      spec: {
        privileged: false,
        defaultAddCapabilities: ['NET_BIND_SERVICE'],
        requiredDropCapabilities: ['ALL'],
        defaultAllowPrivilegeEscalation: false,
        allowPrivilegeEscalation: false,
        volumes: ['configMap', 'secret'],
        allowedHostPaths: [{ pathPrefix: '/var/log', readOnly: true }, { nope: 1 }],
        runAsUser: { rule: 'MustRunAsNonRoot' },
        runAsGroup: { rule: 'MustRunAs', ranges: [{ min: 1, max: 65535 }] },
        supplementalGroups: { rule: 'RunAsAny' },
        fsGroup: { rule: 'MustRunAs', ranges: [{ min: 1000, max: 2000 }, { min: 'x' }] },
        seLinux: { rule: 'RunAsAny' },
        allowedProcMountTypes: ['Default'],
      },
    });
    expect(psp).toEqual({
      metadata: {
        name: 'restricted',
        uid: 'p',
        labels: {},
        annotations: { 'seccomp.security.alpha.kubernetes.io/defaultProfileName': 'runtime/default' },
        ownerReferences: [],
      },
      privileged: false,
      defaultAddCapabilities: ['NET_BIND_SERVICE'],
      requiredDropCapabilities: ['ALL'],
      allowedCapabilities: [],
      defaultAllowPrivilegeEscalation: false,
      allowPrivilegeEscalation: false,
      hostNetwork: false,
      hostPID: false,
      hostIPC: false,
      readOnlyRootFilesystem: false,
      volumes: ['configMap', 'secret'],
      allowedHostPaths: [{ pathPrefix: '/var/log', readOnly: true }],
      runAsUser: { rule: 'MustRunAsNonRoot', ranges: [] },
      runAsGroup: { rule: 'MustRunAs', ranges: [{ min: 1, max: 65535 }] },
      supplementalGroups: { rule: 'RunAsAny', ranges: [] },
      fsGroup: { rule: 'MustRunAs', ranges: [{ min: 1000, max: 2000 }] },
      seLinuxRule: 'RunAsAny',
      allowedProcMountTypes: ['Default'],
    });
  });

  it('skips a policy without spec', () => {
    expect(projectPodSecurityPolicy({ metadata: { name: 'x' } })).toBeUndefined();
  });
});
