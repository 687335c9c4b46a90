import 'server-only';
import type { FakeHandler, FakeResponse, SeenRequest } from './fake-apiserver';
import { status } from './fake-apiserver';

type Obj = Record<string, unknown>;

export interface FakeCluster {
  gitVersion: string;
  /** Served group/versions and their resources, e.g. { 'apps/v1': ['deployments'] }. */
  served: Record<string, string[]>;
  /** Objects by 'group/resource' ('pods' for core), each with metadata.name (and namespace when namespaced). */
  objects: Record<string, Obj[]>;
  metrics?: string;
}

const core = [
  'pods',
  'nodes',
  'namespaces',
  'services',
  'secrets',
  'configmaps',
  'persistentvolumes',
  'replicationcontrollers',
];

/** Roughly what a 1.24 API server serves, including the deprecated versions a scan must not call. */
export const SERVED_1_24: Record<string, string[]> = {
  v1: core,
  'apps/v1': ['deployments', 'statefulsets', 'daemonsets', 'replicasets'],
  'batch/v1': ['jobs', 'cronjobs'],
  'batch/v1beta1': ['cronjobs'],
  'policy/v1': ['poddisruptionbudgets'],
  'policy/v1beta1': ['poddisruptionbudgets', 'podsecuritypolicies'],
  'autoscaling/v2': ['horizontalpodautoscalers'],
  'autoscaling/v1': ['horizontalpodautoscalers'],
  'autoscaling/v2beta1': ['horizontalpodautoscalers'],
  'autoscaling/v2beta2': ['horizontalpodautoscalers'],
  'storage.k8s.io/v1': ['storageclasses', 'csidrivers', 'csistoragecapacities'],
  'storage.k8s.io/v1beta1': ['csistoragecapacities'],
  'scheduling.k8s.io/v1': ['priorityclasses'],
  'apiextensions.k8s.io/v1': ['customresourcedefinitions'],
  'admissionregistration.k8s.io/v1': ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations'],
  'apiregistration.k8s.io/v1': ['apiservices'],
  'discovery.k8s.io/v1': ['endpointslices'],
  'discovery.k8s.io/v1beta1': ['endpointslices'],
  'events.k8s.io/v1': ['events'],
  'events.k8s.io/v1beta1': ['events'],
  'node.k8s.io/v1': ['runtimeclasses'],
  'node.k8s.io/v1beta1': ['runtimeclasses'],
  'flowcontrol.apiserver.k8s.io/v1beta2': ['flowschemas', 'prioritylevelconfigurations'],
  'flowcontrol.apiserver.k8s.io/v1beta1': ['flowschemas', 'prioritylevelconfigurations'],
};

const get = (o: Obj, ...keys: string[]): unknown =>
  keys.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Obj)[k] : undefined), o);

function matches(item: Obj, q: URLSearchParams): boolean {
  const label = q.get('labelSelector');
  if (label) {
    const [k = '', v] = label.split('=');
    if (get(item, 'metadata', 'labels', k) !== v) return false;
  }
  const field = q.get('fieldSelector');
  if (field) {
    const [k = '', v] = field.split('=');
    if (get(item, ...k.split('.')) !== v) return false;
  }
  return true;
}

/**
 * Paginates with a numeric continue token and, as kube-apiserver does without a selector, the count of the items
 * after the page; metadata-only Accept strips everything but metadata.
 */
function listResponse(items: Obj[], req: SeenRequest): FakeResponse {
  const limit = Number(req.query.get('limit') ?? '0') || items.length;
  const start = Number(req.query.get('continue') ?? '0');
  const page = items.slice(start, start + limit);
  const next = start + limit < items.length ? String(start + limit) : undefined;
  const metadataOnly = String(req.headers.accept).includes('as=PartialObjectMetadataList');
  const out = metadataOnly
    ? page.map((i) => ({ apiVersion: 'meta.k8s.io/v1', kind: 'PartialObjectMetadata', metadata: i.metadata }))
    : page.map((i) => structuredClone(i));
  const selected = req.query.has('labelSelector') || req.query.has('fieldSelector');
  const metadata = next
    ? { continue: next, ...(selected ? {} : { remainingItemCount: items.length - start - page.length }) }
    : {};
  return { json: { kind: 'List', apiVersion: 'v1', metadata, items: out } };
}

const PATH = /^\/(?:api|apis\/([^/]+))\/([^/]+)(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/;

/** A FakeHandler that serves discovery, /version, /metrics, LIST and GET from the given model. */
export function fakeCluster(c: FakeCluster): FakeHandler {
  const groups = () => {
    const byGroup = new Map<string, string[]>();
    for (const gv of Object.keys(c.served)) {
      if (!gv.includes('/')) continue;
      const [g = '', v = ''] = gv.split('/');
      byGroup.set(g, [...(byGroup.get(g) ?? []), v]);
    }
    return [...byGroup].map(([name, versions]) => ({
      name,
      versions: versions.map((version) => ({ groupVersion: `${name}/${version}`, version })),
    }));
  };
  return (req) => {
    if (req.path === '/version')
      return {
        json: { major: '1', minor: c.gitVersion.split('.')[1], gitVersion: c.gitVersion, platform: 'linux/amd64' },
      };
    if (req.path === '/metrics')
      return c.metrics === undefined ? status(403, 'forbidden: /metrics') : { text: c.metrics };
    if (req.path === '/api') return { json: { kind: 'APIVersions', versions: c.served.v1 ? ['v1'] : [] } };
    if (req.path === '/apis') return { json: { kind: 'APIGroupList', groups: groups() } };
    const gvOnly = /^\/(?:api\/(v1)|apis\/([^/]+\/[^/]+))$/.exec(req.path);
    if (gvOnly) {
      const gv = gvOnly[1] ?? gvOnly[2] ?? '';
      const names = c.served[gv];
      return names
        ? { json: { kind: 'APIResourceList', groupVersion: gv, resources: names.map((name) => ({ name })) } }
        : undefined;
    }
    const m = PATH.exec(req.path);
    if (!m) return undefined;
    const [, group = '', version = '', namespace, resource = '', name] = m;
    const gv = group ? `${group}/${version}` : version;
    if (!c.served[gv]?.includes(resource)) return undefined;
    const all = (c.objects[group ? `${group}/${resource}` : resource] ?? []).filter(
      (o) => namespace === undefined || get(o, 'metadata', 'namespace') === namespace,
    );
    if (name !== undefined) {
      const found = all.find((o) => get(o, 'metadata', 'name') === name);
      return found ? { json: found } : status(404, `${resource} "${name}" not found`);
    }
    return listResponse(
      all.filter((o) => matches(o, req.query)),
      req,
    );
  };
}

/** A raw object with metadata, for fake clusters. */
export const obj = (name: string, namespace?: string, extra: Obj = {}): Obj => ({
  metadata: {
    name,
    uid: `uid-${namespace ?? ''}-${name}`,
    ...(namespace ? { namespace } : {}),
    ...(extra.metadata as Obj | undefined),
  },
  ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'metadata')),
});
