import type { Manifest, ObjectKey, SeedObject } from './types';

/** Small constructors for realistic manifests, so scenario files read as data. */

export type Json = Record<string, unknown>;

export interface PodSpecInput extends Json {
  containers: Json[];
}

interface Meta {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export function namespace(name: string, labels: Record<string, string> = {}): SeedObject {
  return { manifest: { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } } };
}

/** A namespace that opts into the privileged Pod Security level explicitly. */
export function privilegedNamespace(name: string): SeedObject {
  return namespace(name, {
    'pod-security.kubernetes.io/enforce': 'privileged',
    'pod-security.kubernetes.io/enforce-version': 'v1.24',
  });
}

/** A container with the requests, probes and env a production manifest usually carries. */
export function container(name: string, image: string, extra: Json = {}): Json {
  return {
    name,
    image,
    imagePullPolicy: 'IfNotPresent',
    resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } },
    terminationMessagePolicy: 'FallbackToLogsOnError',
    ...extra,
  };
}

export function hostPath(name: string, path: string, type?: string): Json {
  return { name, hostPath: type ? { path, type } : { path } };
}

export function mount(name: string, mountPath: string, readOnly = false): Json {
  return readOnly ? { name, mountPath, readOnly } : { name, mountPath };
}

function template(app: string, spec: PodSpecInput, meta: Meta = {}): Json {
  return {
    metadata: { labels: { app, ...meta.labels }, ...(meta.annotations ? { annotations: meta.annotations } : {}) },
    spec,
  };
}

function objectMeta(
  ns: string,
  name: string,
  labels: Record<string, string> = {},
  annotations?: Record<string, string>,
): Manifest['metadata'] {
  return { name, namespace: ns, labels: { app: name, ...labels }, ...(annotations ? { annotations } : {}) };
}

export interface WorkloadOptions {
  replicas?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Pod template metadata. */
  podMeta?: Meta;
}

export function deployment(ns: string, name: string, spec: PodSpecInput, o: WorkloadOptions = {}): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: objectMeta(ns, name, o.labels, o.annotations),
    spec: {
      replicas: o.replicas ?? 2,
      selector: { matchLabels: { app: name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      template: template(name, spec, o.podMeta),
    },
  };
}

export function replicaSet(ns: string, name: string, spec: PodSpecInput, o: WorkloadOptions = {}): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: objectMeta(ns, name, o.labels, o.annotations),
    spec: {
      replicas: o.replicas ?? 1,
      selector: { matchLabels: { app: name } },
      template: template(name, spec, o.podMeta),
    },
  };
}

export function daemonSet(ns: string, name: string, spec: PodSpecInput, o: WorkloadOptions = {}): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: objectMeta(ns, name, o.labels, o.annotations),
    spec: {
      selector: { matchLabels: { app: name } },
      updateStrategy: { type: 'RollingUpdate' },
      template: template(name, spec, o.podMeta),
    },
  };
}

export function statefulSet(ns: string, name: string, spec: PodSpecInput, o: WorkloadOptions = {}): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: objectMeta(ns, name, o.labels, o.annotations),
    spec: {
      replicas: o.replicas ?? 1,
      serviceName: name,
      selector: { matchLabels: { app: name } },
      template: template(name, spec, o.podMeta),
    },
  };
}

export function job(ns: string, name: string, spec: PodSpecInput, o: WorkloadOptions = {}): Manifest {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: objectMeta(ns, name, o.labels, o.annotations),
    spec: { backoffLimit: 2, template: template(name, { restartPolicy: 'Never', ...spec }, o.podMeta) },
  };
}

export function cronJob(
  ns: string,
  name: string,
  schedule: string,
  spec: PodSpecInput,
  o: WorkloadOptions & { suspend?: boolean } = {},
): Manifest {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: objectMeta(ns, name, o.labels, o.annotations),
    spec: {
      schedule,
      suspend: o.suspend ?? false,
      concurrencyPolicy: 'Forbid',
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: { spec: { template: template(name, { restartPolicy: 'OnFailure', ...spec }, o.podMeta) } },
    },
  };
}

export function pod(ns: string, name: string, spec: PodSpecInput, meta: Meta = {}): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ns,
      labels: { app: name, ...meta.labels },
      ...(meta.annotations ? { annotations: meta.annotations } : {}),
    },
    spec,
  };
}

export function key(kind: string, name: string, namespace?: string): ObjectKey {
  return namespace ? { kind, namespace, name } : { kind, name };
}

/** The apply annotation kubectl leaves behind, holding the manifest as last applied. */
export function lastApplied(manifest: Json): Record<string, string> {
  return { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(manifest) + '\n' };
}
