import type { HelmManifestObject, HelmRevision } from '../../model/snapshot';
import { isRecord, num, opt, rec, str, text } from '../project/read';
import type { Raw } from '../project/read';
import { decodeReleaseValue, HelmDecodeError, MAX_RELEASE_BYTES } from './decode';
import { isRelease, releaseObjects } from './manifest';

export type HelmStorage = 'Secret' | 'ConfigMap';
export const HELM_SECRET_TYPE = 'helm.sh/release.v1';

/** One Helm storage object, decoded or not. Its release is named from the record, or from labels on failure. */
export type HelmRecord = {
  name: string;
  namespace: string;
  storage: HelmStorage;
  storageObject: string;
} & ({ ok: true; revision: HelmRevision; objects: HelmManifestObject[] } | { ok: false; message: string });

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

function decode(storage: HelmStorage, value: string | undefined, maxBytes: number): Raw {
  if (value === undefined) throw new HelmDecodeError('the record has no data.release');
  const release = decodeReleaseValue(storage, value, maxBytes);
  if (!isRelease(release)) throw new HelmDecodeError('the decoded JSON is not a Helm release');
  return release;
}

/**
 * Decodes one Helm storage object into a record. Never throws: a record that does not decode comes back with
 * ok: false and the reason. Undefined only when the input is not an object with a name.
 */
export function readHelmRecord(
  raw: unknown,
  storage: HelmStorage,
  maxBytes = MAX_RELEASE_BYTES,
): HelmRecord | undefined {
  if (!isRecord(raw)) return undefined;
  const meta = rec(raw, 'metadata');
  const storageObject = text(meta, 'name');
  if (storageObject === undefined) return undefined;
  const labels = rec(meta, 'labels');
  const fromName = RECORD_NAME.exec(storageObject);
  const fallback = {
    name: text(labels, 'name') ?? fromName?.[1] ?? storageObject,
    namespace: text(meta, 'namespace') ?? '',
    storage,
    storageObject,
  };
  try {
    const release = decode(storage, str(rec(raw, 'data'), 'release'), maxBytes);
    return {
      ...fallback,
      name: text(release, 'name') ?? fallback.name,
      namespace: text(release, 'namespace') ?? fallback.namespace,
      ok: true,
      revision: revisionOf(release, labels, storageObject),
      objects: releaseObjects(release),
    };
  } catch (e) {
    const message = e instanceof HelmDecodeError ? e.message : `unexpected error: ${String(e)}`;
    return { ...fallback, ok: false, message };
  }
}
