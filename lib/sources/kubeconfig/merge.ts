import path from 'node:path';
import type { Kubeconfig } from './model';

const absolute = (dir: string, file: string | undefined): string | undefined =>
  file === undefined || path.isAbsolute(file) ? file : path.join(dir, file);

/** Makes the file paths of a kubeconfig read from `dir` absolute, as kubectl resolves them against the file's folder. */
export function resolveRelativePaths(config: Kubeconfig, dir: string): Kubeconfig {
  return {
    ...config,
    clusters: config.clusters.map((c) => ({ ...c, caFile: absolute(dir, c.caFile) })),
    users: config.users.map((u) => ({
      ...u,
      tokenFile: absolute(dir, u.tokenFile),
      certFile: absolute(dir, u.certFile),
      keyFile: absolute(dir, u.keyFile),
    })),
  };
}

function firstByName<T extends { name: string }>(lists: T[][]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of lists.flat()) {
    if (seen.has(item.name)) continue;
    seen.add(item.name);
    out.push(item);
  }
  return out;
}

/** Merges the files of a KUBECONFIG list the way kubectl does: the first file to define a name wins. */
export function mergeKubeconfigs(configs: readonly Kubeconfig[]): Kubeconfig {
  return {
    clusters: firstByName(configs.map((c) => c.clusters)),
    users: firstByName(configs.map((c) => c.users)),
    contexts: firstByName(configs.map((c) => c.contexts)),
    currentContext: configs.find((c) => c.currentContext !== undefined)?.currentContext,
  };
}
