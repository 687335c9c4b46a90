import type { Manifest, ObjectKey } from './types';

interface ResourceInfo {
  plural: string;
  namespaced: boolean;
  /** Served version used to read the kind back and to reference it as an owner. */
  apiVersion: string;
}

/** The kinds the scenarios write; a static table keeps seeding free of discovery calls. */
const RESOURCES: Record<string, ResourceInfo> = {
  Namespace: { plural: 'namespaces', namespaced: false, apiVersion: 'v1' },
  Node: { plural: 'nodes', namespaced: false, apiVersion: 'v1' },
  Pod: { plural: 'pods', namespaced: true, apiVersion: 'v1' },
  Service: { plural: 'services', namespaced: true, apiVersion: 'v1' },
  ServiceAccount: { plural: 'serviceaccounts', namespaced: true, apiVersion: 'v1' },
  Secret: { plural: 'secrets', namespaced: true, apiVersion: 'v1' },
  ConfigMap: { plural: 'configmaps', namespaced: true, apiVersion: 'v1' },
  PersistentVolume: { plural: 'persistentvolumes', namespaced: false, apiVersion: 'v1' },
  PersistentVolumeClaim: { plural: 'persistentvolumeclaims', namespaced: true, apiVersion: 'v1' },
  Deployment: { plural: 'deployments', namespaced: true, apiVersion: 'apps/v1' },
  ReplicaSet: { plural: 'replicasets', namespaced: true, apiVersion: 'apps/v1' },
  StatefulSet: { plural: 'statefulsets', namespaced: true, apiVersion: 'apps/v1' },
  DaemonSet: { plural: 'daemonsets', namespaced: true, apiVersion: 'apps/v1' },
  Job: { plural: 'jobs', namespaced: true, apiVersion: 'batch/v1' },
  CronJob: { plural: 'cronjobs', namespaced: true, apiVersion: 'batch/v1' },
  HorizontalPodAutoscaler: { plural: 'horizontalpodautoscalers', namespaced: true, apiVersion: 'autoscaling/v2' },
  PodDisruptionBudget: { plural: 'poddisruptionbudgets', namespaced: true, apiVersion: 'policy/v1' },
  PodSecurityPolicy: { plural: 'podsecuritypolicies', namespaced: false, apiVersion: 'policy/v1beta1' },
  EndpointSlice: { plural: 'endpointslices', namespaced: true, apiVersion: 'discovery.k8s.io/v1' },
  Event: { plural: 'events', namespaced: true, apiVersion: 'events.k8s.io/v1' },
  RuntimeClass: { plural: 'runtimeclasses', namespaced: false, apiVersion: 'node.k8s.io/v1' },
  FlowSchema: { plural: 'flowschemas', namespaced: false, apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2' },
  PriorityLevelConfiguration: {
    plural: 'prioritylevelconfigurations',
    namespaced: false,
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2',
  },
  PriorityClass: { plural: 'priorityclasses', namespaced: false, apiVersion: 'scheduling.k8s.io/v1' },
  StorageClass: { plural: 'storageclasses', namespaced: false, apiVersion: 'storage.k8s.io/v1' },
  CSIDriver: { plural: 'csidrivers', namespaced: false, apiVersion: 'storage.k8s.io/v1' },
  CSIStorageCapacity: { plural: 'csistoragecapacities', namespaced: true, apiVersion: 'storage.k8s.io/v1' },
  CustomResourceDefinition: {
    plural: 'customresourcedefinitions',
    namespaced: false,
    apiVersion: 'apiextensions.k8s.io/v1',
  },
  ValidatingWebhookConfiguration: {
    plural: 'validatingwebhookconfigurations',
    namespaced: false,
    apiVersion: 'admissionregistration.k8s.io/v1',
  },
  MutatingWebhookConfiguration: {
    plural: 'mutatingwebhookconfigurations',
    namespaced: false,
    apiVersion: 'admissionregistration.k8s.io/v1',
  },
};

export function resourceInfo(kind: string): ResourceInfo {
  const info = RESOURCES[kind];
  if (!info) throw new Error(`scenario resource table has no entry for kind ${kind}`);
  return info;
}

function groupVersionPrefix(apiVersion: string): string {
  return apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
}

/** Collection URL for a kind through a group/version, e.g. /apis/batch/v1beta1/namespaces/x/cronjobs. */
export function collectionPath(kind: string, apiVersion: string, namespace?: string): string {
  const info = resourceInfo(kind);
  if (info.namespaced && !namespace) throw new Error(`${kind} is namespaced but has no namespace`);
  const ns = info.namespaced ? `/namespaces/${namespace}` : '';
  return `${groupVersionPrefix(apiVersion)}${ns}/${info.plural}`;
}

/** Item URL; apiVersion defaults to the kind's served read version. */
export function objectPath(key: ObjectKey, apiVersion = resourceInfo(key.kind).apiVersion): string {
  return `${collectionPath(key.kind, apiVersion, key.namespace)}/${key.name}`;
}

export function keyOf(manifest: Manifest): ObjectKey {
  const { kind, metadata } = manifest;
  return metadata.namespace
    ? { kind, namespace: metadata.namespace, name: metadata.name }
    : { kind, name: metadata.name };
}

export function describeKey(key: ObjectKey): string {
  return `${key.kind} ${key.namespace ? `${key.namespace}/` : ''}${key.name}`;
}
