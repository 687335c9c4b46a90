import type { Container, PodSpec, Volume } from '../../model/snapshot';
import { classifyDockerPath, normalizePath, type DockerPathKind } from './docker-paths';
import { endpointsIn, resolveMount, resolvePipe, tcpReachesNode, type DockerEndpoint } from './docker-refs';
import type { PodSubject } from './subjects';

/** A DOCKER_HOST value or a command-line argument that names a Docker endpoint. */
export interface DockerRef {
  container: Container;
  source: 'env' | 'args';
  /** The env var name, for env refs. */
  name?: string;
  text: string;
  endpoint?: DockerEndpoint;
  /** The host path the endpoint reaches through a hostPath mount. */
  hostPath?: string;
  /** What that host path is, for Docker. */
  kind?: DockerPathKind;
}

/** A hostPath volume that ties the pod to Docker on the node. */
export interface HostPathUsage {
  type: 'hostPath';
  volume: Volume & { source: { type: 'hostPath' } };
  normalized: string;
  /** What the volume's own path is, for Docker. */
  pathKind?: DockerPathKind;
  /** The worst of pathKind and what the references through it reach. */
  kind: DockerPathKind;
  mounts: { container: Container; mountPath: string }[];
  refs: DockerRef[];
  /** No container of the pod mounts the volume. */
  unmounted: boolean;
}

/** A client pointed at the node's Docker over TCP, or a DOCKER_HOST whose value is a reference. */
export interface EndpointUsage {
  type: 'tcp' | 'unresolved';
  ref: DockerRef;
}

export type DockerUsage = HostPathUsage | EndpointUsage;

const RANK: Record<DockerPathKind, number> = {
  socket: 5,
  'docker-data': 4,
  'docker-config': 3,
  'run-dir': 2,
  broad: 1,
};

function worst(kinds: (DockerPathKind | undefined)[]): DockerPathKind | undefined {
  return kinds.reduce<DockerPathKind | undefined>((w, k) => (k && (!w || RANK[k] > RANK[w]) ? k : w), undefined);
}

function refsOf(c: Container): DockerRef[] {
  const refs: DockerRef[] = [];
  for (const e of c.env) {
    if (e.value === undefined) {
      if (e.name === 'DOCKER_HOST') refs.push({ container: c, source: 'env', name: e.name, text: '' });
      continue;
    }
    for (const endpoint of endpointsIn(e.value))
      refs.push({ container: c, source: 'env', name: e.name, text: e.value, endpoint });
  }
  for (const arg of c.dockerArgs) {
    for (const endpoint of endpointsIn(arg)) refs.push({ container: c, source: 'args', text: arg, endpoint });
  }
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = [r.source, r.name ?? '', r.text, r.endpoint?.text ?? ''].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Resolves a reference against the container's mounts; undefined when it points inside the pod (a sidecar daemon). */
function resolve(
  ref: DockerRef,
  spec: PodSpec,
): { ref: DockerRef; volume?: string; usage?: EndpointUsage['type'] } | undefined {
  const ep = ref.endpoint;
  if (!ep) return { ref, usage: 'unresolved' };
  if (ep.type === 'tcp') return tcpReachesNode(ep.host, spec.hostNetwork) ? { ref, usage: 'tcp' } : undefined;
  if (ep.type === 'other') return undefined;
  const r =
    ep.type === 'pipe' ? resolvePipe(ref.container, spec.volumes) : resolveMount(ep.path, ref.container, spec.volumes);
  if (r?.hostPath === undefined) return undefined;
  const kind = ref.name === 'DOCKER_HOST' ? 'socket' : classifyDockerPath(r.hostPath);
  return { ref: { ...ref, hostPath: r.hostPath, ...(kind ? { kind } : {}) }, volume: r.mount.name };
}

/** Every way a pod subject depends on Docker Engine on its node, one entry per hostPath volume or endpoint. */
export function dockerUsages(subject: PodSubject): DockerUsage[] {
  const checked = subject.containers;
  // A pod its owner's template already covers, with no container of its own: nothing here the template lacks.
  if (checked.length === 0 && subject.coveredByOwner) return [];
  const resolved = checked.flatMap(refsOf).flatMap((r) => resolve(r, subject.spec) ?? []);
  const usages: DockerUsage[] = [];
  for (const volume of subject.spec.volumes) {
    if (volume.source.type !== 'hostPath') continue;
    const refs = resolved.filter((r) => r.volume === volume.name).map((r) => r.ref);
    const pathKind = classifyDockerPath(volume.source.path);
    const kind = worst([pathKind, ...refs.map((r) => r.kind)]);
    if (!kind) continue;
    const mounts = checked.flatMap((c) =>
      c.volumeMounts.filter((m) => m.name === volume.name).map((m) => ({ container: c, mountPath: m.mountPath })),
    );
    const unmounted = !subject.spec.containers.some((c) => c.volumeMounts.some((m) => m.name === volume.name));
    if (mounts.length === 0 && (subject.coveredByOwner || !unmounted)) continue;
    usages.push({
      type: 'hostPath',
      volume: { name: volume.name, source: volume.source },
      normalized: normalizePath(volume.source.path),
      ...(pathKind ? { pathKind } : {}),
      kind,
      mounts,
      refs,
      unmounted,
    });
  }
  for (const r of resolved) if (r.usage) usages.push({ type: r.usage, ref: r.ref });
  return usages;
}
