import type { Manifest } from './types';

/** Objects of kinds whose API versions 1.25-1.27 remove, shaped for the version they are written through. */

export const flowSchema = (name: string, apiVersion: string, priorityLevel: string, saNamespace: string): Manifest => ({
  apiVersion,
  kind: 'FlowSchema',
  metadata: { name },
  spec: {
    priorityLevelConfiguration: { name: priorityLevel },
    matchingPrecedence: 2000,
    distinguisherMethod: { type: 'ByUser' },
    rules: [
      {
        subjects: [{ kind: 'ServiceAccount', serviceAccount: { name: 'batch-runner', namespace: saNamespace } }],
        resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'], namespaces: ['*'] }],
      },
    ],
  },
});
export const priorityLevel = (name: string, apiVersion: string): Manifest => ({
  apiVersion,
  kind: 'PriorityLevelConfiguration',
  metadata: { name },
  spec: {
    type: 'Limited',
    limited: {
      assuredConcurrencyShares: 5,
      limitResponse: { type: 'Queue', queuing: { queues: 16, handSize: 4, queueLengthLimit: 50 } },
    },
  },
});
export const capacity = (ns: string, name: string, apiVersion: string): Manifest => ({
  apiVersion,
  kind: 'CSIStorageCapacity',
  metadata: { name, namespace: ns },
  storageClassName: 'ebs-csi-gp3',
  capacity: '1536Gi',
  nodeTopology: { matchLabels: { 'topology.ebs.csi.aws.com/zone': 'us-east-1a' } },
});
export const slice = (ns: string, name: string, apiVersion: string, ip: string): Manifest => ({
  apiVersion,
  kind: 'EndpointSlice',
  metadata: {
    name,
    namespace: ns,
    labels: {
      'kubernetes.io/service-name': 'external-db',
      'endpointslice.kubernetes.io/managed-by': 'external-endpoints-operator',
    },
  },
  addressType: 'IPv4',
  endpoints: [{ addresses: [ip], conditions: { ready: true } }],
  ports: [{ name: 'postgres', port: 5432, protocol: 'TCP' }],
});
export const hpa = (ns: string, name: string, apiVersion: string, metrics: unknown[]): Manifest => ({
  apiVersion,
  kind: 'HorizontalPodAutoscaler',
  metadata: { name, namespace: ns, labels: { app: name } },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
    minReplicas: 2,
    maxReplicas: 10,
    metrics,
  },
});
export const event = (ns: string, name: string, apiVersion: string): Manifest => ({
  apiVersion,
  kind: 'Event',
  metadata: { name, namespace: ns },
  eventTime: '2024-05-01T10:00:00.000000Z',
  reportingController: 'acme.io/backup-operator',
  reportingInstance: 'backup-operator-7d9c8b6f5-k2x9q',
  action: 'Backup',
  reason: 'BackupCompleted',
  note: 'nightly backup finished in 42s',
  type: 'Normal',
  regarding: { kind: 'CronJob', namespace: ns, name: 'nightly-report', apiVersion: 'batch/v1' },
});
