import { HelmReleaseAccumulator } from './helm/releases';
import { isHelmRecord } from './helm/record';
import { helmRecordInput, type HelmRecordInput } from './helm/decoder';
import { projectApiEvidence } from './project/api-evidence';
import { projectCustomResourceDefinition } from './project/crd';
import { PodSpecInterner } from './project/intern';
import { addKubeadmFact, isKubeadmConfigMap, projectKubeadmConfigMap } from './project/kubeadm';
import { projectNamespace } from './project/namespace';
import { projectNode } from './project/node';
import { POD_READS, projectPod } from './project/pod';
import type { FieldReads } from './project/field-reads';
import { projectPodSecurityPolicy } from './project/psp';
import { projectPriorityClass, projectService } from './project/service';
import { isServiceAccountTokenSecret, projectServiceAccountToken } from './project/service-account-token';
import { projectCsiDriver, projectPersistentVolume, projectStorageClass } from './project/storage';
import { projectWebhookConfiguration } from './project/webhook';
import { projectWorkload } from './project/workload';
import {
  defaultApiVersion,
  RESOURCES,
  workloadKindOf,
  type ObjectResourceKey,
  type Projection,
  type ResourceEntry,
} from '../model/resources';
import { keepFields } from './project/kept-fields';
import type { KubeadmConfig, PodSpec, Snapshot } from '../model/snapshot';

/** The lists a snapshot holds. */
export type Lists = Pick<
  Snapshot,
  | 'nodes'
  | 'namespaces'
  | 'pods'
  | 'workloads'
  | 'podSecurityPolicies'
  | 'persistentVolumes'
  | 'storageClasses'
  | 'csiDrivers'
  | 'services'
  | 'priorityClasses'
  | 'serviceAccountTokens'
  | 'customResourceDefinitions'
  | 'webhooks'
  | 'apiEvidence'
  | 'kept'
>;

/** Everything projected so far: the snapshot's lists plus the accumulators that build() turns into fields. */
export interface Collected extends Lists {
  helm: HelmReleaseAccumulator;
  /** Helm records routed but not decoded yet: the builder hands them to its decoder. */
  helmInputs: HelmRecordInput[];
  kubeadm?: KubeadmConfig;
  interner: PodSpecInterner;
}

/** kept: projected; ignored: a valid object this key does not hold (e.g. a non-Helm Secret); skipped: bad shape. */
export type RouteOutcome = 'kept' | 'ignored' | 'skipped';

/** Every list of a snapshot, empty. */
export function emptyLists(): Lists {
  return {
    nodes: [],
    namespaces: [],
    pods: [],
    workloads: [],
    podSecurityPolicies: [],
    persistentVolumes: [],
    storageClasses: [],
    csiDrivers: [],
    services: [],
    priorityClasses: [],
    serviceAccountTokens: [],
    customResourceDefinitions: [],
    webhooks: [],
    apiEvidence: [],
    kept: {},
  };
}

/** Empty collections for a new scan. */
export function emptyCollected(): Collected {
  return { ...emptyLists(), helm: new HelmReleaseAccumulator(), helmInputs: [], interner: new PodSpecInterner() };
}

const push = <T>(list: T[], v: T | undefined): RouteOutcome => {
  if (v === undefined) return 'skipped';
  list.push(v);
  return 'kept';
};

type Projector = (c: Collected, item: unknown, key: ObjectResourceKey) => RouteOutcome;

const intern = (c: Collected) => (s: PodSpec, owner?: string) => c.interner.intern(s, owner);

