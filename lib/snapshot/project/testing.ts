import type { FieldReads } from './field-reads';

/** The part of a raw JSON value a read set covers: what a projection sees when only that was decoded. For tests. */
export function pickReads(raw: unknown, reads: FieldReads): unknown {
  if (Array.isArray(raw)) return raw.map((v) => pickReads(v, reads));
  if (typeof raw !== 'object' || raw === null) return raw;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const read = Object.hasOwn(reads, key) ? reads[key] : undefined;
    if (read === true) out[key] = value;
    else if (read !== undefined) out[key] = pickReads(value, read);
  }
  return out;
}
