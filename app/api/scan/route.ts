import path from 'node:path';
import { getCatalog } from '@/lib/catalog';
import { env, readBudgets } from '@/lib/env';
import { errorResponse } from '@/lib/http/responses';
import { busy } from '@/lib/http/admission';
import { activeScans } from '@/lib/http/admissions';
import { route } from '@/lib/http/route';
import type { Target } from '@/lib/model/releases';
import { changeSummaries } from '@/lib/report/change-summaries';
import { evaluateInTurns } from '@/lib/scan/evaluate';
import { serverHelmDecoder, serverLiveScans } from '@/lib/workers/instances';
import { openSource, readOpened, type OpenedSource } from '@/lib/scan/run-scan';
import { ndjsonStream } from '@/lib/scan/stream';
import type { ScanSource } from '@/lib/scan/sources';
import type { ClusterSource } from '@/lib/sources/cluster';
import { parseScanRequest } from './parse-request';

export const dynamic = 'force-dynamic';

/** The live cluster a scan source names (the kinds openSource opened as 'live'). */
function liveSource(source: ScanSource): ClusterSource {
  if (source.kind === 'snapshot' || source.kind === 'demo' || source.kind === 'files') {
    throw new Error(`a ${source.kind} source is read on the server's thread`);
  }
  return source;
}

/**
 * Starts a read-only scan and streams its progress, then the report, as NDJSON. Everything wrong with the input (a
 * refused kubeconfig, a host the policy forbids, an invalid or oversized snapshot) answers with its 4xx status
 * before the stream. A live cluster is read and checked on a worker thread (the server's thread stays free for other
 * requests); an uploaded snapshot is read as it streams in; Helm records decode on worker threads. At most
 * RELEASE_LENS_MAX_ACTIVE_SCANS run at once; one more gets 429 with Retry-After, so a burst degrades, not crashes.
 */
export const POST = route(async (request: Request): Promise<Response> => {
  const ticket = activeScans.enter();
  if (!ticket)
    return errorResponse(busy('scans', env().RELEASE_LENS_MAX_ACTIVE_SCANS, 'RELEASE_LENS_MAX_ACTIVE_SCANS'));
  const budgets = readBudgets();
  const helmDecoder = serverHelmDecoder(budgets);
  let opened: OpenedSource;
  let target: Target;
  let live: ClusterSource | undefined;
  try {
    const parsed = await parseScanRequest(request);
    try {
      opened = await openSource(parsed.source, {
        dataDir: path.join(process.cwd(), 'data'),
        maxSnapshotBytes: env().RELEASE_LENS_MAX_SNAPSHOT_BYTES,
        budgets,
        helmDecoder,
        signal: request.signal,
        // A repository is graded per release while it is read; the target is known once the body is read.
        ...(parsed.source.kind === 'files' ? { target: await parsed.target(), catalog: getCatalog() } : {}),
      });
      target = await parsed.target();
      // The connection was planned here only to answer a bad kubeconfig or host with its 4xx; the scan's thread
      // opens its own (the same checks again, nothing sent yet).
      if (opened.kind === 'live') {
        opened.connection.close();
        live = liveSource(parsed.source);
      }
    } finally {
      parsed.close();
    }
  } catch (error) {
    ticket.leave();
    return errorResponse(error);
  }
  const catalog = getCatalog();
  return ndjsonStream(
    async (onProgress, signal) => {
      const report = live
        ? await serverLiveScans().scan({ source: live, target, budgets }, { onProgress, signal, helmDecoder })
        : await evaluateInTurns(await readOpened(opened, { onProgress, signal, budgets, helmDecoder }), {
            target,
            catalog,
          });
      return { type: 'report', report, changes: changeSummaries(report, catalog) };
    },
    request.signal,
    () => ticket.leave(),
  );
});
