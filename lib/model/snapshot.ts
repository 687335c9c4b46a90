import type { CoverageStatus, ObjectResourceKey, ResourceKey, WorkloadKind } from './resources';
import type { SnapshotSource } from './sources';
import type { Text } from './text';

/**
 * The Snapshot: what a scan knows about a cluster, reduced at the edge to the few fields the checks need.
 * Every type here is plain JSON data. Collectors (live cluster) and the offline parser both produce it, and the
 * rules only ever read it.
 */

/** Identifies one Kubernetes object. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface OwnerRef {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
}

/** The metadata every projected object keeps. */
export interface ObjectMeta {
  namespace?: string;
  name: string;
  uid: string;
  creationTimestamp?: string;
  /** Only labels the checks or the grouping use (Helm instance, node roles, pod-security...). */
  labels: Record<string, string>;
  /** Only annotations the checks use; values kept as read. */
  annotations: Record<string, string>;
  ownerReferences: OwnerRef[];
}

export type VolumeSource =
  | { type: 'hostPath'; path: string; hostPathType?: string }
  | { type: 'emptyDir' }
  | { type: 'secret'; secretName: string }
  | { type: 'projected'; secretNames: string[]; serviceAccountToken: boolean }
  | { type: 'configMap' }
  | { type: 'persistentVolumeClaim'; claimName: string }
  | { type: 'csi'; driver: string }
  | { type: 'ephemeral' }
  | { type: 'downwardAPI' }
  /** An in-tree plugin such as glusterfs, cinder, awsElasticBlockStore, storageos... (the API field name). */
  | { type: 'inTree'; plugin: string }
  | { type: 'other'; field: string };

export interface Volume {
  name: string;
  source: VolumeSource;
}

export type ProbeKind = 'liveness' | 'readiness' | 'startup';

export interface Probe {
  kind: ProbeKind;
  handler: 'exec' | 'httpGet' | 'tcpSocket' | 'grpc';
  /** The exec command, kept only for exec probes. */
  command?: string[];
}

/** The security-relevant part of a (pod or container) securityContext; absent means unset. */
export interface SecurityContext {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  runAsGroup?: number;
  readOnlyRootFilesystem?: boolean;
  procMount?: string;
  capabilitiesAdd?: string[];
  capabilitiesDrop?: string[];
  seccompProfileType?: string;
  seccompLocalhostProfile?: string;
  seLinuxType?: string;
  seLinuxUser?: string;
  seLinuxRole?: string;
  appArmorProfile?: string;
  windowsHostProcess?: boolean;
  /** Pod level only. */
  sysctls?: string[];
  supplementalGroups?: number[];
  fsGroup?: number;
}

export interface EnvHint {
  /** Name of an env var whose name or value matters to a check (e.g. DOCKER_HOST). */
  name: string;
  value?: string;
}

