/**
 * The one table of resources a scan reads. Everything else derives from it: the collectors' LIST plan and version
 * choice, the projection of each item into the snapshot, the offline `kubectl get` commands, the routing of offline
 * objects, the coverage vocabulary, and the in-cluster ClusterRole. A check that needs one more resource adds an
 * entry here and nothing else outside its own file.
 */

/** One acceptable API version of a resource; `deprecated` marks versions read only when nothing newer is served. */
export interface VersionChoice {
  readonly version: string;
  readonly deprecated?: true;
}

/** The named projections in lib/snapshot/project: how an item of this resource becomes snapshot data. */
export const PROJECTIONS = [
  'node',
  'namespace',
  'pod',
  'workload',
  'pod-security-policy',
  'persistent-volume',
  'storage-class',
  'csi-driver',
  'service',
  'priority-class',
  'service-account-token',
  'helm-record',
  'custom-resource-definition',
  'webhook-configuration',
  'kubeadm-config',
] as const;
export type Projection = (typeof PROJECTIONS)[number];

/** Controllers with a pod template, projected as Workloads. */
export const WORKLOAD_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/**
 * How an offline snapshot gets a resource: part of the main `kubectl get`, offered only when coverage asks for it
 * ('optional'), or a command of its own.
 */
export type OfflineCommand = 'main' | 'optional' | { readonly purpose: string; readonly command: string };

/** Everything known about one resource a scan reads. */
export interface ResourceEntry {
  /** API group; '' for the core group. */
  readonly group: string;
  /** Plural resource name, as in URLs, RBAC rules and kubectl. */
  readonly resource: string;
  readonly kind: string;
  readonly namespaced: boolean;
  /** Acceptable versions, best first: never read a deprecated one while a listed non-deprecated one is served. */
  readonly versions: readonly VersionChoice[];
  /** 'metadata' lists PartialObjectMetadata: no spec, no data (Secret values are never transferred). */
  readonly view: 'full' | 'metadata';
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
  /** Read only in this namespace. */
  readonly namespace?: string;
  /**
   * Items per LIST page when smaller than the scan's page size: Helm records are up to 1.5 MiB each and are
   * decoded elsewhere, so a small page bounds what waits for a decoder.
   */
  readonly pageSize?: number;
  /** Asked for as protobuf (lib/sources/cluster/wire holds its message types), unless the scan turns it off. */
  readonly protobuf?: true;
  /** Verbs beyond `list` the collector uses (for the RBAC manifest). */
  readonly extraVerbs?: readonly 'get'[];
  /** Said in coverage when the resource is read through a deprecated version on purpose. */
  readonly deprecatedNote?: string;
  /** The named projection that turns an item into snapshot data. */
  readonly projection?: Projection;
  /** Objects of kinds that had (or will have) a version removed are also kept as removed-API evidence. */
  readonly evidence?: true;
  /**
   * Raw fields kept for the checks, as dotted paths with `[]` for every array element
   * (`webhooks[].clientConfig.caBundle`). The snapshot holds them under `kept[<key>]`, beside any projection.
   */
  readonly keep?: readonly string[];
  /** Groups the kind was served from before (old clusters, old kubectl output), for offline files. */
  readonly formerGroups?: readonly string[];
  readonly offline: OfflineCommand;
}

const v = (version: string): VersionChoice => ({ version });
const old = (version: string): VersionChoice => ({ version, deprecated: true });

type Shorthand = Omit<ResourceEntry, 'view' | 'offline' | 'namespaced' | 'versions'> &
  Partial<Pick<ResourceEntry, 'view' | 'offline' | 'versions'>>;
const cluster = (e: Shorthand): ResourceEntry => ({
  view: 'full',
  offline: 'main',
  versions: [v('v1')],
  ...e,
  namespaced: false,
});
const namespaced = (e: Shorthand): ResourceEntry => ({
  view: 'full',
  offline: 'main',
  versions: [v('v1')],
  ...e,
  namespaced: true,
});
const workload = (group: string, resource: string, kind: WorkloadKind, extra: Partial<Shorthand> = {}) =>
  namespaced({ group, resource, kind, projection: 'workload', ...extra });
