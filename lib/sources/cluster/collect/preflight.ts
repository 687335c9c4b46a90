import 'server-only';
import { slot, t } from '../../../model/text';
import { AppError } from '../../../errors';
import type { CoverageEntry, ServerVersion } from '../../../model/snapshot';
import type { ClusterConnection } from '../connect';
import { getWithRetry, type RetryPolicy } from '../http/retry';
import { TransportError } from '../http/transport-error';
import { failureCoverage, HttpStatusError, statusMessage } from './http-status';

export interface VersionRead {
  version?: ServerVersion;
  coverage: CoverageEntry;
}

/** A failure of the very first request as the AppError a person sees: TLS, unreachable, timeout or refused host. */
export function connectionError(error: TransportError): AppError {
  switch (error.failure) {
    case 'tls':
      return new AppError('tls', error.message, undefined, { cause: error });
    case 'timeout':
      return new AppError(
        'timeout',
        `${error.message} Check the address, the port and any firewall between here and the cluster.`,
        undefined,
        { cause: error },
      );
    case 'refused-host':
      return new AppError('invalid-input', error.message, undefined, { cause: error });
    default:
      return new AppError('unreachable', error.message, undefined, { cause: error });
  }
}

const str = (o: Record<string, unknown>, k: string): string => (typeof o[k] === 'string' ? o[k] : '');

/**
 * GET /version, the first request of a scan. Connection-level failures end the scan here with a clear AppError;
 * any other failure (e.g. 403) is only coverage.
 */
export async function readServerVersion(
  conn: ClusterConnection,
  ctx: { signal?: AbortSignal; retry?: RetryPolicy } = {},
): Promise<VersionRead> {
  let response;
  try {
    response = await getWithRetry(conn, '/version', { signal: ctx.signal }, ctx.retry);
  } catch (error) {
    if (error instanceof TransportError && error.failure !== 'aborted') throw connectionError(error);
    throw error;
  }
  if (response.status === 401) {
    throw new AppError(
      'unauthorized',
      `The API server at ${conn.server.display} rejected the credentials (401): the token was rejected; it may have expired ` +
        'or been revoked, or the client certificate is not trusted. Get a fresh token (e.g. `kubectl create token`) or re-export the kubeconfig.',
    );
  }
  if (response.status !== 200) {
    return { coverage: failureCoverage('version', new HttpStatusError(response.status, statusMessage(response))) };
  }
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    body = undefined;
  }
  if (typeof body !== 'object' || body === null || !('gitVersion' in body)) {
    const message = t`${slot('server', conn.server.display)} answered /version with something that is not a Kubernetes version; is this a kube-apiserver?`;
    return { coverage: { resource: 'version', status: 'error', count: 0, message } };
  }
  const b = body as Record<string, unknown>;
  const platform = str(b, 'platform');
  const version: ServerVersion = {
    gitVersion: str(b, 'gitVersion'),
    major: str(b, 'major'),
    minor: str(b, 'minor'),
    ...(platform ? { platform } : {}),
  };
  return { version, coverage: { resource: 'version', status: 'ok', count: 1 } };
}