/** How each named projection of the resource table turns an item into snapshot data. */
const PROJECTORS: Readonly<Record<Projection, Projector>> = {
  node: (c, item) => push(c.nodes, projectNode(item)),
  namespace: (c, item) => push(c.namespaces, projectNamespace(item)),
  pod: (c, item) => push(c.pods, projectPod(item, intern(c))),
  workload: (c, item, key) => {
    const kind = workloadKindOf(key);
    if (kind === undefined) return 'skipped';
    return push(c.workloads, projectWorkload(item, kind, defaultApiVersion(key), intern(c)));
  },
  'pod-security-policy': (c, item) => push(c.podSecurityPolicies, projectPodSecurityPolicy(item)),
  'persistent-volume': (c, item) => push(c.persistentVolumes, projectPersistentVolume(item)),
  'storage-class': (c, item) => push(c.storageClasses, projectStorageClass(item)),
  'csi-driver': (c, item) => push(c.csiDrivers, projectCsiDriver(item)),
  service: (c, item) => push(c.services, projectService(item)),
  'priority-class': (c, item) => push(c.priorityClasses, projectPriorityClass(item)),
  'service-account-token': (c, item) =>
    isServiceAccountTokenSecret(item) ? push(c.serviceAccountTokens, projectServiceAccountToken(item)) : 'ignored',
  'helm-record': (c, item, key) => routeHelm(c, RESOURCES[key].kind === 'Secret' ? 'Secret' : 'ConfigMap', item),
  'custom-resource-definition': (c, item) => push(c.customResourceDefinitions, projectCustomResourceDefinition(item)),
  'webhook-configuration': (c, item, key) =>
    push(
      c.webhooks,
      projectWebhookConfiguration(
        item,
        RESOURCES[key].kind === 'MutatingWebhookConfiguration'
          ? 'MutatingWebhookConfiguration'
          : 'ValidatingWebhookConfiguration',
      ),
    ),
  'kubeadm-config': (c, item) => routeKubeadm(c, item),
};

/** The read sets of the projections that declare one (project/field-reads.ts). */
const PROJECTION_READS: Partial<Record<Projection, FieldReads>> = { pod: POD_READS };

/**
 * Every field the snapshot reads of an item of this resource, or undefined when it may read any: raw fields kept,
 * removed-API evidence, or a projection that declares no read set.
 */
export function fieldsRead(entry: ResourceEntry): FieldReads | undefined {
  if (entry.evidence === true || entry.keep !== undefined || entry.projection === undefined) return undefined;
  return PROJECTION_READS[entry.projection];
}

/** Keeps the raw fields the table lists for the resource. */
function routeKept(c: Collected, key: ObjectResourceKey, item: unknown): RouteOutcome {
  const kept = keepFields(item, key);
  if (kept === undefined) return 'skipped';
  (c.kept[key] ??= []).push(kept);
  return 'kept';
}

/**
 * Projects one raw item of `resource` into the collections, as its resource table entry says: the named
 * projection, then removed-API evidence, then the raw fields to keep. The first outcome that is not 'kept' wins
 * only when nothing kept the item.
 */
export function routeItem(c: Collected, resource: ObjectResourceKey, item: unknown): RouteOutcome {
  const entry: ResourceEntry = RESOURCES[resource];
  const outcomes: RouteOutcome[] = [];
  if (entry.projection !== undefined) outcomes.push(PROJECTORS[entry.projection](c, item, resource));
  const projected = outcomes[0];
  if (entry.evidence && projected !== 'skipped' && projected !== 'ignored') {
    outcomes.push(push(c.apiEvidence, projectApiEvidence(item, { ...entry, apiVersion: defaultApiVersion(resource) })));
  }
  if (entry.keep !== undefined && projected !== 'ignored') outcomes.push(routeKept(c, resource, item));
  if (outcomes.includes('kept')) return 'kept';
  return outcomes[0] ?? 'skipped';
}

function routeHelm(c: Collected, storage: 'Secret' | 'ConfigMap', item: unknown): RouteOutcome {
  if (!isHelmRecord(item, storage)) return 'ignored';
  const input = helmRecordInput(item, storage);
  if (!input) return 'skipped';
  c.helmInputs.push(input);
  return 'kept';
}

function routeKubeadm(c: Collected, item: unknown): RouteOutcome {
  if (!isKubeadmConfigMap(item)) return 'ignored';
  const fact = projectKubeadmConfigMap(item);
  if (!fact) return 'skipped';
  c.kubeadm = addKubeadmFact(c.kubeadm ?? { kubeletConfigMaps: [] }, fact);
  return 'kept';
}
