import type { ReadBudgets } from '../../model/budgets';
import { isRecord, rec, str, text } from '../project/read';
import { readHelmRecord, type HelmRecord, type HelmStorage } from './record';

/**
 * What decoding one Helm storage object needs, and nothing more: its name, namespace and labels, its type, and
 * the encoded release. Small to copy to a worker thread.
 */
export interface HelmRecordInput {
  storage: HelmStorage;
  raw: {
    metadata: { name: string; namespace?: string; labels?: Record<string, string> };
    type?: string;
    data: { release?: string };
  };
}

/**
 * Decodes Helm records, here or elsewhere (a worker pool, lib/scan/helm-decode-pool.ts). A record that cannot be
 * decoded comes back with ok: false and the reason; the promise rejects only when the scan was cancelled.
 */
export interface HelmDecoder {
  decode(input: HelmRecordInput, signal?: AbortSignal): HelmRecord | Promise<HelmRecord>;
}

/** The input for a raw Secret or ConfigMap, or undefined when it has no name (not a record at all). */
export function helmRecordInput(raw: unknown, storage: HelmStorage): HelmRecordInput | undefined {
  if (!isRecord(raw)) return undefined;
  const meta = rec(raw, 'metadata');
  const name = text(meta, 'name');
  if (name === undefined) return undefined;
  const namespace = text(meta, 'namespace');
  const labels = rec(meta, 'labels');
  const kept: Record<string, string> = {};
  for (const key of ['owner', 'name', 'version', 'status']) {
    const v = str(labels, key);
    if (v !== undefined) kept[key] = v;
  }
  const type = str(raw, 'type');
  const release = str(rec(raw, 'data'), 'release');
  return {
    storage,
    raw: {
      metadata: { name, ...(namespace === undefined ? {} : { namespace }), labels: kept },
      ...(type === undefined ? {} : { type }),
      data: release === undefined ? {} : { release },
    },
  };
}

/** Decodes in the calling thread, synchronously: for tests, the demo and other inputs of our own. */
export function inlineHelmDecoder(budgets: ReadBudgets): HelmDecoder {
  return {
    decode(input) {
      const record = readHelmRecord(input.raw, input.storage, budgets);
      if (!record) throw new Error('a Helm record input always has a name');
      return record;
    },
  };
}