// Kinds kept only as removed-API evidence (metadata, managedFields, last-applied): metadata is all the snapshot needs.
const evidenceOnly = (e: Shorthand & { namespaced: boolean }): ResourceEntry => {
  const { namespaced: isNamespaced, ...rest } = e;
  return (isNamespaced ? namespaced : cluster)({ ...rest, view: 'metadata', evidence: true });
};

/** How kube-apiserver reaches each webhook of a configuration, kept for the checks of its TLS setup. */
const WEBHOOK_CLIENT_FIELDS = [
  'webhooks[].name',
  'webhooks[].failurePolicy',
  'webhooks[].clientConfig.caBundle',
  'webhooks[].clientConfig.url',
  'webhooks[].clientConfig.service.namespace',
  'webhooks[].clientConfig.service.name',
] as const;

/** Every resource a scan lists, in the order they are started. */
export const RESOURCES = {
  nodes: cluster({ group: '', resource: 'nodes', kind: 'Node', projection: 'node' }),
  namespaces: cluster({
    group: '',
    resource: 'namespaces',
    kind: 'Namespace',
    projection: 'namespace',
    extraVerbs: ['get'],
  }),
  pods: namespaced({ group: '', resource: 'pods', kind: 'Pod', projection: 'pod', protobuf: true }),
  deployments: workload('apps', 'deployments', 'Deployment', { formerGroups: ['extensions'] }),
  statefulsets: workload('apps', 'statefulsets', 'StatefulSet'),
  daemonsets: workload('apps', 'daemonsets', 'DaemonSet', { formerGroups: ['extensions'] }),
  replicasets: workload('apps', 'replicasets', 'ReplicaSet', { formerGroups: ['extensions'] }),
  replicationcontrollers: workload('', 'replicationcontrollers', 'ReplicationController'),
  jobs: workload('batch', 'jobs', 'Job'),
  cronjobs: workload('batch', 'cronjobs', 'CronJob', { versions: [v('v1'), old('v1beta1')], evidence: true }),
  podsecuritypolicies: cluster({
    group: 'policy',
    resource: 'podsecuritypolicies',
    kind: 'PodSecurityPolicy',
    versions: [old('v1beta1')],
    projection: 'pod-security-policy',
    evidence: true,
    formerGroups: ['extensions'],
    deprecatedNote:
      'PodSecurityPolicy exists only as policy/v1beta1, so it is read through that version (the one deprecated read a scan makes).',
  }),
  persistentvolumes: cluster({
    group: '',
    resource: 'persistentvolumes',
    kind: 'PersistentVolume',
    projection: 'persistent-volume',
  }),
  storageclasses: cluster({
    group: 'storage.k8s.io',
    resource: 'storageclasses',
    kind: 'StorageClass',
    projection: 'storage-class',
  }),
  csidrivers: cluster({ group: 'storage.k8s.io', resource: 'csidrivers', kind: 'CSIDriver', projection: 'csi-driver' }),
  services: namespaced({ group: '', resource: 'services', kind: 'Service', projection: 'service' }),
  priorityclasses: cluster({
    group: 'scheduling.k8s.io',
    resource: 'priorityclasses',
    kind: 'PriorityClass',
    projection: 'priority-class',
  }),
  serviceaccounttokens: namespaced({
    group: '',
    resource: 'secrets',
    kind: 'Secret',
    fieldSelector: 'type=kubernetes.io/service-account-token',
    view: 'metadata',
    projection: 'service-account-token',
    offline: {
      purpose: 'Legacy service-account token Secrets (the token values are dropped when the file is read)',
      command:
        'kubectl get secrets -A --field-selector type=kubernetes.io/service-account-token -o json > sa-tokens.json',
    },
  }),
  helmsecrets: namespaced({
    group: '',
    resource: 'secrets',
    kind: 'Secret',
    labelSelector: 'owner=helm',
    projection: 'helm-record',
    pageSize: 25,
    offline: {
      purpose: 'Helm releases stored in Secrets',
      command: 'kubectl get secrets -A -l owner=helm -o json > helm-secrets.json',
    },
  }),
  helmconfigmaps: namespaced({
    group: '',
    resource: 'configmaps',
    kind: 'ConfigMap',
    labelSelector: 'owner=helm',
    projection: 'helm-record',
    pageSize: 25,
    offline: {
      purpose: 'Helm releases stored in ConfigMaps',
      command: 'kubectl get configmaps -A -l owner=helm -o json > helm-configmaps.json',
    },
  }),
  customresourcedefinitions: cluster({
    group: 'apiextensions.k8s.io',
    resource: 'customresourcedefinitions',
    kind: 'CustomResourceDefinition',
    projection: 'custom-resource-definition',
    keep: [
      'spec.conversion.strategy',
      'spec.conversion.webhook.clientConfig.caBundle',
      'spec.conversion.webhook.clientConfig.url',
      'spec.conversion.webhook.clientConfig.service.namespace',
      'spec.conversion.webhook.clientConfig.service.name',
    ],
  }),
  validatingwebhookconfigurations: cluster({
    group: 'admissionregistration.k8s.io',
    resource: 'validatingwebhookconfigurations',
    kind: 'ValidatingWebhookConfiguration',
    projection: 'webhook-configuration',
    keep: WEBHOOK_CLIENT_FIELDS,
  }),
  mutatingwebhookconfigurations: cluster({
    group: 'admissionregistration.k8s.io',
    resource: 'mutatingwebhookconfigurations',
    kind: 'MutatingWebhookConfiguration',
    projection: 'webhook-configuration',
    keep: WEBHOOK_CLIENT_FIELDS,
  }),
  apiservices: cluster({
    group: 'apiregistration.k8s.io',
    resource: 'apiservices',
    kind: 'APIService',
    keep: ['spec.caBundle', 'spec.insecureSkipTLSVerify', 'spec.service.namespace', 'spec.service.name'],
  }),
  // Names of kube-system ConfigMaps as metadata, then kubeadm-config itself by name (lib/sources/cluster/collect/kubeadm.ts).
  kubeadmconfig: namespaced({
    group: '',
    resource: 'configmaps',
    kind: 'ConfigMap',
    view: 'metadata',
    namespace: 'kube-system',
    extraVerbs: ['get'],
    projection: 'kubeadm-config',
    offline: {
      purpose: 'kubeadm configuration (kubeadm-config and kubelet-config ConfigMaps)',
      command: 'kubectl get configmaps -n kube-system -o json > kube-system-configmaps.json',
    },
  }),
  poddisruptionbudgets: evidenceOnly({
    group: 'policy',
    resource: 'poddisruptionbudgets',
    kind: 'PodDisruptionBudget',
    namespaced: true,
    versions: [v('v1'), old('v1beta1')],
  }),
  horizontalpodautoscalers: evidenceOnly({
    group: 'autoscaling',
    resource: 'horizontalpodautoscalers',
    kind: 'HorizontalPodAutoscaler',
    namespaced: true,
    versions: [v('v2'), v('v1')],
  }),
  endpointslices: evidenceOnly({
    group: 'discovery.k8s.io',
    resource: 'endpointslices',
    kind: 'EndpointSlice',
    namespaced: true,
    versions: [v('v1'), old('v1beta1')],
  }),
  events: evidenceOnly({
    group: 'events.k8s.io',
    resource: 'events',
    kind: 'Event',
    namespaced: true,
    versions: [v('v1'), old('v1beta1')],
    // core v1 Events and events.k8s.io Events are the same objects.
    formerGroups: [''],
    offline: 'optional',
  }),
  runtimeclasses: evidenceOnly({
    group: 'node.k8s.io',
    resource: 'runtimeclasses',
    kind: 'RuntimeClass',
    namespaced: false,
    versions: [v('v1'), old('v1beta1')],
  }),
  // v1beta2 is the newest flowcontrol version on 1.23-1.25; v1beta3 (1.26) and v1 (1.29) take over on newer servers.
  flowschemas: evidenceOnly({
    group: 'flowcontrol.apiserver.k8s.io',
    resource: 'flowschemas',
    kind: 'FlowSchema',
    namespaced: false,
    versions: [v('v1'), v('v1beta3'), v('v1beta2'), old('v1beta1')],
  }),
  prioritylevelconfigurations: evidenceOnly({
    group: 'flowcontrol.apiserver.k8s.io',
    resource: 'prioritylevelconfigurations',
    kind: 'PriorityLevelConfiguration',
    namespaced: false,
    versions: [v('v1'), v('v1beta3'), v('v1beta2'), old('v1beta1')],
  }),
  // v1 is served from 1.24; a 1.21-1.23 server has only v1beta1, which it does not count as deprecated yet.
  csistoragecapacities: evidenceOnly({
    group: 'storage.k8s.io',
    resource: 'csistoragecapacities',
    kind: 'CSIStorageCapacity',
    namespaced: true,
    versions: [v('v1'), old('v1beta1')],
  }),
} as const satisfies Record<string, ResourceEntry>;

