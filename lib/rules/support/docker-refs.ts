import type { Container, Volume } from '../../model/snapshot';
import { isUnder, joinPath, normalizePath } from './docker-paths';

/** Where a Docker client is told to connect. */
export type DockerEndpoint =
  | { type: 'path'; path: string; text: string }
  | { type: 'pipe'; text: string }
  | { type: 'tcp'; host: string; text: string }
  | { type: 'other'; text: string };

const URL_RE = /\b(unix|tcp|npipe|ssh|https?):\/\/[^\s'"`;,)]+/g;
const BARE_SOCKET_RE = /(?:^|[\s='":])(\/[^\s'"`;,)]*(?:docker|dockershim)\.sock)/g;

function fromUrl(url: string): DockerEndpoint {
  const scheme = url.slice(0, url.indexOf('://')).toLowerCase();
  const rest = url.slice(url.indexOf('://') + 3);
  if (scheme === 'unix') return { type: 'path', path: rest, text: url };
  if (scheme === 'npipe') return { type: 'pipe', text: url };
  if (scheme === 'tcp' || scheme.startsWith('http')) {
    const host = /^\[?([^\]/]*?)\]?(?::\d+)?(?:\/|$)/.exec(rest)?.[1] ?? rest;
    return { type: 'tcp', host, text: url };
  }
  return { type: 'other', text: url };
}

/** Docker endpoints mentioned in a command line, script or env value: URLs first, then bare socket paths. */
export function endpointsIn(text: string): DockerEndpoint[] {
  const urls = [...text.matchAll(URL_RE)].map((m) => m[0]);
  const rest = urls.reduce((t, u) => t.replace(u, ' '), text);
  const bare = [...rest.matchAll(BARE_SOCKET_RE)].flatMap((m) => (m[1] ? [m[1]] : []));
  return [...urls.map(fromUrl), ...bare.map((path): DockerEndpoint => ({ type: 'path', path, text: path }))];
}

/** True when a TCP endpoint reaches the node's own Docker daemon (docker0 bridge, node IP, host network). */
export function tcpReachesNode(host: string, hostNetwork: boolean): boolean {
  if (host === '172.17.0.1' || host.includes('$(')) return true;
  const loopback = host === 'localhost' || host.startsWith('127.') || host === '::1';
  return loopback && hostNetwork;
}

export interface MountResolution {
  mount: { name: string; mountPath: string };
  volume?: Volume;
  /** The host path behind the in-container path, when the mount is a hostPath volume. */
  hostPath?: string;
}

/** Which mount of a container serves an in-container path, and the host path behind it for hostPath volumes. */
export function resolveMount(path: string, c: Container, volumes: readonly Volume[]): MountResolution | undefined {
  const target = normalizePath(path);
  let best: { name: string; mountPath: string; normalized: string } | undefined;
  for (const m of c.volumeMounts) {
    const normalized = normalizePath(m.mountPath);
    if (isUnder(target, normalized) && (!best || normalized.length > best.normalized.length)) {
      best = { ...m, normalized };
    }
  }
  const chosen = best;
  if (!chosen) return undefined;
  const mount = { name: chosen.name, mountPath: chosen.mountPath };
  const volume = volumes.find((v) => v.name === chosen.name);
  if (volume?.source.type !== 'hostPath') return { mount, ...(volume ? { volume } : {}) };
  const rest = chosen.normalized === '/' ? target : target.slice(chosen.normalized.length);
  return { mount, volume, hostPath: joinPath(normalizePath(volume.source.path), rest) };
}

/** The hostPath mount of a Windows container that serves Docker's named pipe. */
export function resolvePipe(c: Container, volumes: readonly Volume[]): MountResolution | undefined {
  for (const m of c.volumeMounts) {
    const volume = volumes.find((v) => v.name === m.name);
    if (volume?.source.type === 'hostPath' && volume.source.path.toLowerCase().includes('docker_engine')) {
      return { mount: m, volume, hostPath: volume.source.path };
    }
  }
  return undefined;
}
