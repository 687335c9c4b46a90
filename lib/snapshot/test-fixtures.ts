import { emptyLists } from './project-item';
/**
 * Small builders of projected objects for unit tests of the rules. Each takes only what a test cares about.
 */
import type { Container, CoverageEntry, Node, ObjectMeta, Pod, PodSpec, Snapshot, Workload } from '../model/snapshot';
import type { ResourceKey, WorkloadKind } from '../model/resources';
import { RESOURCE_KEYS } from '../model/resources';

let uidCounter = 0;

export function meta(name: string, namespace?: string, extra: Partial<ObjectMeta> = {}): ObjectMeta {
  uidCounter += 1;
  return {
    name,
    ...(namespace === undefined ? {} : { namespace }),
    uid: `uid-${name}-${uidCounter}`,
    labels: {},
    annotations: {},
    ownerReferences: [],
    ...extra,
  };
}

export function container(name: string, extra: Partial<Container> = {}): Container {
  return {
    name,
    image: 'registry.example.com/app:1.0',
    role: 'container',
    volumeMounts: [],
    env: [],
    dockerArgs: [],
    probes: [],
    securityContext: {},
    hostPorts: [],
    ...extra,
  };
}

export function podSpec(extra: Partial<PodSpec> = {}): PodSpec {
  return {
    nodeSelector: {},
    nodeAffinityKeys: [],
    tolerations: [],
    topologySpreadConstraints: [],
    hostNetwork: false,
    hostPID: false,
    hostIPC: false,
    securityContext: {},
    volumes: [],
    containers: [container('app')],
    ...extra,
  };
}

export function pod(
  name: string,
  namespace = 'default',
  spec: Partial<PodSpec> = {},
  m: Partial<ObjectMeta> = {},
): Pod {
  return { metadata: meta(name, namespace, m), phase: 'Running', mirror: false, spec: podSpec(spec) };
}

const apiVersionOf: Record<WorkloadKind, string> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  ReplicationController: 'v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};

export function workload(
  kind: WorkloadKind,
  name: string,
  namespace = 'default',
  spec: Partial<PodSpec> = {},
  extra: Partial<Omit<Workload, 'template'>> & { templateAnnotations?: Record<string, string> } = {},
): Workload {
  const { templateAnnotations, ...rest } = extra;
  return {
    apiVersion: apiVersionOf[kind],
    kind,
    metadata: meta(name, namespace),
    template: { labels: {}, annotations: templateAnnotations ?? {}, spec: podSpec(spec) },
    ...rest,
  };
}

export function node(name: string, runtime: string, kubeletVersion: string, extra: Partial<Node> = {}): Node {
  return {
    metadata: meta(name),
    taints: [],
    kubeletVersion,
    containerRuntimeVersion: runtime,
    operatingSystem: 'linux',
    architecture: 'amd64',
    ...extra,
  };
}

/** Coverage 'ok' for every resource, so rules are not blind unless a test says so. */
export function fullCoverage(): CoverageEntry[] {
  return RESOURCE_KEYS.map((resource) => ({ resource, status: 'ok', count: 0 }));
}

export function snapshot(extra: Partial<Snapshot> = {}): Snapshot {
  return {
    schemaVersion: 1,
    source: { kind: 'demo', label: 'unit test' },
    collectedAt: '2026-01-01T00:00:00Z',
    serverVersion: { gitVersion: 'v1.23.17', major: '1', minor: '23' },
    servedGroupVersions: [],
    ...emptyLists(),
    helmReleases: [],
    coverage: fullCoverage(),
    ...extra,
  };
}

/** Marks one resource as unreadable in a snapshot's coverage. */
export function withForbidden(s: Snapshot, resource: ResourceKey): Snapshot {
  return {
    ...s,
    coverage: s.coverage.map((c) => (c.resource === resource ? { ...c, status: 'forbidden' as const } : c)),
  };
}
