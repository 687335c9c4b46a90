import { homedir } from 'node:os';
import { join } from 'node:path';

/** Kubernetes version the harness builds and runs. */
export const KUBE_VERSION = 'v1.24.17';

/** Cache root shared with the build scripts in test/cluster-harness/build/. */
export function cacheDir(): string {
  const explicit = process.env.RELEASE_LENS_CACHE;
  if (explicit) return explicit;
  const xdg = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(xdg, 'release-lens');
}

export interface BinaryPaths {
  etcd: string;
  kubeApiserver: string;
}

/** Where the build scripts put etcd and kube-apiserver; ETCD_BIN / KUBE_APISERVER_BIN override. */
export function binaryPaths(): BinaryPaths {
  const root = cacheDir();
  return {
    etcd: process.env.ETCD_BIN || join(root, 'etcd', 'usr', 'bin', 'etcd'),
    kubeApiserver: process.env.KUBE_APISERVER_BIN || join(root, `kube-apiserver-${KUBE_VERSION}`, 'kube-apiserver'),
  };
}

/** Peer tools installed by build/install-peer-tools.sh; PLUTO_BIN / KUBENT_BIN override. */
export function peerToolPaths(): { pluto: string; kubent: string } {
  const root = join(cacheDir(), 'peer-tools');
  return {
    pluto: process.env.PLUTO_BIN || join(root, 'pluto-v5.24.0', 'pluto'),
    kubent: process.env.KUBENT_BIN || join(root, 'kubent-v0.7.1', 'kubent'),
  };
}
