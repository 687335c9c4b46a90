import { existsSync } from 'node:fs';
import { Piscina } from 'piscina';
import { AppError } from '../errors';
import type { PreparedReport, StoreLimits } from '../store/prepare';
import type { PrepareResult, PrepareTask } from '../store/prepare-worker';
import { errorCode, slots } from './slots';

export interface ReportPreparePoolOptions {
  /** The bundled worker entry, dist/workers/report-prepare.cjs under the package root. */
  workerFile: string;
  threads?: number;
  /** Heap one worker may use, in MiB. */
  heapMiB?: number;
  /** How long one report may take. */
  timeoutMs?: number;
}

export interface ReportPreparePool {
  /** Parses, validates, redacts and serializes the body of a save request on a worker thread. */
  prepare(text: string, limits: StoreLimits, salt: string, signal?: AbortSignal): Promise<PreparedReport>;
  close(): Promise<void>;
}

/** Starts the worker pool that prepares saved reports; an input it cannot handle fails alone, with a clear error. */
export function createReportPreparePool(options: ReportPreparePoolOptions): ReportPreparePool {
  if (!existsSync(options.workerFile)) {
    throw new Error(`The report worker ${options.workerFile} is missing: run npm run gen (or npm ci) first.`);
  }
  const threads = options.threads ?? 1;
  const heapMiB = options.heapMiB ?? 1024;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const pool = new Piscina<PrepareTask, PrepareResult>({
    filename: options.workerFile,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: heapMiB },
  });
  const free = slots(threads);

  async function prepare(text: string, limits: StoreLimits, salt: string, signal?: AbortSignal) {
    await free.take(signal);
    const deadline = AbortSignal.timeout(timeoutMs);
    try {
      const result = await pool.run(
        { text, limits, salt },
        { signal: signal ? AbortSignal.any([signal, deadline]) : deadline },
      );
      if (result.ok) return result.prepared;
      throw new AppError(result.error.kind, result.error.message, result.error.field);
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (deadline.aborted) {
        throw new AppError('timeout', `Reading the report took longer than ${timeoutMs / 1000} s; it was not saved.`);
      }
      if (errorCode(error) === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new AppError(
          'too-large',
          `The report needs more than the ${heapMiB} MiB a report worker may use; it was not saved.`,
        );
      }
      throw error;
    } finally {
      free.give();
    }
  }

  return { prepare, close: () => pool.destroy() };
}
