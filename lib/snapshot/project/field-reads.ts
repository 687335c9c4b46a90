/**
 * Which fields of a raw object a projection reads, by their JSON names: `true` for a whole value (everything under
 * it), or the fields read inside it (inside each element, for a list; a map is always read whole). `{}` reads an
 * object for its presence alone. A list read as protobuf decodes only these (lib/sources/cluster/wire/prune.ts), so
 * a projector that starts reading a new field names it in its read set, beside the code that reads it; the tests
 * in pod-reads.test.ts fail when it does not.
 */
export type FieldReads = { readonly [json: string]: true | FieldReads };

/** The union of two read sets: a field read whole by either is read whole. */
export function mergeReads(a: FieldReads, b: FieldReads): FieldReads {
  const out: Record<string, true | FieldReads> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] = mine === undefined ? value : mine === true || value === true ? true : mergeReads(mine, value);
  }
  return out;
}

/** The part of a raw JSON value a read set covers (for tests: what a projection sees when only that was decoded). */
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
