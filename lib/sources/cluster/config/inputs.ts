import 'server-only';
import type { Cluster, User } from '@kubernetes/client-node';
import { AppError } from '../../../errors';
import type { ResolvedContext } from '../../kubeconfig/select';
import type { SanitizedKubeconfig } from '../../kubeconfig/sanitize';
import type { InClusterConfig } from './in-cluster';

/**
 * The one cluster and user a connection authenticates with, in client-node's shapes (types only: building these
 * loads nothing). Static credentials are applied from them directly (static-auth.ts); client-node itself is loaded
 * only for credentials that need it (client-config.ts).
 */
export interface ClientInputs {
  cluster: Cluster;
  user: User;
  namespace?: string;
}

/** A sanitized upload: inline data only, so nothing can read a file or run a command. */
export function uploadInputs(k: SanitizedKubeconfig): ClientInputs {
  return {
    cluster: {
      name: 'upload',
      server: k.server.url,
      caData: k.caData,
      tlsServerName: k.tlsServerName,
      skipTLSVerify: false,
    },
    user: {
      name: 'upload',
      token: k.user.token,
      certData: k.user.certData,
      keyData: k.user.keyData,
      impersonateUser: k.user.impersonateUser,
    },
    ...(k.namespace === undefined ? {} : { namespace: k.namespace }),
  };
}

/** A local kubeconfig context: files, exec plugins and auth providers work as in kubectl. */
export function localInputs({ context, cluster, user }: ResolvedContext): ClientInputs {
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
  return {
    cluster: {
      name: cluster.name,
      server: cluster.server,
      caData: cluster.caData,
      caFile: cluster.caFile,
      tlsServerName: cluster.tlsServerName,
      // client-node refuses plain-http servers (kubectl proxy) unless this is set; there is no TLS to verify there.
      skipTLSVerify: cluster.insecureSkipTlsVerify || cluster.server.startsWith('http:'),
      proxyUrl: cluster.proxyUrl,
    },
    user: {
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
    ...(context.namespace === undefined ? {} : { namespace: context.namespace }),
  };
}

/** The Pod's service account; the token file is re-read as kubelet rotates it. */
export function inClusterInputs(c: InClusterConfig): ClientInputs {
  return {
    cluster: { name: 'in-cluster', server: c.server, caFile: c.caFile, skipTLSVerify: false },
    user: { name: 'in-cluster', authProvider: { name: 'tokenFile', config: { tokenFile: c.tokenFile } } },
    ...(c.namespace === undefined ? {} : { namespace: c.namespace }),
  };
}
