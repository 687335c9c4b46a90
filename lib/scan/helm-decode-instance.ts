import 'server-only';
import path from 'node:path';
import { env } from '../env';
import type { ReadBudgets } from '../model/budgets';
import type { HelmDecoder } from '../snapshot/helm/decoder';
import { createHelmDecodePool, type HelmDecodePool } from './helm-decode-pool';

let pool: HelmDecodePool | undefined;

/** The server's Helm decoder: one pool of worker threads for the process, started on first use. */
export function serverHelmDecoder(budgets: ReadBudgets): HelmDecoder {
  const threads = env().RELEASE_LENS_DECODE_THREADS;
  pool ??= createHelmDecodePool({
    workerFile: path.join(process.cwd(), 'dist', 'workers', 'helm-decode.cjs'),
    ...(threads === undefined ? {} : { threads }),
  });
  return pool.decoder(budgets);
}
