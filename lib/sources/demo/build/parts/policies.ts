/** PodSecurityPolicies of the demo. */
import { lastApplied, managed, meta } from './k8s';
import type { Obj } from './k8s';

const anyRule = { rule: 'RunAsAny' };

/**
 * A wide-open PSP for system and CI workloads, a restricted one that mutates pods, and one the Grafana chart
 * installed (so the chart breaks on 1.25 too).
 */
export function podSecurityPolicies(): Obj[] {
  return [
    {
      apiVersion: 'policy/v1beta1',
      kind: 'PodSecurityPolicy',
      metadata: meta('grafana', undefined, {
        annotations: { 'meta.helm.sh/release-name': 'grafana', 'meta.helm.sh/release-namespace': 'monitoring' },
        labels: {
          'app.kubernetes.io/instance': 'grafana',
          'app.kubernetes.io/managed-by': 'Helm',
          'helm.sh/chart': 'grafana-6.24.1',
        },
        managedFields: [managed('helm', 'policy/v1beta1', '2023-08-15T10:30:00Z')],
      }),
      spec: {
        allowPrivilegeEscalation: false,
        fsGroup: { ranges: [{ max: 65535, min: 1 }], rule: 'MustRunAs' },
        requiredDropCapabilities: ['ALL'],
        runAsUser: { rule: 'RunAsAny' },
        seLinux: anyRule,
        supplementalGroups: { ranges: [{ max: 65535, min: 1 }], rule: 'MustRunAs' },
        volumes: ['configMap', 'emptyDir', 'projected', 'secret', 'downwardAPI', 'persistentVolumeClaim'],
      },
    },
    {
      apiVersion: 'policy/v1beta1',
      kind: 'PodSecurityPolicy',
      metadata: meta('privileged', undefined, {
        annotations: {
          ...lastApplied('policy/v1beta1', 'PodSecurityPolicy', 'privileged'),
          'seccomp.security.alpha.kubernetes.io/allowedProfileNames': '*',
        },
      }),
      spec: {
        allowPrivilegeEscalation: true,
        allowedCapabilities: ['*'],
        fsGroup: anyRule,
        hostIPC: true,
        hostNetwork: true,
        hostPID: true,
        hostPorts: [{ max: 65535, min: 0 }],
        privileged: true,
        runAsUser: anyRule,
        seLinux: anyRule,
        supplementalGroups: anyRule,
        volumes: ['*'],
      },
    },
    {
      apiVersion: 'policy/v1beta1',
      kind: 'PodSecurityPolicy',
      metadata: meta('restricted', undefined, {
        annotations: {
          ...lastApplied('policy/v1beta1', 'PodSecurityPolicy', 'restricted'),
          'apparmor.security.beta.kubernetes.io/defaultProfileName': 'runtime/default',
          'seccomp.security.alpha.kubernetes.io/allowedProfileNames': 'runtime/default',
          'seccomp.security.alpha.kubernetes.io/defaultProfileName': 'runtime/default',
        },
      }),
      spec: {
        allowPrivilegeEscalation: false,
        defaultAllowPrivilegeEscalation: false,
        fsGroup: { ranges: [{ max: 65535, min: 1 }], rule: 'MustRunAs' },
        privileged: false,
        readOnlyRootFilesystem: false,
        requiredDropCapabilities: ['ALL'],
        runAsUser: { rule: 'MustRunAsNonRoot' },
        seLinux: anyRule,
        supplementalGroups: { ranges: [{ max: 65535, min: 1 }], rule: 'MustRunAs' },
        volumes: ['configMap', 'emptyDir', 'projected', 'secret', 'downwardAPI', 'persistentVolumeClaim'],
      },
    },
  ];
}
