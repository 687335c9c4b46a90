import 'server-only';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { env as readEnv, type Env } from '../../../env';
import { AppError } from '../../../errors';

/** Where the kubelet mounts the Pod's service account token, CA and namespace. */
export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The in-cluster API server and service account files. */
export interface InClusterConfig {
  server: string;
  caFile: string;
  tokenFile: string;
  namespace?: string;
}

/** True when running in a Pod with a mounted service account token. */
export function isInClusterAvailable(e: Env = readEnv(), dir = SERVICE_ACCOUNT_DIR): boolean {
  return Boolean(e.KUBERNETES_SERVICE_HOST && e.KUBERNETES_SERVICE_PORT && existsSync(path.join(dir, 'token')));
}

/** The service account configuration, or an error saying why it is not available. */
export function inClusterConfig(e: Env = readEnv(), dir = SERVICE_ACCOUNT_DIR): InClusterConfig {
  const host = e.KUBERNETES_SERVICE_HOST;
  const port = e.KUBERNETES_SERVICE_PORT;
  if (!host || !port || !isInClusterAvailable(e, dir)) {
    throw new AppError(
      'not-found',
      'Not running inside a cluster: KUBERNETES_SERVICE_HOST/PORT or the service account token is missing. ' +
        'Deploy with deploy/release-lens-clusterrole.yaml, or use a kubeconfig.',
    );
  }
  const namespaceFile = path.join(dir, 'namespace');
  const namespace = existsSync(namespaceFile) ? readFileSync(namespaceFile, 'utf8').trim() : undefined;
  return {
    server: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
    caFile: path.join(dir, 'ca.crt'),
    tokenFile: path.join(dir, 'token'),
    ...(namespace ? { namespace } : {}),
  };
}
