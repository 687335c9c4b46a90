import 'server-only';
import type { ResourceKey } from '../../../snapshot/types';

/** One acceptable API version of a resource; `deprecated` marks versions a scan reads only when nothing newer is served. */
export interface VersionChoice {
  version: string;
  deprecated?: true;
}

/** How the collectors read one ResourceKey: the single place that says which API, version, scope and view. */
export interface ResourceSpec {
  key: Exclude<ResourceKey, 'version' | 'discovery' | 'metrics'>;
  /** API group; '' for the core group. */
  group: string;
  /** Plural resource name, as in URLs and RBAC rules. */
  resource: string;
  kind: string;
  namespaced: boolean;
  /** Acceptable versions, best first: never read a deprecated one while a listed non-deprecated one is served. */
  versions: readonly VersionChoice[];
  labelSelector?: string;
  fieldSelector?: string;
  /** 'metadata' lists PartialObjectMetadata: no spec, no data (Secrets' values are never transferred). */
  view: 'full' | 'metadata';
  /** Read only in this namespace. */
  namespace?: string;
  /** Verbs beyond `list` the collector uses (for the RBAC manifest). */
  extraVerbs?: readonly 'get'[];
  /** Said in coverage when the resource is read through a deprecated version on purpose. */
  deprecatedNote?: string;
}

const v = (version: string): VersionChoice => ({ version });
const old = (version: string): VersionChoice => ({ version, deprecated: true });

type Spec = Omit<ResourceSpec, 'view'> & { view?: ResourceSpec['view'] };
const spec = (s: Spec): ResourceSpec => ({ view: 'full', ...s });
const core = (key: Spec['key'], resource: string, kind: string, namespaced: boolean): ResourceSpec =>
  spec({ key, group: '', resource, kind, namespaced, versions: [v('v1')] });
// Kinds kept only as removed-API evidence (metadata, managedFields, last-applied): metadata is all the snapshot needs.
const evidence = (s: Omit<Spec, 'view'>): ResourceSpec => spec({ ...s, view: 'metadata' });