/** A resource that holds objects. */
export type ObjectResourceKey = keyof typeof RESOURCES;

/** Facts about the API server itself, read besides the resources. */
export const SERVER_FACT_KEYS = ['version', 'discovery', 'metrics'] as const;
export type ServerFactKey = (typeof SERVER_FACT_KEYS)[number];

/** True for the facts about the API server (version, discovery, metrics). */
export function isServerFactKey(key: string): key is ServerFactKey {
  return (SERVER_FACT_KEYS as readonly string[]).includes(key);
}

/** Everything coverage and check needs are expressed in. */
export type ResourceKey = ServerFactKey | ObjectResourceKey;

/** The object resource keys, in table order. */
export const OBJECT_RESOURCE_KEYS = Object.keys(RESOURCES) as readonly ObjectResourceKey[];

/** Every resource key: the server facts first, then the table. */
export const RESOURCE_KEYS: readonly [ResourceKey, ...ResourceKey[]] = [...SERVER_FACT_KEYS, ...OBJECT_RESOURCE_KEYS];

/** True for a resource key that holds objects. */
export function isObjectResourceKey(key: string): key is ObjectResourceKey {
  return Object.hasOwn(RESOURCES, key);
}

/** The table entry of an object resource. */
export function resourceEntry(key: ObjectResourceKey): ResourceEntry {
  return RESOURCES[key];
}

