import { container, key, lastApplied, privilegedNamespace } from './builders';
import type { Manifest, Scenario, SeedObject } from './types';
import { capacity, event, flowSchema, hpa, priorityLevel, slice } from './versioned-objects';

const NS = 'rl-apis';
const meta = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  namespace: NS,
  labels: { app: name },
  ...extra,
});
const BOT = 'deploy-bot';

const reportJob = {
  spec: {
    template: {
      spec: {
        restartPolicy: 'OnFailure',
        containers: [container('report', 'ghcr.io/acme/reporter:1.4.2', { args: ['--since=24h'] })],
      },
    },
  },
};

const cronV1beta1: Manifest = {
  apiVersion: 'batch/v1beta1',
  kind: 'CronJob',
  metadata: meta('nightly-report'),
  spec: { schedule: '0 2 * * *', concurrencyPolicy: 'Forbid', jobTemplate: reportJob },
};
const legacyPdb = {
  apiVersion: 'policy/v1beta1',
  kind: 'PodDisruptionBudget',
  metadata: meta('legacy-pdb'),
  spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'legacy' } } },
};
const cachePdb = {
  apiVersion: 'policy/v1beta1',
  kind: 'PodDisruptionBudget',
  metadata: meta('cache-pdb'),
  spec: { minAvailable: 1, selector: { matchLabels: { app: 'cache' } } },
};
const kataV1alpha1 = {
  apiVersion: 'node.k8s.io/v1alpha1',
  kind: 'RuntimeClass',
  metadata: { name: 'kata' },
  spec: { runtimeHandler: 'kata' },
};

