import path from 'node:path';
import { getCatalog } from '@/lib/catalog';
import { env } from '@/lib/env';
import { errorResponse } from '@/lib/http/responses';
import { changeSummaries } from '@/lib/report/change-summaries';
import { evaluate } from '@/lib/scan/evaluate';
import { openSource, readOpened, type OpenedSource } from '@/lib/scan/run-scan';
import { ndjsonStream } from '@/lib/scan/stream';
import { parseScanRequest } from './parse-request';

export const dynamic = 'force-dynamic';

/**
 * Starts a read-only scan and streams its progress, then the report, as NDJSON. Everything wrong with the input (a
 * refused kubeconfig, a host the policy forbids, an invalid snapshot) answers with its 4xx status before the stream.
 */
export async function POST(request: Request): Promise<Response> {
  let opened: OpenedSource;
  let target;
  try {
    const parsed = await parseScanRequest(request);
    target = parsed.target;
    opened = await openSource(parsed.source, {
      dataDir: path.join(process.cwd(), 'data'),
      maxSnapshotBytes: env().RELEASE_LENS_MAX_SNAPSHOT_BYTES,
    });
  } catch (error) {
    return errorResponse(error);
  }
  const catalog = getCatalog();
  return ndjsonStream(async (onProgress, signal) => {
    const snapshot = await readOpened(opened, { onProgress, signal });
    const report = evaluate(snapshot, { target, catalog });
    return { type: 'report', report, changes: changeSummaries(report, catalog) };
  }, request.signal);
}
