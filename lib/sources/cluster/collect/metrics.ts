import 'server-only';
import { t } from '../../../model/text';
import { DEPRECATED_API_METRIC, parseDeprecatedApiRequests } from '../../../snapshot/metrics';
import type { CoverageEntry, DeprecatedApiRequest } from '../../../model/snapshot';
import type { ClusterConnection } from '../connect';
import { getWithRetry, type RetryPolicy } from '../http/retry';
import { failureCoverage, HttpStatusError, statusMessage } from './http-status';

export interface MetricsRead {
  requests?: DeprecatedApiRequest[];
  coverage: CoverageEntry;
}

// The exposition is several MB; only this metric's lines are kept while streaming.
const keepLine = (line: string) => line.startsWith(DEPRECATED_API_METRIC);

/**
 * The deprecated APIs clients have requested since the API server started (apiserver_requested_deprecated_apis).
 * Read before any deprecated list of our own, so the scan's PodSecurityPolicy read is not in it.
 */
export async function readDeprecatedApiMetrics(
  conn: ClusterConnection,
  ctx: { signal?: AbortSignal; retry?: RetryPolicy } = {},
): Promise<MetricsRead> {
  try {
    const response = await getWithRetry(
      conn,
      '/metrics',
      { accept: 'text/plain', keepLine, signal: ctx.signal },
      ctx.retry,
    );
    if (response.status !== 200) throw new HttpStatusError(response.status, statusMessage(response));
    const requests = parseDeprecatedApiRequests(response.body);
    const message = t`Counts deprecated API requests since this API server instance last started; other instances are not included.`;
    return { requests, coverage: { resource: 'metrics', status: 'ok', count: requests.length, message } };
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    return { coverage: failureCoverage('metrics', error) };
  }
}