/** Every resource a scan lists, in the order they are started. */
export const RESOURCE_TABLE: readonly ResourceSpec[] = [
  core('nodes', 'nodes', 'Node', false),
  { ...core('namespaces', 'namespaces', 'Namespace', false), extraVerbs: ['get'] },
  core('pods', 'pods', 'Pod', true),
  spec({
    key: 'deployments',
    group: 'apps',
    resource: 'deployments',
    kind: 'Deployment',
    namespaced: true,
    versions: [v('v1')],
  }),
  spec({
    key: 'statefulsets',
    group: 'apps',
    resource: 'statefulsets',
    kind: 'StatefulSet',
    namespaced: true,
    versions: [v('v1')],
  }),
  spec({
    key: 'daemonsets',
    group: 'apps',
    resource: 'daemonsets',
    kind: 'DaemonSet',
    namespaced: true,
    versions: [v('v1')],
  }),
  spec({
    key: 'replicasets',
    group: 'apps',
    resource: 'replicasets',
    kind: 'ReplicaSet',
    namespaced: true,
    versions: [v('v1')],
  }),
  core('replicationcontrollers', 'replicationcontrollers', 'ReplicationController', true),
  spec({ key: 'jobs', group: 'batch', resource: 'jobs', kind: 'Job', namespaced: true, versions: [v('v1')] }),
  spec({
    key: 'cronjobs',
    group: 'batch',
    resource: 'cronjobs',
    kind: 'CronJob',
    namespaced: true,
    versions: [v('v1'), old('v1beta1')],
  }),
  spec({
    key: 'podsecuritypolicies',
    group: 'policy',
    resource: 'podsecuritypolicies',
    kind: 'PodSecurityPolicy',
    namespaced: false,
    versions: [old('v1beta1')],
    deprecatedNote:
      'PodSecurityPolicy exists only as policy/v1beta1, so it is read through that version (the one deprecated read a scan makes).',
  }),
  core('persistentvolumes', 'persistentvolumes', 'PersistentVolume', false),
  spec({
    key: 'storageclasses',
    group: 'storage.k8s.io',
    resource: 'storageclasses',
    kind: 'StorageClass',
    namespaced: false,
    versions: [v('v1')],
  }),
  spec({
    key: 'csidrivers',
    group: 'storage.k8s.io',
    resource: 'csidrivers',
    kind: 'CSIDriver',
    namespaced: false,
    versions: [v('v1')],
  }),
  core('services', 'services', 'Service', true),
  spec({
    key: 'priorityclasses',
    group: 'scheduling.k8s.io',
    resource: 'priorityclasses',
    kind: 'PriorityClass',
    namespaced: false,
    versions: [v('v1')],
  }),
  spec({
    key: 'serviceaccounttokens',
    group: '',
    resource: 'secrets',
    kind: 'Secret',
    namespaced: true,
    versions: [v('v1')],
    fieldSelector: 'type=kubernetes.io/service-account-token',
    view: 'metadata',
  }),
  { ...core('helmsecrets', 'secrets', 'Secret', true), labelSelector: 'owner=helm' },
  { ...core('helmconfigmaps', 'configmaps', 'ConfigMap', true), labelSelector: 'owner=helm' },
  spec({
    key: 'customresourcedefinitions',
    group: 'apiextensions.k8s.io',
    resource: 'customresourcedefinitions',
    kind: 'CustomResourceDefinition',
    namespaced: false,
    versions: [v('v1')],
  }),
  spec({
    key: 'validatingwebhookconfigurations',
    group: 'admissionregistration.k8s.io',
    resource: 'validatingwebhookconfigurations',
    kind: 'ValidatingWebhookConfiguration',
    namespaced: false,
    versions: [v('v1')],
  }),
  spec({
    key: 'mutatingwebhookconfigurations',
    group: 'admissionregistration.k8s.io',
    resource: 'mutatingwebhookconfigurations',
    kind: 'MutatingWebhookConfiguration',
    namespaced: false,
    versions: [v('v1')],
  }),
  // Names of kube-system ConfigMaps as metadata, then kubeadm-config itself by name (see kubeadm.ts).
  {
    ...core('kubeadmconfig', 'configmaps', 'ConfigMap', true),
    view: 'metadata',
    namespace: 'kube-system',
    extraVerbs: ['get'],
  },
  evidence({
    key: 'poddisruptionbudgets',
    group: 'policy',
    resource: 'poddisruptionbudgets',
    kind: 'PodDisruptionBudget',
    namespaced: true,
    versions: [v('v1'), old('v1beta1')],
  }),
  evidence({
    key: 'horizontalpodautoscalers',
    group: 'autoscaling',
    resource: 'horizontalpodautoscalers',
    kind: 'HorizontalPodAutoscaler',
    namespaced: true,
    versions: [v('v2'), v('v1')],
  }),
  evidence({
    key: 'endpointslices',
    group: 'discovery.k8s.io',
    resource: 'endpointslices',
    kind: 'EndpointSlice',
    namespaced: true,
    versions: [v('v1'), old('v1beta1')],
  }),
  evidence({
    key: 'events',
    group: 'events.k8s.io',
    resource: 'events',
    kind: 'Event',
    namespaced: true,
    versions: [v('v1'), old('v1beta1')],
  }),
  evidence({
    key: 'runtimeclasses',
    group: 'node.k8s.io',
    resource: 'runtimeclasses',
    kind: 'RuntimeClass',
    namespaced: false,
    versions: [v('v1'), old('v1beta1')],
  }),
  // v1beta2 is the newest flowcontrol version on 1.23-1.25; v1beta3 (1.26) and v1 (1.29) take over on newer servers.
  ...(['flowschemas', 'prioritylevelconfigurations'] as const).map((key) =>
    evidence({
      key,
      group: 'flowcontrol.apiserver.k8s.io',
      resource: key,
      namespaced: false,
      kind: key === 'flowschemas' ? 'FlowSchema' : 'PriorityLevelConfiguration',
      versions: [v('v1'), v('v1beta3'), v('v1beta2'), old('v1beta1')],
    }),
  ),
  // v1 is served from 1.24; a 1.21-1.23 server has only v1beta1, which it does not count as deprecated yet.
  evidence({
    key: 'csistoragecapacities',
    group: 'storage.k8s.io',
    resource: 'csistoragecapacities',
    kind: 'CSIStorageCapacity',
    namespaced: true,
    versions: [v('v1'), old('v1beta1')],
  }),
];

/** 'apps/v1', or 'v1' for the core group. */
export const groupVersion = (group: string, version: string): string =>
  group === '' ? version : `${group}/${version}`;
