import type { HelmManifestObject, HelmRelease, HelmRevision, HelmSkip } from '../../model/snapshot';
import type { HelmRecord, HelmStorage } from './record';

interface Pending {
  name: string;
  namespace: string;
  storage: HelmStorage;
  revisions: HelmRevision[];
  current?: HelmRevision & { objects: HelmManifestObject[]; skipped: HelmSkip[] };
  decodeErrors: { storageObject: string; message: string }[];
}

/**
 * Groups Helm records into releases (by name, namespace and storage) as they arrive. Only the manifest objects of
 * the best current candidate are kept, so a release with a long history costs little memory.
 */
export class HelmReleaseAccumulator {
  private readonly byKey = new Map<string, Pending>();

  /** Adds one decoded (or undecodable) record. */
  add(record: HelmRecord): void {
    const key = JSON.stringify([record.namespace, record.name, record.storage]);
    let r = this.byKey.get(key);
    if (!r) {
      r = { name: record.name, namespace: record.namespace, storage: record.storage, revisions: [], decodeErrors: [] };
      this.byKey.set(key, r);
    }
    if (!record.ok) {
      r.decodeErrors.push({ storageObject: record.storageObject, message: record.message });
      return;
    }
    r.revisions.push(record.revision);
    // The highest deployed revision is current; several deployed revisions are an anomaly the checks report.
    if (record.revision.status === 'deployed' && (!r.current || record.revision.revision > r.current.revision)) {
      r.current = { ...record.revision, objects: record.objects, skipped: record.skipped };
    }
  }

  /** The releases seen so far, revisions in ascending order. */
  releases(): HelmRelease[] {
    return [...this.byKey.values()].map((r) => ({
      name: r.name,
      namespace: r.namespace,
      storage: r.storage,
      revisions: [...r.revisions].sort((a, b) => a.revision - b.revision),
      ...(r.current ? { current: currentOf(r.current) } : {}),
      decodeErrors: [...r.decodeErrors],
    }));
  }

  /** How many records were added. */
  get size(): number {
    let n = 0;
    for (const r of this.byKey.values()) n += r.revisions.length + r.decodeErrors.length;
    return n;
  }
}

/** Groups a batch of records into releases. */
export function groupHelmRecords(records: readonly HelmRecord[]): HelmRelease[] {
  const acc = new HelmReleaseAccumulator();
  for (const r of records) acc.add(r);
  return acc.releases();
}

function currentOf(c: NonNullable<Pending['current']>): NonNullable<HelmRelease['current']> {
  const { skipped, ...rest } = c;
  return skipped.length > 0 ? { ...rest, skipped: [...skipped] } : rest;
}
