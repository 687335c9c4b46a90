/**
 * The entry of a Helm decoding worker thread (bundled to dist/workers/helm-decode.cjs by scripts/build-workers.mjs).
 * A record that needs too long or too much memory costs this thread, never the server's.
 */
import type { ReadBudgets } from '../../model/budgets';
import type { HelmRecordInput } from './decoder';
import { readHelmRecord, type HelmRecord } from './record';

export interface DecodeTask {
  input: HelmRecordInput;
  budgets: ReadBudgets;
}

export default function decodeTask({ input, budgets }: DecodeTask): HelmRecord | undefined {
  return readHelmRecord(input.raw, input.storage, budgets);
}
