import type { ResourceKey, WorkloadKind } from './types';

/** Resource keys that hold objects (the others, version/discovery/metrics, are facts about the server). */
export type ObjectResourceKey = Exclude<ResourceKey, 'version' | 'discovery' | 'metrics'>;

export interface ResourceInfo {
  /** API group ('' for core). */
  group: string;
  /** Plural resource name, as in RBAC rules and kubectl. */
  resource: string;
  kind: string;
  /** The version assumed for list items that omit apiVersion (the API server leaves it out of typed lists). */
  apiVersion: string;
  /** Set for controllers projected as Workloads. */
  workload?: WorkloadKind;
  /** Set for kinds that had (or will have) a version removed: their objects also go to apiEvidence. */
  evidence?: true;
}

const info = (group: string, resource: string, kind: string, version: string, extra: Partial<ResourceInfo> = {}) => ({
  group,
  resource,
  kind,
  apiVersion: group === '' ? version : `${group}/${version}`,
  ...extra,
});

/** What each object resource key holds. */
export const RESOURCE_INFO: Record<ObjectResourceKey, ResourceInfo> = {
  nodes: info('', 'nodes', 'Node', 'v1'),
  namespaces: info('', 'namespaces', 'Namespace', 'v1'),
  pods: info('', 'pods', 'Pod', 'v1'),
  deployments: info('apps', 'deployments', 'Deployment', 'v1', { workload: 'Deployment' }),
  statefulsets: info('apps', 'statefulsets', 'StatefulSet', 'v1', { workload: 'StatefulSet' }),
  daemonsets: info('apps', 'daemonsets', 'DaemonSet', 'v1', { workload: 'DaemonSet' }),
  replicasets: info('apps', 'replicasets', 'ReplicaSet', 'v1', { workload: 'ReplicaSet' }),
  replicationcontrollers: info('', 'replicationcontrollers', 'ReplicationController', 'v1', {
    workload: 'ReplicationController',
  }),
  jobs: info('batch', 'jobs', 'Job', 'v1', { workload: 'Job' }),
  cronjobs: info('batch', 'cronjobs', 'CronJob', 'v1', { workload: 'CronJob', evidence: true }),
  podsecuritypolicies: info('policy', 'podsecuritypolicies', 'PodSecurityPolicy', 'v1beta1', { evidence: true }),
  persistentvolumes: info('', 'persistentvolumes', 'PersistentVolume', 'v1'),
  storageclasses: info('storage.k8s.io', 'storageclasses', 'StorageClass', 'v1'),
  csidrivers: info('storage.k8s.io', 'csidrivers', 'CSIDriver', 'v1'),
  services: info('', 'services', 'Service', 'v1'),
  priorityclasses: info('scheduling.k8s.io', 'priorityclasses', 'PriorityClass', 'v1'),
  serviceaccounttokens: info('', 'secrets', 'Secret', 'v1'),
  helmsecrets: info('', 'secrets', 'Secret', 'v1'),
  helmconfigmaps: info('', 'configmaps', 'ConfigMap', 'v1'),
  customresourcedefinitions: info(
    'apiextensions.k8s.io',
    'customresourcedefinitions',
    'CustomResourceDefinition',
    'v1',
  ),
  validatingwebhookconfigurations: info(
    'admissionregistration.k8s.io',
    'validatingwebhookconfigurations',
    'ValidatingWebhookConfiguration',
    'v1',
  ),
  mutatingwebhookconfigurations: info(
    'admissionregistration.k8s.io',
    'mutatingwebhookconfigurations',
    'MutatingWebhookConfiguration',
    'v1',
  ),
  kubeadmconfig: info('', 'configmaps', 'ConfigMap', 'v1'),
  poddisruptionbudgets: info('policy', 'poddisruptionbudgets', 'PodDisruptionBudget', 'v1', { evidence: true }),
  horizontalpodautoscalers: info('autoscaling', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', 'v2', {
    evidence: true,
  }),
  endpointslices: info('discovery.k8s.io', 'endpointslices', 'EndpointSlice', 'v1', { evidence: true }),
  events: info('events.k8s.io', 'events', 'Event', 'v1', { evidence: true }),
  runtimeclasses: info('node.k8s.io', 'runtimeclasses', 'RuntimeClass', 'v1', { evidence: true }),
  flowschemas: info('flowcontrol.apiserver.k8s.io', 'flowschemas', 'FlowSchema', 'v1beta2', { evidence: true }),
  prioritylevelconfigurations: info(
    'flowcontrol.apiserver.k8s.io',
    'prioritylevelconfigurations',
    'PriorityLevelConfiguration',
    'v1beta2',
    { evidence: true },
  ),
  csistoragecapacities: info('storage.k8s.io', 'csistoragecapacities', 'CSIStorageCapacity', 'v1', {
    evidence: true,
  }),
};

/** True for a resource key that holds objects. */
export function isObjectResourceKey(key: ResourceKey): key is ObjectResourceKey {
  return key !== 'version' && key !== 'discovery' && key !== 'metrics';
}
