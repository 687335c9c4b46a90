import type { ObjectResourceKey } from '../../model/resources';
import { defaultApiVersion, RESOURCES } from '../../model/resources';
import type { KeptObject, KeptValue } from '../../model/snapshot';
import { isRecord, rec, text } from './read';

/** The longest string a kept field holds; longer values are cut and marked, so one object cannot hold the heap. */
export const MAX_KEPT_STRING = 64 * 1024;
/** The most values one `[]` path keeps per object. */
export const MAX_KEPT_VALUES = 500;

function scalar(v: unknown): KeptValue | undefined {
  if (typeof v === 'string') return v.length > MAX_KEPT_STRING ? `${v.slice(0, MAX_KEPT_STRING)}…[cut]` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return undefined;
}

/** The values at a dotted path with `[]` for every array element; one value without `[]`, else a list. */
export function readPath(raw: unknown, path: string): KeptValue | KeptValue[] | undefined {
  const segments = path.split('.');
  const many = segments.some((s) => s.endsWith('[]'));
  let current: unknown[] = [raw];
  for (const seg of segments) {
    const key = seg.endsWith('[]') ? seg.slice(0, -2) : seg;
    const next: unknown[] = [];
    for (const c of current) {
      const v = isRecord(c) ? c[key] : undefined;
      if (seg.endsWith('[]')) {
        if (Array.isArray(v)) next.push(...(v as unknown[]).slice(0, MAX_KEPT_VALUES));
      } else next.push(v);
    }
    current = next.slice(0, MAX_KEPT_VALUES);
  }
  if (!many) return scalar(current[0]);
  return current.map((v) => scalar(v) ?? null);
}

/**
 * Keeps the raw fields the resource table lists for `key`, with the object's identity. Undefined when the table
 * keeps nothing for the resource or the object has no name.
 */
export function keepFields(raw: unknown, key: ObjectResourceKey): KeptObject | undefined {
  const paths = RESOURCES[key].keep;
  if (paths === undefined || !isRecord(raw)) return undefined;
  const meta = rec(raw, 'metadata');
  const name = text(meta, 'name');
  if (name === undefined) return undefined;
  const namespace = text(meta, 'namespace');
  const fields: Record<string, KeptValue | KeptValue[]> = {};
  for (const p of paths) {
    const value = readPath(raw, p);
    if (value !== undefined) fields[p] = value;
  }
  return {
    ref: {
      apiVersion: text(raw, 'apiVersion') ?? defaultApiVersion(key),
      kind: text(raw, 'kind') ?? RESOURCES[key].kind,
      ...(namespace === undefined ? {} : { namespace }),
      name,
    },
    fields,
  };
}