const objects: SeedObject[] = [
  privilegedNamespace(NS),
  // Applied with kubectl through batch/v1beta1: the annotation and managedFields agree.
  {
    manifest: { ...cronV1beta1, metadata: { ...cronV1beta1.metadata, annotations: lastApplied(cronV1beta1) } },
    fieldManager: 'kubectl-client-side-apply',
  },
  {
    manifest: {
      apiVersion: 'policy/v1beta1',
      kind: 'PodDisruptionBudget',
      metadata: meta('web-pdb'),
      spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } },
    },
    fieldManager: BOT,
  },
  {
    manifest: hpa(NS, 'web-hpa', 'autoscaling/v2beta1', [
      { type: 'Resource', resource: { name: 'cpu', targetAverageUtilization: 70 } },
    ]),
    fieldManager: BOT,
  },
  {
    manifest: hpa(NS, 'api-hpa', 'autoscaling/v2beta2', [
      { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 80 } } },
    ]),
    fieldManager: BOT,
  },
  {
    manifest: hpa(NS, 'worker-hpa', 'autoscaling/v2', [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } },
    ]),
    fieldManager: BOT,
  },
  {
    manifest: slice(NS, 'external-db-7xk2p', 'discovery.k8s.io/v1beta1', '10.20.0.15'),
    fieldManager: 'external-endpoints-operator',
  },
  {
    manifest: slice(NS, 'external-db-v1-9mq4t', 'discovery.k8s.io/v1', '10.20.0.16'),
    fieldManager: 'external-endpoints-operator',
  },
  {
    manifest: {
      apiVersion: 'node.k8s.io/v1beta1',
      kind: 'RuntimeClass',
      metadata: { name: 'gvisor' },
      handler: 'runsc',
    },
    fieldManager: BOT,
  },
  {
    manifest: {
      apiVersion: 'node.k8s.io/v1',
      kind: 'RuntimeClass',
      metadata: { name: 'runc-hardened' },
      handler: 'runc',
    },
    fieldManager: BOT,
  },
  // Only the annotation remembers node.k8s.io/v1alpha1, which 1.24 no longer serves.
  {
    manifest: {
      apiVersion: 'node.k8s.io/v1',
      kind: 'RuntimeClass',
      metadata: { name: 'kata', annotations: lastApplied(kataV1alpha1) },
      handler: 'kata',
    },
    fieldManager: 'kubectl-create',
  },
  {
    manifest: event(NS, 'nightly-report.17c9f3a2b4d5e6f7', 'events.k8s.io/v1beta1'),
    fieldManager: 'legacy-event-exporter',
  },
  { manifest: event(NS, 'nightly-report.17c9f3a2b4d5e6f8', 'events.k8s.io/v1'), fieldManager: 'backup-operator' },
  { manifest: priorityLevel('batch-low', 'flowcontrol.apiserver.k8s.io/v1beta1'), fieldManager: BOT },
  { manifest: flowSchema('batch-jobs', 'flowcontrol.apiserver.k8s.io/v1beta1', 'batch-low', NS), fieldManager: BOT },
  { manifest: flowSchema('reports', 'flowcontrol.apiserver.k8s.io/v1beta2', 'batch-low', NS), fieldManager: BOT },
  { manifest: capacity(NS, 'csisc-2b7k9', 'storage.k8s.io/v1beta1'), fieldManager: 'csi-provisioner' },
  { manifest: capacity(NS, 'csisc-8m4q1', 'storage.k8s.io/v1'), fieldManager: 'csi-provisioner' },
  // Created through v1 with the old manifest kept in the annotation: the annotation is the only evidence.
  {
    manifest: {
      ...legacyPdb,
      apiVersion: 'policy/v1',
      metadata: { ...legacyPdb.metadata, annotations: lastApplied(legacyPdb) },
    },
    fieldManager: 'kubectl-create',
  },
  // Written by Helm through v1beta1, later upgraded by Helm through policy/v1: old evidence is stale.
  {
    manifest: {
      apiVersion: 'policy/v1beta1',
      kind: 'PodDisruptionBudget',
      metadata: meta('api-pdb', { labels: { app: 'api', 'app.kubernetes.io/managed-by': 'Helm' } }),
      spec: { minAvailable: 1, selector: { matchLabels: { app: 'api' } } },
    },
    fieldManager: 'helm',
    then: [
      {
        op: 'update',
        apiPath: 'policy/v1',
        fieldManager: 'helm',
        body: { metadata: { labels: { 'helm.sh/chart': 'api-2.0.0' } }, spec: { minAvailable: 2 } },
      },
    ],
  },
  // kubectl client-side apply through v1beta1, later moved to server-side apply through policy/v1
  // (manager "kubectl"); the apiserver then rewrites the last-applied annotation to policy/v1.
  {
    manifest: { ...cachePdb, metadata: { ...cachePdb.metadata, annotations: lastApplied(cachePdb) } },
    fieldManager: 'kubectl-client-side-apply',
    then: [
      {
        op: 'apply',
        apiPath: 'policy/v1',
        fieldManager: 'kubectl',
        body: {
          kind: 'PodDisruptionBudget',
          metadata: { name: 'cache-pdb', namespace: NS },
          spec: { minAvailable: 1, selector: { matchLabels: { app: 'cache' } } },
        },
      },
    ],
  },
];

const found = (
  kind: string,
  name: string,
  changeId: Scenario['expect'][number]['changeId'],
  severity: 'breaking' | 'action' | 'info',
  why: string,
  extra: Partial<Scenario['expect'][number]> = {},
) => ({
  ...key(kind, name, ['RuntimeClass', 'FlowSchema', 'PriorityLevelConfiguration'].includes(kind) ? undefined : NS),
  changeId,
  severity,
  why,
  ...extra,
});

