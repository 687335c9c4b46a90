import type { HelmManifestObject, HelmRevision, HelmSkip } from '../../model/snapshot';
import { isRecord, num, opt, rec, str, text } from '../project/read';
import type { Raw } from '../project/read';
import { decodeReleaseValue, HelmDecodeError, type ReleaseBudgets } from './decode';
import { isRelease, releaseObjects, type ManifestBudgets } from './manifest';

/** The budgets decoding one record works within. */
export type HelmBudgets = ManifestBudgets & ReleaseBudgets;

export type HelmStorage = 'Secret' | 'ConfigMap';
export const HELM_SECRET_TYPE = 'helm.sh/release.v1';

/** One Helm storage object, decoded or not. Its release is named from the record, or from labels on failure. */
export type HelmRecord = {
  name: string;
  namespace: string;
  storage: HelmStorage;
  storageObject: string;
} & (
  | { ok: true; revision: HelmRevision; objects: HelmManifestObject[]; skipped: HelmSkip[] }
  | { ok: false; message: string }
);

/** Helm names its records sh.helm.release.v1.<release>.v<revision>. */
const RECORD_NAME = /^sh\.helm\.release\.v1\.(.+)\.v(\d+)$/;

/** True for a raw Secret or ConfigMap labelled owner=helm (and, for Secrets, of the Helm type when typed). */
export function isHelmRecord(raw: unknown, storage: HelmStorage): boolean {
  if (!isRecord(raw)) return false;
  if (str(rec(rec(raw, 'metadata'), 'labels'), 'owner') !== 'helm') return false;
  const type = str(raw, 'type');
  return storage === 'ConfigMap' || type === undefined || type === HELM_SECRET_TYPE;
}

function revisionOf(release: Raw, labels: Raw | undefined, storageObject: string): HelmRevision {
  const info = rec(release, 'info');
  const chart = rec(rec(release, 'chart'), 'metadata');
  return {
    revision: num(release, 'version') ?? Number(str(labels, 'version') ?? 0),
    status: text(info, 'status') ?? str(labels, 'status') ?? 'unknown',
    storageObject,
    ...opt('chart', text(chart, 'name')),
    ...opt('chartVersion', text(chart, 'version')),
    ...opt('appVersion', text(chart, 'appVersion')),
    ...opt('updated', text(info, 'last_deployed')),
  };
}

/** Who a record belongs to, from its storage object's name and labels (for a record that does not decode). */
function identityOf(raw: unknown, storage: HelmStorage) {
  const meta = rec(isRecord(raw) ? raw : undefined, 'metadata');
  const storageObject = text(meta, 'name');
  if (storageObject === undefined) return undefined;
  const fromName = RECORD_NAME.exec(storageObject);
  return {
    name: text(rec(meta, 'labels'), 'name') ?? fromName?.[1] ?? storageObject,
    namespace: text(meta, 'namespace') ?? '',
    storage,
    storageObject,
  };
}

/** A record that was not decoded, for the reason given (a deadline, a decoder out of memory). */
export function undecodedRecord(raw: unknown, storage: HelmStorage, message: string): HelmRecord | undefined {
  const identity = identityOf(raw, storage);
  return identity && { ...identity, ok: false, message };
}

function decode(storage: HelmStorage, value: string | undefined, budgets: ReleaseBudgets): Raw {
  if (value === undefined) throw new HelmDecodeError('the record has no data.release');
  const release = decodeReleaseValue(storage, value, budgets);
  if (!isRelease(release)) throw new HelmDecodeError('the decoded JSON is not a Helm release');
  return release;
}

/**
 * Decodes one Helm storage object into a record. Never throws: a record that does not decode comes back with
 * ok: false and the reason. Undefined only when the input is not an object with a name.
 */
export function readHelmRecord(raw: unknown, storage: HelmStorage, budgets: HelmBudgets): HelmRecord | undefined {
  const fallback = identityOf(raw, storage);
  if (!fallback || !isRecord(raw)) return undefined;
  const labels = rec(rec(raw, 'metadata'), 'labels');
  const { storageObject } = fallback;
  try {
    const release = decode(storage, str(rec(raw, 'data'), 'release'), budgets);
    const { objects, skipped } = releaseObjects(release, budgets);
    return {
      ...fallback,
      name: text(release, 'name') ?? fallback.name,
      namespace: text(release, 'namespace') ?? fallback.namespace,
      ok: true,
      revision: revisionOf(release, labels, storageObject),
      objects,
      skipped,
    };
  } catch (e) {
    const message = e instanceof HelmDecodeError ? e.message : `unexpected error: ${String(e)}`;
    return { ...fallback, ok: false, message };
  }
}