/** 'apps/v1', or 'v1' for the core group. */
export const groupVersion = (group: string, version: string): string =>
  group === '' ? version : `${group}/${version}`;

/** The apiVersion assumed for list items that omit it: the first non-deprecated version, else the first. */
export function defaultApiVersion(key: ObjectResourceKey): string {
  const e = resourceEntry(key);
  const choice = e.versions.find((c) => c.deprecated !== true) ?? e.versions[0];
  return groupVersion(e.group, choice?.version ?? 'v1');
}

/**
 * True when the snapshot reads an object's metadata.managedFields: removed-API evidence keeps its writes, and a
 * Service's writes tell whether its clusterIP was asked for. Every other kind's lists can leave them out.
 */
export function readsManagedFields(e: ResourceEntry): boolean {
  return e.evidence === true || e.projection === 'service' || (e.keep ?? []).some((k) => k.startsWith('metadata.'));
}

/** Resource keys whose objects are kept as removed-API evidence. */
export const EVIDENCE_RESOURCE_KEYS: readonly ObjectResourceKey[] = OBJECT_RESOURCE_KEYS.filter(
  (k) => resourceEntry(k).evidence === true,
);

/** forbidden/unauthorized/timeout/error: the read failed; not-served: the API is absent; not-provided: an offline snapshot lacked it. */
export const COVERAGE_STATUSES = [
  'ok',
  'forbidden',
  'unauthorized',
  'timeout',
  'error',
  'not-served',
  'not-provided',
] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/** A table entry with its key. */
export interface ResourceSpec extends ResourceEntry {
  readonly key: ObjectResourceKey;
}

/** The table as a list, in the order a scan starts the resources. */
export const RESOURCE_TABLE: readonly ResourceSpec[] = OBJECT_RESOURCE_KEYS.map((key) => ({ key, ...RESOURCES[key] }));

/** The workload kind of a resource projected as a Workload, else undefined. */
export function workloadKindOf(key: ObjectResourceKey): WorkloadKind | undefined {
  const e = resourceEntry(key);
  return e.projection === 'workload' ? WORKLOAD_KINDS.find((k) => k === e.kind) : undefined;
}