export const removedApis: Scenario = {
  name: 'removed-apis',
  description:
    'Objects written through API versions that 1.25 (or 1.26/1.27) removes, recorded in managedFields by named field managers and in last-applied annotations; objects whose only evidence is the annotation; and two stale cases: Helm writing the same object later through policy/v1 (no finding), and kubectl moving from client-side apply via v1beta1 to server-side apply via policy/v1 (a low-confidence info finding).',
  namespaces: [NS],
  objects,
  expect: [
    found(
      'CronJob',
      'nightly-report',
      'cronjob-v1beta1-removal',
      'breaking',
      'applied through batch/v1beta1 (annotation and managedFields agree)',
      { evidence: 'managed-fields', confidence: 'likely' },
    ),
    found('CronJob', 'nightly-report', 'cronjob-timezone-beta', 'info', 'no spec.timeZone'),
    found(
      'PodDisruptionBudget',
      'web-pdb',
      'pdb-v1beta1-removal',
      'breaking',
      'deploy-bot writes it through policy/v1beta1',
      { evidence: 'managed-fields', confidence: 'likely' },
    ),
    found(
      'HorizontalPodAutoscaler',
      'web-hpa',
      'hpa-v2beta1-removal',
      'breaking',
      'deploy-bot writes it through autoscaling/v2beta1',
      { evidence: 'managed-fields', confidence: 'likely' },
    ),
    found(
      'HorizontalPodAutoscaler',
      'api-hpa',
      'hpa-v2beta2-removal-lookahead',
      'action',
      'autoscaling/v2beta2 is removed in 1.26',
      { evidence: 'managed-fields', confidence: 'likely' },
    ),
    found(
      'EndpointSlice',
      'external-db-7xk2p',
      'endpointslice-v1beta1-removal',
      'breaking',
      'an operator writes it through discovery.k8s.io/v1beta1',
      { evidence: 'managed-fields', confidence: 'likely' },
    ),
    found('RuntimeClass', 'gvisor', 'runtimeclass-v1beta1-removal', 'breaking', 'written through node.k8s.io/v1beta1', {
      evidence: 'managed-fields',
      confidence: 'likely',
    }),
    found(
      'RuntimeClass',
      'kata',
      'runtimeclass-v1alpha1-removal',
      'breaking',
      'last-applied manifest still says node.k8s.io/v1alpha1, which 1.24 already stopped serving',
      { evidence: 'last-applied', confidence: 'possible' },
    ),
    found(
      'Event',
      'nightly-report.17c9f3a2b4d5e6f7',
      'event-v1beta1-removal',
      'breaking',
      'an event exporter writes through events.k8s.io/v1beta1',
      { evidence: 'managed-fields', confidence: 'likely' },
    ),
    found(
      'FlowSchema',
      'batch-jobs',
      'flowcontrol-v1beta1-removal-lookahead',
      'action',
      'flowcontrol v1beta1 is removed in 1.26',
      { evidence: 'managed-fields', confidence: 'likely' },
    ),
    found(
      'PriorityLevelConfiguration',
      'batch-low',
      'flowcontrol-v1beta1-removal-lookahead',
      'action',
      'flowcontrol v1beta1 is removed in 1.26',
      { evidence: 'managed-fields', confidence: 'likely' },
    ),
    found(
      'CSIStorageCapacity',
      'csisc-2b7k9',
      'csistoragecapacity-v1beta1-deprecation',
      'action',
      'storage.k8s.io/v1beta1 CSIStorageCapacity is deprecated in 1.24 and removed in 1.27; update the CSI provisioner',
      { evidence: 'managed-fields', confidence: 'likely' },
    ),
    found(
      'PodDisruptionBudget',
      'legacy-pdb',
      'pdb-v1beta1-removal',
      'breaking',
      'only the last-applied annotation says policy/v1beta1: re-applying that manifest fails on 1.25',
      { evidence: 'last-applied', confidence: 'possible' },
    ),
    // The apiserver rewrites an existing last-applied annotation on server-side apply, so only the old
    // kubectl-client-side-apply managedFields entry still says v1beta1: stale-looking, hence low confidence.
    found(
      'PodDisruptionBudget',
      'cache-pdb',
      'pdb-v1beta1-removal',
      'info',
      'stale-looking: an older kubectl-client-side-apply entry via policy/v1beta1 remains, but kubectl later server-side applied it through policy/v1 (the annotation now says policy/v1)',
      { evidence: 'managed-fields', confidence: 'possible' },
    ),
  ],
  clean: [
    key('HorizontalPodAutoscaler', 'worker-hpa', NS),
    key('EndpointSlice', 'external-db-v1-9mq4t', NS),
    key('RuntimeClass', 'runc-hardened'),
    key('Event', 'nightly-report.17c9f3a2b4d5e6f8', NS),
    key('FlowSchema', 'reports'),
    key('CSIStorageCapacity', 'csisc-8m4q1', NS),
    // helm wrote it through v1beta1, then through policy/v1: the manager has moved on.
    key('PodDisruptionBudget', 'api-pdb', NS),
    key('Namespace', NS),
  ],
};