export interface Container {
  name: string;
  image: string;
  /** 'container' | 'init' | 'ephemeral' */
  role: 'container' | 'init' | 'ephemeral';
  volumeMounts: { name: string; mountPath: string }[];
  /** Env vars named DOCKER_HOST or whose value points at a Docker socket. */
  env: EnvHint[];
  /** command + args entries that mention a Docker socket or DOCKER_HOST. */
  dockerArgs: string[];
  probes: Probe[];
  securityContext: SecurityContext;
  hostPorts: number[];
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

export interface PodSpec {
  nodeName?: string;
  nodeSelector: Record<string, string>;
  /** Keys used in required or preferred node affinity terms. */
  nodeAffinityKeys: string[];
  tolerations: Toleration[];
  topologySpreadConstraints: { topologyKey: string; whenUnsatisfiable: string }[];
  hostNetwork: boolean;
  hostPID: boolean;
  hostIPC: boolean;
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  priorityClassName?: string;
  runtimeClassName?: string;
  securityContext: SecurityContext;
  volumes: Volume[];
  containers: Container[];
}

export interface PodTemplate {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: PodSpec;
}

/** A controller with a pod template. */
export interface Workload {
  apiVersion: string;
  kind: WorkloadKind;
  metadata: ObjectMeta;
  replicas?: number;
  /** CronJob and Job suspension. */
  suspend?: boolean;
  /** CronJob only. */
  schedule?: string;
  timeZone?: string;
  template: PodTemplate;
}

export interface Pod {
  metadata: ObjectMeta;
  phase?: string;
  /** True for mirror pods of static pods (kubernetes.io/config.mirror). */
  mirror: boolean;
  spec: PodSpec;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

export interface Node {
  metadata: ObjectMeta;
  providerID?: string;
  taints: Taint[];
  /** node.spec.configSource (dynamic kubelet config) when set. */
  configSource?: { configMap?: { namespace: string; name: string; kubeletConfigKey?: string } };
  kubeletVersion: string;
  kubeProxyVersion?: string;
  containerRuntimeVersion: string;
  osImage?: string;
  kernelVersion?: string;
  operatingSystem?: string;
  architecture?: string;
}

export interface Namespace {
  metadata: ObjectMeta;
  phase?: string;
}

export interface PodSecurityPolicy {
  metadata: ObjectMeta;
  privileged: boolean;
  defaultAddCapabilities: string[];
  requiredDropCapabilities: string[];
  allowedCapabilities: string[];
  defaultAllowPrivilegeEscalation?: boolean;
  allowPrivilegeEscalation?: boolean;
  hostNetwork: boolean;
  hostPID: boolean;
  hostIPC: boolean;
  readOnlyRootFilesystem: boolean;
  volumes: string[];
  allowedHostPaths: { pathPrefix: string; readOnly?: boolean }[];
  runAsUser: { rule: string; ranges: { min: number; max: number }[] };
  runAsGroup?: { rule: string; ranges: { min: number; max: number }[] };
  supplementalGroups: { rule: string; ranges: { min: number; max: number }[] };
  fsGroup: { rule: string; ranges: { min: number; max: number }[] };
  seLinuxRule: string;
  allowedProcMountTypes: string[];
}

export interface PersistentVolume {
  metadata: ObjectMeta;
  /** The volume source field name: glusterfs, cinder, csi, awsElasticBlockStore... */
  source: VolumeSource;
  storageClassName?: string;
  claimRef?: { namespace: string; name: string };
  phase?: string;
}

export interface StorageClass {
  metadata: ObjectMeta;
  provisioner: string;
  isDefault: boolean;
}

export interface Service {
  metadata: ObjectMeta;
  type: string;
  clusterIP?: string;
  /** The field manager that owns spec.clusterIP: set when a client chose the address, absent when it was allocated. */
  clusterIPSetBy?: string;
  /** True when managedFields were read and no manager owns spec.clusterIP: the API server allocated the address. */
  clusterIPAllocated?: boolean;
  loadBalancerIP?: string;
}

export interface PriorityClass {
  metadata: ObjectMeta;
  value: number;
  preemptionPolicy?: string;
  globalDefault: boolean;
}

export interface ServiceAccountTokenSecret {
  metadata: ObjectMeta;
  serviceAccountName: string;
}

export interface CustomResourceDefinition {
  name: string;
  group: string;
  kind: string;
  versions: { name: string; served: boolean; storage: boolean; deprecated?: boolean }[];
  storedVersions: string[];
}

export interface WebhookConfiguration {
  kind: 'ValidatingWebhookConfiguration' | 'MutatingWebhookConfiguration';
  name: string;
  webhookNames: string[];
}

/** One write recorded in managedFields. */
export interface ManagedFieldsEntry {
  manager: string;
  operation: string;
  apiVersion: string;
  time?: string;
  subresource?: string;
}

/**
 * Removed-API evidence kept for an object of a kind that had (or will have) a version removed: the version in
 * its last-applied annotation and the writes in managedFields. Stored for every object of those kinds.
 */
export interface ApiEvidenceObject {
  ref: ObjectRef;
  /** The resource group of the object, e.g. 'batch'. */
  group: string;
  resource: string;
  lastAppliedApiVersion?: string;
  managedFields: ManagedFieldsEntry[];
  /** Helm ownership from meta.helm.sh annotations, for grouping. */
  helmRelease?: { name: string; namespace: string };
  /** The GitOps agent that tracks the object (from its Argo CD or Flux labels and annotations). */
  gitOps?: 'argocd' | 'flux';
  /** The app.kubernetes.io/managed-by label. */
  managedBy?: string;
  /** The controlling owner, when there is one (an operator's custom resource, a controller's object). */
  controller?: { apiVersion: string; kind: string; name: string };
}

export interface HelmManifestObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  /** 'manifest' for the main manifest, otherwise the hook's name. */
  source: 'manifest' | { hook: string; events: string[] };
}

export interface HelmRevision {
  revision: number;
  status: string;
  /** Name of the Secret or ConfigMap holding it. */
  storageObject: string;
  chart?: string;
  chartVersion?: string;
  appVersion?: string;
  updated?: string;
}

/** A part of a Helm manifest that was over a read budget: which hook (none: the main manifest), which document. */
export interface HelmSkip {
  hook?: string;
  /** 1-based; absent when the rest of the manifest was left unread. */
  document?: number;
  /** Why, in our own words, naming the budget's setting. */
  reason: string;
}

/** Where an object is written in a repository: a file (path from the scanned root) and the line and column. */
export interface SourceLocation {
  path: string;
  line: number;
  column: number;
}

/** Whether a template branch is taken when a chart is rendered for a release: known, or chosen by values. */
export type Taken = 'yes' | 'no' | 'unknown';

/**
 * An object a repository declares. `manifest`: read from a plain YAML or JSON file. `rendered`: produced by `helm
 * template` or `kustomize build`, located at the file it came from. `template`: an apiVersion a chart template can
 * produce, read from the template's text on every branch, with whether each release takes that branch.
 */
export interface DeclaredObject {
  ref: ObjectRef;
  location: SourceLocation;
  origin: 'manifest' | 'rendered' | 'template';
  /** Templates only: whether the branch holding this apiVersion is taken, per release rendered for ('1.24', '1.25'). */
  takenOn?: Record<string, Taken>;
  /** Templates only: the capability condition that decides the branch, as written. */
  condition?: string;
  /** Templates only: the helper that returns the apiVersion, and where it is defined. */
  helper?: { name: string; location: SourceLocation };
  /** The chart (its Chart.yaml path) or kustomization it belongs to. */
  from?: string;
}

/** A Helm chart found in a repository. */
export interface ChartFacts {
  /** Where its Chart.yaml is. */
  location: SourceLocation;
  name: string;
  version?: string;
  /** The chart's `kubeVersion` constraint, where it is written, and whether each release satisfies it. */
  kubeVersion?: { constraint: string; location: SourceLocation; admits: Record<string, boolean | undefined> };
  /** How its templates were read: rendered with helm (and for which releases), or read as text only, and why. */
  rendering: { rendered: string[] } | { notRendered: string };
}

/** Objects over a read budget that were not read: where (a file of a snapshot, or a resource) and why. */
export interface SkippedObjects {
  file?: string;
  resource?: ResourceKey;
  count: number;
  /** Distinct reasons, in our own words with the budget's setting; at most a few. */
  reasons: string[];
}

/** One Helm v3 release, decoded from its storage records. */
export interface HelmRelease {
  name: string;
  namespace: string;
  storage: 'Secret' | 'ConfigMap';
  revisions: HelmRevision[];
  /**
   * The highest deployed revision, or undefined when none is deployed; `skipped` says which parts of its
   * manifest were over a read budget and not checked.
   */
  current?: HelmRevision & { objects: HelmManifestObject[]; skipped?: HelmSkip[] };
  /** Records that could not be decoded, with the reason. */
  decodeErrors: { storageObject: string; message: string }[];
}

/** A kept raw value: a string, number or boolean; null where an array element lacks the field. */
export type KeptValue = string | number | boolean | null;

/**
 * An object of a resource whose table entry lists raw fields to keep (`keep` in lib/model/resources.ts): its
 * identity and those fields, by path. A path with `[]` holds one value per array element.
 */
export interface KeptObject {
  ref: ObjectRef;
  fields: Record<string, KeptValue | KeptValue[]>;
}

export interface DeprecatedApiRequest {
  group: string;
  version: string;
  resource: string;
  subresource?: string;
  removedRelease: string;
}

export interface KubeadmConfig {
  clusterConfigurationApiVersion?: string;
  imageRepository?: string;
  kubeletConfigMaps: string[];
}

export interface ServerVersion {
  gitVersion: string;
  major: string;
  minor: string;
  platform?: string;
}

/** Facts about the kubeconfig the scan used, when it came from one. */
export interface KubeconfigFacts {
  context?: string;
  users: { name: string; execApiVersion?: string; execCommand?: string; authProvider?: string }[];
}

export interface CoverageEntry {
  resource: ResourceKey;
  status: CoverageStatus;
  /** group/version actually read, e.g. 'apps/v1'. */
  apiVersion?: string;
  count: number;
  message?: Text;
  /** Set when the read used a deprecated API version on purpose (PodSecurityPolicy). */
  deprecatedVersionRead?: boolean;
  /** Set when only these namespaces could be read (listing across all namespaces was forbidden). */
  namespaces?: string[];
}

export interface Snapshot {
  schemaVersion: 1;
  source: SnapshotSource;
  collectedAt: string;
  serverVersion?: ServerVersion;
  /** Served group/versions from discovery, e.g. 'batch/v1', 'v1'. */
  servedGroupVersions: string[];
  kubeconfig?: KubeconfigFacts;
  nodes: Node[];
  namespaces: Namespace[];
  pods: Pod[];
  workloads: Workload[];
  podSecurityPolicies: PodSecurityPolicy[];
  persistentVolumes: PersistentVolume[];
  storageClasses: StorageClass[];
  csiDrivers: string[];
  services: Service[];
  priorityClasses: PriorityClass[];
  serviceAccountTokens: ServiceAccountTokenSecret[];
  helmReleases: HelmRelease[];
  customResourceDefinitions: CustomResourceDefinition[];
  webhooks: WebhookConfiguration[];
  kubeadm?: KubeadmConfig;
  apiEvidence: ApiEvidenceObject[];
  /** Raw fields the resource table keeps, per resource (only resources with `keep` appear). */
  kept: Partial<Record<ObjectResourceKey, KeptObject[]>>;
  /** From apiserver_requested_deprecated_apis, when /metrics was readable. */
  deprecatedApiRequests?: DeprecatedApiRequest[];
  coverage: CoverageEntry[];
  /** Objects over a read budget that were not read, by file or resource. */
  skipped?: SkippedObjects[];
  /** For a snapshot read from a repository's files: every object they declare, and where. */
  manifests?: DeclaredObject[];
  /** For a snapshot read from a repository's files: the Helm charts found, and what was learnt from each. */
  charts?: ChartFacts[];
}
