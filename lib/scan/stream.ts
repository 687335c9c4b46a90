import type { ScanProgress } from '../model/scan';
import { toErrorData } from '../errors';
import type { ScanEvent } from '../model/scan';

/**
 * Runs `work` and answers with an NDJSON stream: progress lines while it runs, then one report or error line.
 * The stream lets a browser show progress without a second request or server-side scan state.
 */
export function ndjsonStream(
  work: (progress: (p: ScanProgress) => void, signal: AbortSignal) => Promise<ScanEvent>,
  requestSignal: AbortSignal,
  /** Called once the stream has sent its last line (or the work failed), e.g. to free an admission ticket. */
  onDone?: () => void,
): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: ScanEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      let last = 0;
      const progress = (p: ScanProgress) => {
        const now = Date.now();
        // At most ~10 progress lines a second, but always the phase changes and the final one.
        if (now - last < 100 && p.phase === 'listing' && p.resourcesDone < p.resourcesTotal) return;
        last = now;
        send({ type: 'progress', ...p });
      };
      try {
        send(await work(progress, requestSignal));
      } catch (error) {
        send({ type: 'error', error: toErrorData(error) });
      } finally {
        controller.close();
        onDone?.();
      }
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    },
  });
}
