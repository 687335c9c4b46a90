import path from 'node:path';
import { getCatalog } from '@/lib/catalog';
import { env } from '@/lib/env';
import { errorResponse } from '@/lib/http/responses';
import { changeSummaries } from '@/lib/report/change-summaries';
import { runScan } from '@/lib/scan/run-scan';
import { ndjsonStream } from '@/lib/scan/stream';
import { parseScanRequest } from './parse-request';

export const dynamic = 'force-dynamic';

/** Starts a read-only scan and streams its progress, then the report, as NDJSON. */
export async function POST(request: Request): Promise<Response> {
  let parsed;
  try {
    parsed = await parseScanRequest(request);
  } catch (error) {
    return errorResponse(error);
  }
  const { source, target } = parsed;
  const catalog = getCatalog();
  return ndjsonStream(async (onProgress, signal) => {
    const report = await runScan(source, {
      target,
      catalog,
      dataDir: path.join(process.cwd(), 'data'),
      onProgress,
      signal,
      maxSnapshotBytes: env().RELEASE_LENS_MAX_SNAPSHOT_BYTES,
    });
    return { type: 'report', report, changes: changeSummaries(report, catalog) };
  }, request.signal);
}
