/** Priority classes, a RuntimeClass, CRDs and webhooks of the demo. */
import { lastApplied, managed, meta } from './k8s';
import type { Obj } from './k8s';

/** Priority classes (one non-preempting), a RuntimeClass written through node.k8s.io/v1beta1, CRDs and webhooks. */
export function extensions(): Obj[] {
  const crd = (name: string, group: string, kind: string, versions: Obj[], storedVersions: string[]): Obj => ({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: meta(name, undefined),
    spec: { group, names: { kind, plural: name.split('.')[0] }, scope: 'Namespaced', versions },
    status: { storedVersions },
  });
  return [
    {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: meta('payments-critical', undefined),
      value: 100000,
      preemptionPolicy: 'PreemptLowerPriority',
      globalDefault: false,
    },
    {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: meta('batch-low', undefined),
      value: 100,
      preemptionPolicy: 'Never',
      globalDefault: false,
      description: 'Batch jobs that never evict anyone.',
    },
    {
      apiVersion: 'node.k8s.io/v1',
      kind: 'RuntimeClass',
      handler: 'runsc',
      metadata: meta('gvisor', undefined, {
        annotations: lastApplied('node.k8s.io/v1beta1', 'RuntimeClass', 'gvisor'),
        managedFields: [managed('kubectl-client-side-apply', 'node.k8s.io/v1beta1', '2021-06-02T08:00:00Z')],
      }),
    },
    crd(
      'certificates.cert-manager.io',
      'cert-manager.io',
      'Certificate',
      [
        {
          name: 'v1alpha2',
          served: true,
          storage: false,
          deprecated: true,
          deprecationWarning: 'cert-manager.io/v1alpha2 Certificate is deprecated',
        },
        { name: 'v1', served: true, storage: true },
      ],
      ['v1alpha2', 'v1'],
    ),
    crd(
      'servicemonitors.monitoring.coreos.com',
      'monitoring.coreos.com',
      'ServiceMonitor',
      [{ name: 'v1', served: true, storage: true }],
      ['v1'],
    ),
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingWebhookConfiguration',
      metadata: meta('cert-manager-webhook', undefined),
      webhooks: [{ name: 'webhook.cert-manager.io', admissionReviewVersions: ['v1'], sideEffects: 'None' }],
    },
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'MutatingWebhookConfiguration',
      metadata: meta('datadog-webhook', undefined),
      webhooks: [{ name: 'datadog.webhook.agent.config', admissionReviewVersions: ['v1'], sideEffects: 'None' }],
    },
  ];
}
