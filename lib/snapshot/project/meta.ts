import type { ObjectMeta, OwnerRef } from '../../model/snapshot';
import type { FieldReads } from './field-reads';
import { keepAnnotation, keepLabel } from './keep';
import { bool, isRecord, put, rec, recs, str, strMap, text } from './read';
import type { Raw } from './read';

/** What projectMeta reads of `metadata`. */
export const META_READS: FieldReads = {
  name: true,
  namespace: true,
  uid: true,
  creationTimestamp: true,
  labels: true,
  annotations: true,
  ownerReferences: { apiVersion: true, kind: true, name: true, uid: true, controller: true },
};

function projectOwnerRef(o: Raw): OwnerRef | undefined {
  const apiVersion = str(o, 'apiVersion');
  const kind = str(o, 'kind');
  const name = str(o, 'name');
  const uid = str(o, 'uid');
  if (apiVersion === undefined || kind === undefined || name === undefined || uid === undefined) return undefined;
  const out: OwnerRef = { apiVersion, kind, name, uid };
  put(out, 'controller', bool(o, 'controller'));
  return out;
}

/**
 * Projects `metadata` of a raw object, keeping only allow-listed labels (or all of them when `labels` says so) and
 * annotations. Undefined when the object has no metadata.name: such an object cannot be reported on.
 */
export function projectMeta(
  raw: unknown,
  labels: (key: string, value: string) => boolean = keepLabel,
): ObjectMeta | undefined {
  if (!isRecord(raw)) return undefined;
  const m = rec(raw, 'metadata');
  const name = text(m, 'name');
  if (!m || name === undefined) return undefined;
  const ownerReferences: OwnerRef[] = [];
  for (const r of recs(m, 'ownerReferences')) {
    const ref = projectOwnerRef(r);
    if (ref) ownerReferences.push(ref);
  }
  const out: ObjectMeta = { name, uid: str(m, 'uid') ?? '', labels: {}, annotations: {}, ownerReferences };
  put(out, 'namespace', text(m, 'namespace'));
  put(out, 'creationTimestamp', text(m, 'creationTimestamp'));
  out.labels = strMap(m, 'labels', labels);
  out.annotations = strMap(m, 'annotations', keepAnnotation);
  return out;
}
