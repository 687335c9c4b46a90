/**
 * Defensive readers for raw API JSON. Nothing from the wire is trusted: every reader checks the type it expects
 * and answers undefined (or an empty value) otherwise, so a projector never throws on odd input.
 */

export type Raw = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object at `key`, or undefined. */
export function rec(o: Raw | undefined, key: string): Raw | undefined {
  const v = o?.[key];
  return isRecord(v) ? v : undefined;
}

/** The string at `key`, or undefined. */
export function str(o: Raw | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === 'string' ? v : undefined;
}

/** The non-empty string at `key`, or undefined. */
export function text(o: Raw | undefined, key: string): string | undefined {
  const v = str(o, key);
  return v === undefined || v === '' ? undefined : v;
}

/** The finite number at `key`, or undefined. */
export function num(o: Raw | undefined, key: string): number | undefined {
  const v = o?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The boolean at `key`, or undefined. */
export function bool(o: Raw | undefined, key: string): boolean | undefined {
  const v = o?.[key];
  return typeof v === 'boolean' ? v : undefined;
}

/** The array at `key` (empty when absent or not an array). */
export function arr(o: Raw | undefined, key: string): readonly unknown[] {
  const v = o?.[key];
  return Array.isArray(v) ? (v as unknown[]) : [];
}

/** The objects of the array at `key`, dropping entries that are not objects. */
export function recs(o: Raw | undefined, key: string): Raw[] {
  return arr(o, key).filter(isRecord);
}

/** The strings of the array at `key`, dropping entries that are not strings. */
export function strs(o: Raw | undefined, key: string): string[] {
  return arr(o, key).filter((v): v is string => typeof v === 'string');
}

/** The numbers of the array at `key`, dropping entries that are not finite numbers. */
export function nums(o: Raw | undefined, key: string): number[] {
  return arr(o, key).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}

/**
 * The string map at `key` with keys sorted (so equal maps serialize equally), keeping the entries `keep` accepts.
 */
export function strMap(
  o: Raw | undefined,
  key: string,
  keep: (k: string, value: string) => boolean = () => true,
): Record<string, string> {
  const v = rec(o, key);
  const out: Record<string, string> = {};
  if (!v) return out;
  for (const k of Object.keys(v).sort()) {
    const value = v[k];
    if (typeof value === 'string' && keep(k, value)) out[k] = value;
  }
  return out;
}

/** Spreads `{ [key]: value }` only when value is defined, for exactOptional-friendly object building. */
export function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Sets `o[key]` only when value is defined (cheaper than spreading in hot projection paths). */
export function put<T extends object, K extends keyof T>(o: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) o[key] = value;
}
