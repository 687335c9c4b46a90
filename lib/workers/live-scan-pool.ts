import { existsSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { AppError } from '../errors';
import type { Report } from '../model/report';
import type { ScanProgress } from '../model/scan';
import type { HelmAnswer, LiveScanMessage, LiveScanResult, LiveScanTask } from '../scan/live-scan-worker';
import type { HelmDecoder } from '../snapshot/helm/decoder';
import { errorCode, slots } from './slots';

export interface LiveScanPoolOptions {
  /** The bundled worker entry, dist/workers/live-scan.mjs under the package root. */
  workerFile: string;
  /** Scans at once (the server admits no more than RELEASE_LENS_MAX_ACTIVE_SCANS anyway). */
  threads: number;
  /** Heap one scan may use, in MiB; a cluster that needs more fails alone, with a clear error. */
  heapMiB: number;
}

export interface LiveScanRun {
  onProgress?: (p: ScanProgress) => void;
  signal?: AbortSignal;
  /** The server's Helm decoding pool; records are decoded in the scan's thread when absent. */
  helmDecoder?: HelmDecoder;
}

export interface LiveScanPool {
  /** Reads a live cluster and runs every check on a worker thread; resolves with the report. */
  scan(task: Omit<LiveScanTask, 'port' | 'helmOnServer'>, run: LiveScanRun): Promise<Report>;
  close(): Promise<void>;
}

/**
 * Live scans on worker threads: the server's own thread only relays progress and Helm records, so other requests
 * are not queued behind a 50,000-pod scan's parsing, and a scan that needs more heap than it may have fails alone.
 * Cancelling a scan ends its thread (and with it its connections).
 */
export function createLiveScanPool(options: LiveScanPoolOptions): LiveScanPool {
  if (!existsSync(options.workerFile)) {
    throw new Error(`The live-scan worker ${options.workerFile} is missing: run npm run gen (or npm ci) first.`);
  }
  const pool = new Piscina<LiveScanTask, LiveScanResult>({
    filename: options.workerFile,
    minThreads: 0,
    maxThreads: options.threads,
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: options.heapMiB },
  });
  // A thread that fails outside a task (it cannot even start) must not take the server down with an unhandled event.
  pool.on('error', (error: unknown) => console.error('release-lens: a live-scan thread failed:', error));
  const free = slots(options.threads);

  async function scan(task: Omit<LiveScanTask, 'port' | 'helmOnServer'>, run: LiveScanRun): Promise<Report> {
    await free.take(run.signal);
    const { port1: ours, port2: theirs } = new MessageChannel();
    const answerHelm = async ({ id, input }: Extract<LiveScanMessage, { type: 'helm' }>) => {
      let answer: HelmAnswer;
      try {
        if (!run.helmDecoder) throw new Error('no Helm decoder on the server');
        answer = { type: 'helm', id, record: await run.helmDecoder.decode(input, run.signal) };
      } catch (error) {
        answer = { type: 'helm', id, error: error instanceof Error ? error.message : String(error) };
      }
      ours.postMessage(answer);
    };
    ours.on('message', (message: LiveScanMessage) => {
      if (message.type === 'progress') run.onProgress?.(message.progress);
      else void answerHelm(message);
    });
    try {
      const result = await pool.run(
        { ...task, port: theirs, helmOnServer: run.helmDecoder !== undefined },
        { transferList: [theirs], ...(run.signal ? { signal: run.signal } : {}) },
      );
      if (result.ok) return result.report;
      throw new AppError(result.error.kind, result.error.message, result.error.field);
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (run.signal?.aborted) throw run.signal.reason instanceof Error ? run.signal.reason : error;
      if (errorCode(error) === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new AppError(
          'too-large',
          `Scanning this cluster needs more than the ${options.heapMiB} MiB one scan may use on this server ` +
            '(RELEASE_LENS_SCAN_HEAP_MIB). Ask its operator to allow more, or scan the cluster with the CLI ' +
            '(release-lens scan), which runs on your own machine and can narrow the scan with --namespace.',
        );
      }
      throw error;
    } finally {
      ours.close();
      free.give();
    }
  }

  return { scan, close: () => pool.destroy() };
}
