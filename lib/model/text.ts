/**
 * Sentences whose identities are typed slots. A finding's message is a list of parts: literal text written in this
 * project, and slots that carry a value read from the cluster with its kind. Rendering fills the slots; redaction
 * maps them. Free text never holds a raw identity, so a redacted report cannot leak one.
 */

/** Names a cluster's owner chose: redaction replaces each by a token (one per kind and value in a report). */
export const IDENTITY_KINDS = [
  'namespace',
  /** An object's name: a pod, a controller, a Secret, a ServiceAccount, a StorageClass, a PSP, a container... */
  'name',
  'node',
  'image',
  'helm-release',
  /** A kubeconfig context or cluster label. */
  'context',
  'server',
  'user',
  'ip',
  /** Free-form data: label, annotation and env values, command lines, messages an API server wrote. */
  'value',
] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/**
 * Values read from the cluster that name no one: versions, API vocabulary, host paths, label keys, counts, and
 * settings such as a schedule, a time zone or a port.
 */
export const FACT_KINDS = ['version', 'api', 'path', 'key', 'number', 'setting'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export type SlotKind = IdentityKind | FactKind;

/** One value read from the cluster, with what it is. */
export interface Slot {
  readonly kind: SlotKind;
  readonly value: string;
}

/** A sentence: literal parts of our own, and slots. */
export type Part = string | Slot;
export type Text = readonly Part[];

const identityKinds: ReadonlySet<string> = new Set(IDENTITY_KINDS);

/** True for a slot whose value names something a cluster's owner chose. */
export function isIdentity(slot: Slot): boolean {
  return identityKinds.has(slot.kind);
}

/** True for a slot (not a literal part). */
export function isSlot(part: Part): part is Slot {
  return typeof part !== 'string';
}

/** A slot of the given kind. */
export function slot(kind: SlotKind, value: string): Slot {
  return { kind, value };
}

/** Marks a text built from a plain string variable: use a slot for values read from a cluster. */
declare const wideString: unique symbol;
export interface WideStringInText {
  readonly [wideString]: 'interpolate a slot, a Text or a string constant, not a string variable';
}

/** One allowed interpolation (distributed over unions): a slot, a Text, a number or a string constant. */
type Safe<T> = T extends Slot | Text | number
  ? T
  : T extends string
    ? string extends T
      ? WideStringInText
      : T
    : never;

/** Each interpolation must be a slot, a Text, a number or a string constant (a literal type), never a `string`. */
type Checked<A extends readonly unknown[]> = { readonly [K in keyof A]: Safe<A[K]> };

function append(out: Part[], part: Part): void {
  if (typeof part === 'string') {
    if (part === '') return;
    const last = out[out.length - 1];
    if (typeof last === 'string') {
      out[out.length - 1] = last + part;
      return;
    }
  }
  out.push(part);
}

function appendArg(out: Part[], arg: Slot | Text | number | string | object): void {
  if (typeof arg === 'number') append(out, String(arg));
  else if (typeof arg === 'string') append(out, arg);
  else if (Array.isArray(arg)) for (const p of arg as Text) append(out, p);
  else append(out, arg as Slot);
}

/**
 * Builds a Text from a template literal. Interpolations are slots, other Texts, numbers or string constants;
 * a plain `string` variable makes the result a type error, since it could carry a name into free text.
 */
export function t<const A extends readonly unknown[]>(strings: TemplateStringsArray, ...args: A & Checked<A>): Text {
  const out: Part[] = [];
  const values: readonly unknown[] = args;
  strings.forEach((s, i) => {
    append(out, s);
    const arg = values[i];
    if (typeof arg === 'string' || typeof arg === 'number' || (typeof arg === 'object' && arg !== null)) {
      appendArg(out, arg);
    }
  });
  return out;
}

/**
 * A string from one of this project's own tables (a plugin's display name, a fix written here), as literal text.
 * Never pass a value read from a cluster: that belongs in a slot.
 */
export function fixed(ours: string): Text {
  return [ours];
}

/** Joins texts with a separator, e.g. the names of several nodes. */
export function join(items: readonly (Text | Slot)[], separator = ', '): Text {
  const out: Part[] = [];
  items.forEach((item, i) => {
    if (i > 0) append(out, separator);
    appendArg(out, item);
  });
  return out;
}

/** "a", "a and b", "a, b and c", or "a, b, c and 4 more" beyond `max`. */
export function list(items: readonly (Text | Slot)[], max = 5): Text {
  if (items.length <= 1) return join(items);
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return [...join(shown), ` and ${rest} more`];
  return [...join(shown.slice(0, -1)), ' and ', ...join(shown.slice(-1))];
}

/** `${n} ${word}` with the plural form when n is not 1. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A Text as a plain string, slots filled with their values (or what `fill` gives for them). */
export function renderText(text: Text | string, fill: (s: Slot) => string = (s) => s.value): string {
  if (typeof text === 'string') return text;
  let out = '';
  for (const p of text) out += typeof p === 'string' ? p : fill(p);
  return out;
}

/** Every slot of a text. */
export function slotsOf(text: Text): Slot[] {
  return text.filter(isSlot);
}
