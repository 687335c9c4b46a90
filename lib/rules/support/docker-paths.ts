/**
 * Host paths that tie a workload to Docker Engine on the node, and the path arithmetic to recognise them through
 * any spelling (trailing slashes, '//', '.', '..') or through a parent directory.
 */

/** socket: Docker's API or dockershim's CRI socket; docker-data: Docker's own data or state; docker-config:
 * /etc/docker; run-dir: /run or /var/run, which hold the socket; broad: /, /var or /var/lib. */
export type DockerPathKind = 'socket' | 'docker-data' | 'docker-config' | 'run-dir' | 'broad';

const isWindowsPath = (p: string): boolean => p.includes('\\') || /^[a-zA-Z]:/.test(p);

/** Normalizes a Linux path: collapses '//', drops '.', resolves '..' and trailing slashes ('' becomes '/'). */
export function normalizePath(path: string): string {
  if (isWindowsPath(path)) return path.replace(/\//g, '\\').toLowerCase();
  const parts: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return `/${parts.join('/')}`;
}

/** True when `path` is `dir` or inside it (both normalized). */
export function isUnder(path: string, dir: string): boolean {
  return path === dir || dir === '/' || path.startsWith(`${dir}/`);
}

/** Joins a normalized base with the rest of a path below a mount point. */
export function joinPath(base: string, rest: string): string {
  return normalizePath(`${base}/${rest}`);
}

const DATA_DIRS = ['/var/lib/docker', '/var/run/docker', '/run/docker', '/var/lib/dockershim'];

function classifyWindows(path: string): DockerPathKind | undefined {
  const p = path.toLowerCase().replace(/\//g, '\\');
  if (p.includes('pipe\\docker_engine') || p.includes('pipe\\dockershim')) return 'socket';
  if (p === 'c:\\programdata\\docker' || p.startsWith('c:\\programdata\\docker\\')) return 'docker-data';
  return undefined;
}

/** What a host path means for a Docker dependency, or undefined when it has nothing to do with Docker. */
export function classifyDockerPath(rawPath: string): DockerPathKind | undefined {
  if (isWindowsPath(rawPath)) return classifyWindows(rawPath);
  const path = normalizePath(rawPath);
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base.endsWith('.sock') && base.includes('docker') && !base.includes('cri-dockerd')) return 'socket';
  if (DATA_DIRS.some((d) => isUnder(path, d))) return 'docker-data';
  if (isUnder(path, '/etc/docker')) return 'docker-config';
  if (path === '/var/run' || path === '/run') return 'run-dir';
  if (path === '/' || path === '/var' || path === '/var/lib') return 'broad';
  return undefined;
}
