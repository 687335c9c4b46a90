/** The ReleaseLensSnapshotInfo document of the demo: server version, discovery and deprecated-API telemetry. */
import type { Obj } from './k8s';

const SERVED_1_23 = [
  'admissionregistration.k8s.io/v1',
  'apiextensions.k8s.io/v1',
  'apiregistration.k8s.io/v1',
  'apps/v1',
  'authentication.k8s.io/v1',
  'authorization.k8s.io/v1',
  'autoscaling/v1',
  'autoscaling/v2',
  'autoscaling/v2beta1',
  'autoscaling/v2beta2',
  'batch/v1',
  'batch/v1beta1',
  'cert-manager.io/v1',
  'cert-manager.io/v1alpha2',
  'certificates.k8s.io/v1',
  'coordination.k8s.io/v1',
  'discovery.k8s.io/v1',
  'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1',
  'events.k8s.io/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1beta2',
  'monitoring.coreos.com/v1',
  'networking.k8s.io/v1',
  'node.k8s.io/v1',
  'node.k8s.io/v1beta1',
  'policy/v1',
  'policy/v1beta1',
  'rbac.authorization.k8s.io/v1',
  'scheduling.k8s.io/v1',
  'storage.k8s.io/v1',
  'storage.k8s.io/v1beta1',
  'v1',
];

const requested = (group: string, version: string, resource: string, removedRelease: string) => ({
  group,
  version,
  resource,
  removedRelease,
});

/** The info document; `resources` lists every kind the demo "collected", including those it has none of. */
export function snapshotInfo(resources: readonly string[]): Obj {
  return {
    kind: 'ReleaseLensSnapshotInfo',
    apiVersion: 'release-lens.dev/v1',
    label: 'Demo cluster: Northwind Freight (Kubernetes 1.23)',
    collectedAt: '2024-03-01T09:00:00Z',
    serverVersion: { gitVersion: 'v1.23.17', major: '1', minor: '23', platform: 'linux/amd64' },
    servedGroupVersions: SERVED_1_23,
    deprecatedApiRequests: [
      requested('batch', 'v1beta1', 'cronjobs', '1.25'),
      requested('policy', 'v1beta1', 'poddisruptionbudgets', '1.25'),
      requested('autoscaling', 'v2beta1', 'horizontalpodautoscalers', '1.25'),
      requested('policy', 'v1beta1', 'podsecuritypolicies', '1.25'),
    ],
    resources,
  };
}
