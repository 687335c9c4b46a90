import 'server-only';
import { KubeConfig, type Cluster, type User } from '@kubernetes/client-node';
import { AppError } from '../../../errors';
import type { ResolvedContext } from '../../kubeconfig/select';
import type { SanitizedKubeconfig } from '../../kubeconfig/sanitize';
import type { InClusterConfig } from './in-cluster';

const CONTEXT = 'release-lens';

function single(cluster: Cluster, user: User, namespace?: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [cluster],
    users: [user],
    contexts: [{ name: CONTEXT, cluster: cluster.name, user: user.name, namespace }],
    currentContext: CONTEXT,
  });
  return kc;
}

/** A client-node config from a sanitized upload: inline data only, so nothing can read a file or run a command. */
export function uploadClientConfig(k: SanitizedKubeconfig): KubeConfig {
  return single(
    { name: 'upload', server: k.server.url, caData: k.caData, tlsServerName: k.tlsServerName, skipTLSVerify: false },
    {
      name: 'upload',
      token: k.user.token,
      certData: k.user.certData,
      keyData: k.user.keyData,
      impersonateUser: k.user.impersonateUser,
    },
    k.namespace,
  );
}

/** A client-node config from a local kubeconfig context: files, exec plugins and auth providers work as in kubectl. */
export function localClientConfig({ context, cluster, user }: ResolvedContext): KubeConfig {
  const imp = user?.impersonate;
  if (user && imp && (imp.uid !== undefined || imp.groups.length > 0 || Object.keys(imp.extra).length > 0)) {
    // client-node can only impersonate a user name; scanning as a different identity than asked would mislead.
    throw new AppError(
      'invalid-input',
      `User "${user.name}" impersonates groups, a UID or extra attributes, which this client cannot do; keep only \`as\`.`,
      `users[${user.index}].user`,
    );
  }
  const tokenFileAuth = user?.tokenFile ? { name: 'tokenFile', config: { tokenFile: user.tokenFile } } : undefined;
  return single(
    {
      name: cluster.name,
      server: cluster.server,
      caData: cluster.caData,
      caFile: cluster.caFile,
      tlsServerName: cluster.tlsServerName,
      // client-node refuses plain-http servers (kubectl proxy) unless this is set; there is no TLS to verify there.
      skipTLSVerify: cluster.insecureSkipTlsVerify || cluster.server.startsWith('http:'),
      proxyUrl: cluster.proxyUrl,
    },
    {
      name: user?.name ?? 'anonymous',
      token: user?.token,
      certData: user?.certData,
      certFile: user?.certFile,
      keyData: user?.keyData,
      keyFile: user?.keyFile,
      username: user?.username,
      password: user?.password,
      impersonateUser: imp?.user,
      exec: user?.exec,
      authProvider: user?.authProvider ?? tokenFileAuth,
    },
    context.namespace,
  );
}

/** A client-node config for the Pod's service account; the token file is re-read as kubelet rotates it. */
export function inClusterClientConfig(c: InClusterConfig): KubeConfig {
  return single(
    { name: 'in-cluster', server: c.server, caFile: c.caFile, skipTLSVerify: false },
    { name: 'in-cluster', authProvider: { name: 'tokenFile', config: { tokenFile: c.tokenFile } } },
    c.namespace,
  );
}
