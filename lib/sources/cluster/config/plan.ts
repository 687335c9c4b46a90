import 'server-only';
import type { LookupFunction } from 'node:net';
import type { Env } from '../../../env';
import { extractKubeconfigFacts } from '../../kubeconfig/facts';
import { uploadPolicyFromEnv } from '../../kubeconfig/policy';
import { sanitizeUploadedKubeconfig } from '../../kubeconfig/sanitize';
import { selectContext } from '../../kubeconfig/select';
import { parseServerUrl, type ServerAddress } from '../../kubeconfig/server-url';
import type { KubeconfigFacts } from '../../../model/snapshot';
import type { SnapshotSource } from '../../../model/sources';
import { assertServerAllowed, guardedLookup, type Resolver } from '../http/host-guard';
import { inClusterInputs, localInputs, uploadInputs, type ClientInputs } from './inputs';
import { inClusterConfig, SERVICE_ACCOUNT_DIR } from './in-cluster';
import { loadLocalKubeconfig } from './local';
import type { ClusterSource } from './types';

/** Everything needed to open a connection for one source. */
export interface Plan {
  /** The cluster and user to authenticate as. */
  inputs: ClientInputs;
  server: ServerAddress;
  source: SnapshotSource;
  namespace?: string;
  facts?: KubeconfigFacts;
  lookup?: LookupFunction;
  /** exec plugins, auth providers and token files can change the credentials between requests. */
  dynamicAuth: boolean;
  proxy: boolean;
  /** Ask for gzip answers; off when the kubeconfig disables compression, and on the cluster's own network. */
  compression: boolean;
}

export interface PlanOptions {
  resolver?: Resolver;
  serviceAccountDir?: string;
  /** For the local kubeconfig source: read only this file (kubectl's `--kubeconfig`), not KUBECONFIG. */
  kubeconfigPath?: string;
}

/** Validates a source (sanitizing uploads and checking their host after DNS) and prepares its client config. */
export async function planConnection(source: ClusterSource, e: Env, o: PlanOptions): Promise<Plan> {
  switch (source.kind) {
    case 'upload': {
      const policy = uploadPolicyFromEnv(e);
      const k = sanitizeUploadedKubeconfig(source.kubeconfig, policy, source.context);
      await assertServerAllowed(k.server, policy, k.serverField, o.resolver);
      const label: SnapshotSource = { kind: 'upload', label: k.context, server: k.server.url };
      return {
        inputs: uploadInputs(k),
        server: k.server,
        source: label,
        namespace: k.namespace,
        facts: k.facts,
        lookup: guardedLookup(policy, k.serverField),
        dynamicAuth: false,
        proxy: false,
        compression: !k.disableCompression,
      };
    }
    case 'kubeconfig': {
      const config = loadLocalKubeconfig(e, o.kubeconfigPath);
      const resolved = selectContext(config, source.context);
      const server = parseServerUrl(resolved.cluster.server, `clusters[${resolved.cluster.index}].cluster.server`);
      const user = resolved.user;
      return {
        inputs: localInputs(resolved),
        server,
        namespace: resolved.context.namespace,
        source: { kind: 'kubeconfig', label: resolved.context.name, server: server.url },
        facts: extractKubeconfigFacts(config, resolved.context.name),
        dynamicAuth: Boolean(user?.exec ?? user?.authProvider ?? user?.tokenFile),
        proxy: Boolean(resolved.cluster.proxyUrl),
        compression: !resolved.cluster.disableCompression,
      };
    }
    case 'in-cluster': {
      const c = inClusterConfig(e, o.serviceAccountDir ?? SERVICE_ACCOUNT_DIR);
      const server = parseServerUrl(c.server, 'KUBERNETES_SERVICE_HOST');
      return {
        inputs: inClusterInputs(c),
        server,
        namespace: c.namespace,
        dynamicAuth: true,
        proxy: false,
        // The API server is on the cluster's own network: compressing costs both ends CPU and saves nothing.
        compression: false,
        source: { kind: 'in-cluster', label: 'In-cluster service account', server: server.url },
      };
    }
  }
}
