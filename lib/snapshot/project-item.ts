import { HelmReleaseAccumulator } from './helm/releases';
import { isHelmRecord, readHelmRecord } from './helm/record';
import { projectApiEvidence } from './project/api-evidence';
import { projectCustomResourceDefinition } from './project/crd';
import { PodSpecInterner } from './project/intern';
import { addKubeadmFact, isKubeadmConfigMap, projectKubeadmConfigMap } from './project/kubeadm';
import { projectNamespace } from './project/namespace';
import { projectNode } from './project/node';
import { projectPod } from './project/pod';
import { projectPodSecurityPolicy } from './project/psp';
import { projectPriorityClass, projectService } from './project/service';
import { isServiceAccountTokenSecret, projectServiceAccountToken } from './project/service-account-token';
import { projectCsiDriver, projectPersistentVolume, projectStorageClass } from './project/storage';
import { projectWebhookConfiguration } from './project/webhook';
import { projectWorkload } from './project/workload';
import type { ObjectResourceKey } from './resources';
import { RESOURCE_INFO } from './resources';
import type { KubeadmConfig, Snapshot } from './types';

type Lists = Pick<
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
>;

/** Everything projected so far: the snapshot's lists plus the accumulators that build() turns into fields. */
export interface Collected extends Lists {
  helm: HelmReleaseAccumulator;
  kubeadm?: KubeadmConfig;
  interner: PodSpecInterner;
}

/** kept: projected; ignored: a valid object this key does not hold (e.g. a non-Helm Secret); skipped: bad shape. */
export type RouteOutcome = 'kept' | 'ignored' | 'skipped';

/** Empty collections for a new scan. */
export function emptyCollected(): Collected {
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
    helm: new HelmReleaseAccumulator(),
    interner: new PodSpecInterner(),
  };
}

const push = <T>(list: T[], v: T | undefined): RouteOutcome => {
  if (v === undefined) return 'skipped';
  list.push(v);
  return 'kept';
};

/** Projects one raw item of `resource` into the collections. */
export function routeItem(c: Collected, resource: ObjectResourceKey, item: unknown): RouteOutcome {
  const info = RESOURCE_INFO[resource];
  const intern = (s: Parameters<PodSpecInterner['intern']>[0]) => c.interner.intern(s);
  let outcome: RouteOutcome | undefined;
  if (info.workload) outcome = push(c.workloads, projectWorkload(item, info.workload, info.apiVersion, intern));
  else if (resource === 'podsecuritypolicies') outcome = push(c.podSecurityPolicies, projectPodSecurityPolicy(item));
  if (info.evidence) {
    const evidence = outcome === 'skipped' ? undefined : projectApiEvidence(item, info);
    const evidenceOutcome = push(c.apiEvidence, evidence);
    return outcome ?? evidenceOutcome;
  }
  if (outcome) return outcome;
  switch (resource) {
    case 'nodes':
      return push(c.nodes, projectNode(item));
    case 'namespaces':
      return push(c.namespaces, projectNamespace(item));
    case 'pods':
      return push(c.pods, projectPod(item, intern));
    case 'persistentvolumes':
      return push(c.persistentVolumes, projectPersistentVolume(item));
    case 'storageclasses':
      return push(c.storageClasses, projectStorageClass(item));
    case 'csidrivers':
      return push(c.csiDrivers, projectCsiDriver(item));
    case 'services':
      return push(c.services, projectService(item));
    case 'priorityclasses':
      return push(c.priorityClasses, projectPriorityClass(item));
    case 'customresourcedefinitions':
      return push(c.customResourceDefinitions, projectCustomResourceDefinition(item));
    case 'validatingwebhookconfigurations':
      return push(c.webhooks, projectWebhookConfiguration(item, 'ValidatingWebhookConfiguration'));
    case 'mutatingwebhookconfigurations':
      return push(c.webhooks, projectWebhookConfiguration(item, 'MutatingWebhookConfiguration'));
    case 'serviceaccounttokens':
      if (!isServiceAccountTokenSecret(item)) return 'ignored';
      return push(c.serviceAccountTokens, projectServiceAccountToken(item));
    case 'helmsecrets':
    case 'helmconfigmaps':
      return routeHelm(c, resource === 'helmsecrets' ? 'Secret' : 'ConfigMap', item);
    case 'kubeadmconfig':
      return routeKubeadm(c, item);
    default:
      return 'skipped';
  }
}

function routeHelm(c: Collected, storage: 'Secret' | 'ConfigMap', item: unknown): RouteOutcome {
  if (!isHelmRecord(item, storage)) return 'ignored';
  const record = readHelmRecord(item, storage);
  if (!record) return 'skipped';
  c.helm.add(record);
  return 'kept';
}

function routeKubeadm(c: Collected, item: unknown): RouteOutcome {
  if (!isKubeadmConfigMap(item)) return 'ignored';
  const fact = projectKubeadmConfigMap(item);
  if (!fact) return 'skipped';
  c.kubeadm = addKubeadmFact(c.kubeadm ?? { kubeletConfigMaps: [] }, fact);
  return 'kept';
}
