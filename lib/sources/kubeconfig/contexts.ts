import type { ContextSummary } from '../../model/scan';
import type { Kubeconfig } from './model';
import { parseServerUrl } from './server-url';

function serverOf(config: Kubeconfig, cluster: string): string {
  const entry = config.clusters.find((c) => c.name === cluster);
  if (!entry) return '';
  try {
    return parseServerUrl(entry.server, 'server').display;
  } catch {
    return '';
  }
}

/** The contexts of a parsed kubeconfig (local or uploaded), for choosing one before a scan. */
export function listContexts(config: Kubeconfig): ContextSummary[] {
  return config.contexts.map((c) => ({
    name: c.name,
    cluster: c.cluster,
    server: serverOf(config, c.cluster),
    ...(c.namespace === undefined ? {} : { namespace: c.namespace }),
    current: c.name === config.currentContext,
  }));
}
