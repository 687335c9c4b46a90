import 'server-only';
import { KubeConfig } from '@kubernetes/client-node';
import type { ClientInputs } from './inputs';

const CONTEXT = 'release-lens';

/**
 * A client-node config of one cluster and user. Loaded (with client-node, the heaviest import) only for credentials
 * that can change between requests (exec plugins, auth providers, token files) or go through a proxy.
 */
export function clientConfig({ cluster, user, namespace }: ClientInputs): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [cluster],
    users: [user],
    contexts: [{ name: CONTEXT, cluster: cluster.name, user: user.name, namespace }],
    currentContext: CONTEXT,
  });
  return kc;
}
