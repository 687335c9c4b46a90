import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import type { Piscina } from 'piscina';
import { overBudget, type ReadBudgets } from '../model/budgets';
import type { HelmDecoder, HelmRecordInput } from '../snapshot/helm/decoder';
import { undecodedRecord, type HelmRecord } from '../snapshot/helm/record';
import type { DecodeTask } from '../snapshot/helm/decode-worker';
import { errorCode, slots } from './slots';

export interface HelmDecodePoolOptions {
  /** The bundled worker entry, dist/workers/helm-decode.cjs under the package root. */
  workerFile: string;
  /** Worker threads (default: one per core but one, at least one). */
  threads?: number;
  /** Heap one worker may use, in MiB; a record that needs more fails alone. */
  heapMiB?: number;
}

/** Decodes Helm records on worker threads, each within the budgets' deadline. */
export interface HelmDecodePool {
  decoder(budgets: ReadBudgets): HelmDecoder;
  close(): Promise<void>;
}

/** The default number of decoding threads: leave one core to the server's own thread. */
export function defaultDecodeThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * Starts a pool of Helm decoding threads. A record that overruns its deadline (RELEASE_LENS_HELM_DECODE_TIMEOUT_MS)
 * or the thread's heap is not decoded, and says so; the thread is replaced and the scan goes on. Only the scan's
 * own cancellation rejects.
 */
export function createHelmDecodePool(options: HelmDecodePoolOptions): HelmDecodePool {
  if (!existsSync(options.workerFile)) {
    throw new Error(`The Helm decoding worker ${options.workerFile} is missing: run npm run gen (or npm ci) first.`);
  }
  const threads = options.threads ?? defaultDecodeThreads();
  const heapMiB = options.heapMiB ?? 256;
  // Loaded with the first record: a cluster without Helm releases (and every scan's start) does without it.
  let pool: Promise<Piscina<DecodeTask, HelmRecord | undefined>> | undefined;
  const started = () =>
    (pool ??= import('piscina').then(
      ({ Piscina: Pool }) =>
        new Pool<DecodeTask, HelmRecord | undefined>({
          filename: options.workerFile,
          minThreads: 0,
          maxThreads: threads,
          idleTimeout: 30_000,
          resourceLimits: { maxOldGenerationSizeMb: heapMiB, maxYoungGenerationSizeMb: 32 },
        }),
    ));
  const free = slots(threads);

  async function decode(input: HelmRecordInput, budgets: ReadBudgets, signal?: AbortSignal): Promise<HelmRecord> {
    const failed = (message: string): HelmRecord => {
      const record = undecodedRecord(input.raw, input.storage, message);
      if (!record) throw new Error('a Helm record input always has a name');
      return record;
    };
    await free.take(signal);
    const deadline = AbortSignal.timeout(budgets.helmDecodeMs);
    try {
      const record = await (
        await started()
      ).run({ input, budgets }, { signal: signal ? AbortSignal.any([signal, deadline]) : deadline });
      return record ?? failed('the record has no name');
    } catch (error) {
      if (signal?.aborted) throw error;
      if (deadline.aborted) {
        return failed(`decoding took longer than ${overBudget('helmDecodeMs', budgets.helmDecodeMs)}; not decoded`);
      }
      if (errorCode(error) === 'ERR_WORKER_OUT_OF_MEMORY') {
        return failed(`decoding needed more than the ${heapMiB} MiB a decoder may use; not decoded`);
      }
      return failed(`the decoder failed (${error instanceof Error ? error.message : String(error)})`);
    } finally {
      free.give();
    }
  }

  return {
    decoder: (budgets) => ({ decode: (input, signal) => decode(input, budgets, signal) }),
    close: async () => {
      if (pool) await (await pool).destroy();
    },
  };
}
