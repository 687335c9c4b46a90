import type { Type } from 'protobufjs';
import type { ItemBudget } from '../../../parsing/json-items';

/**
 * Turns a message decoded by protobufjs into exactly the object the API server's JSON for it would have parsed to:
 * JSON names in their order, inlined structs, `omitempty`, `null` for absent pointers, slices and maps, and the
 * types that have their own JSON form (times, quantities, int-or-string, managed-field sets). The rules come from
 * the Go types (pod-schema.json, written by scripts/gen-pod-wire.mjs), which the .proto files cannot express.
 *
 * Each message type gets its own function, generated from the rules once (as protobufjs does for its decoders):
 * a generic walk over field names reads every property by name and was slower than parsing the JSON itself.
 */

/** How one Go struct field is written as JSON: from scripts/pod-wire/main.go. */
export interface JsonField {
  number: number;
  proto: string;
  /** Absent when the struct is inlined into its parent's object. */
  json?: string;
  inline?: boolean;
  omitEmpty?: boolean;
  kind: 'pointer' | 'slice' | 'map' | 'struct' | 'scalar' | 'bytes';
}

export type JsonRules = Record<string, { fields: JsonField[] }>;

/** Limits checked while converting; the first one passed is reported and the object must not be used. */
export interface ConvertLimits {
  stringBytes: number;
  nodes: number;
  /** Nesting of objects and arrays, counted as the JSON reader counts it. */
  depth: number;
}

/** The item budgets checked while converting (its bytes were checked before it was decoded). */
export type ConvertOver = Exclude<ItemBudget, 'objectBytes'>;

export interface Converted {
  value: Record<string, unknown>;
  /** The limit the object passed; the value is then incomplete. */
  over?: ConvertOver;
}

type Obj = Record<string, unknown>;

/** Counts values and checks strings while a message is converted. */
class Tally {
  values = 0;
  over: ConvertOver | undefined;
  constructor(private readonly limits: ConvertLimits) {}

  /** The current nesting: objects and arrays entered and not yet left. */
  level = 0;

  count(): void {
    if (++this.values > this.limits.nodes) this.over ??= 'nodes';
  }

  /** A container begins (counted as a value, one level deeper). */
  down(): void {
    this.count();
    if (++this.level > this.limits.depth) this.over ??= 'depth';
  }

  up(): void {
    this.level -= 1;
  }

  str(v: string): string {
    this.count();
    return this.key(v);
  }

  /** A map key: not a value of its own, but a string all the same. */
  key(v: string): string {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: measure exactly only near the limit.
    if (v.length * 3 > this.limits.stringBytes && Buffer.byteLength(v, 'utf8') > this.limits.stringBytes) {
      this.over ??= 'stringBytes';
    }
    return v;
  }

  /** A scalar of any kind: strings checked, int64 (a Long) as the number JSON.parse would give, bytes as base64. */
  scalar(v: unknown): unknown {
    if (typeof v === 'string') return this.str(v);
    this.count();
    if (typeof v === 'number' || typeof v === 'boolean') return v;
    if (v instanceof Uint8Array) return bytesOf(v).toString('base64');
    return num(v);
  }
}

const TIME = 'k8s.io.apimachinery.pkg.apis.meta.v1.Time';
const FIELDS_V1 = 'k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1';
const QUANTITY = 'k8s.io.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'k8s.io.apimachinery.pkg.util.intstr.IntOrString';

const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** int64 fields arrive as Long objects; JSON.parse would have given a number. */
function num(v: unknown): number {
  if (typeof v === 'number') return v;
  const long = v as { toNumber?: unknown } | null;
  if (typeof long === 'object' && long !== null && typeof long.toNumber === 'function') {
    return Number((long.toNumber as () => number).call(long));
  }
  return Number(v);
}

function bytesOf(v: unknown): Buffer {
  return v instanceof Uint8Array ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : Buffer.alloc(0);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** metav1.Time's JSON: RFC 3339 in UTC to the second, or null for the zero time (an empty message). */
function timeJson(m: Obj): string | null {
  if (!own(m, 'seconds') && !own(m, 'nanos')) return null;
  const d = new Date(num(m.seconds) * 1000);
  if (Number.isNaN(d.getTime())) return null;
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`
  );
}

type Convert = (message: Obj, tally: Tally) => unknown;

/** The types with a JSON form of their own, by full name. */
const SPECIAL: Record<string, Convert> = {
  [TIME]: (m, t) => {
    t.count();
    return timeJson(m);
  },
  [QUANTITY]: (m, t) => t.str(typeof m.string === 'string' && m.string !== '' ? m.string : '0'),
  [INT_OR_STRING]: (m, t) =>
    num(m.type) === 1 ? t.str(typeof m.strVal === 'string' ? m.strVal : '') : t.scalar(num(m.intVal ?? 0)),
  [FIELDS_V1]: (m, t) => {
    t.count();
    const raw = bytesOf(m.Raw);
    return raw.length === 0 ? null : (JSON.parse(raw.toString('utf8')) as unknown);
  },
};

const lit = (s: string) => JSON.stringify(s);

/**
 * The source of one type's converter. `m` is the message, `t` the tally, `c` the converters of the types its fields
 * hold (by index in `refs`), `o` the object being built; inlined structs write into the same object.
 */
function typeSource(type: Type, rules: JsonRules, refs: Type[], m = 'm'): string {
  const name = type.fullName.slice(1);
  const rule = rules[name];
  if (!rule) throw new Error(`pod-schema.json has no JSON rules for ${name}`);
  const ref = (t: Type) => {
    let i = refs.indexOf(t);
    if (i < 0) i = refs.push(t) - 1;
    return `c[${i}]`;
  };
  const lines: string[] = [];
  for (const field of rule.fields) {
    const pf = type.fieldsArray.find((x) => x.id === field.number);
    if (!pf) throw new Error(`${name}: field ${field.number} is not in the descriptor`);
    pf.resolve();
    const valueType = pf.resolvedType && 'fieldsArray' in pf.resolvedType ? pf.resolvedType : undefined;
    const get = `${m}[${lit(pf.name)}]`;
    const has = `own(${m}, ${lit(pf.name)})`;
    if (field.inline) {
      if (!valueType) throw new Error(`${name}: the inlined field ${pf.name} is not a message`);
      // The inlined struct's fields, written into this same object from the nested message (or its defaults).
      const inner = `${m}_${field.number}`;
      lines.push(`{ const ${inner} = ${has} ? ${get} : ${ref(valueType)}.empty;`);
      lines.push(typeSource(valueType, rules, refs, inner));
      lines.push('}');
      continue;
    }
    const key = `o[${lit(field.json ?? pf.name)}]`;
    const element = (v: string) => (valueType ? `${ref(valueType)}.convert(${v}, t)` : `t.scalar(${v})`);
    const zero = pf.type === 'string' ? "''" : pf.type === 'bool' ? 'false' : '0';
    switch (field.kind) {
      case 'slice':
        lines.push(
          `{ const v = ${get}; if (v.length > 0) { t.down(); const a = new Array(v.length); for (let i = 0; i < v.length; i++) a[i] = ${element('v[i]')}; t.up(); ${key} = a; }${field.omitEmpty ? '' : ` else ${key} = null;`} }`,
        );
        break;
      case 'map':
        lines.push(
          `{ const v = ${get}; const ks = Object.keys(v); if (ks.length > 0) { t.down(); const r = {}; for (const k of ks) { t.key(k); r[k] = ${element('v[k]')}; } t.up(); ${key} = r; }${field.omitEmpty ? '' : ` else ${key} = null;`} }`,
        );
        break;
      case 'pointer':
        // Present means set, even to a zero value; absent is nil.
        lines.push(`if (${has}) ${key} = ${element(get)};${field.omitEmpty ? '' : ` else ${key} = null;`}`);
        break;
      case 'struct':
        // encoding/json never leaves a struct out, omitempty or not.
        lines.push(
          valueType
            ? `${key} = ${ref(valueType)}.convert(${has} ? ${get} : ${ref(valueType)}.empty, t);`
            : `${key} = t.scalar(${get});`,
        );
        break;
      case 'bytes':
        lines.push(
          `{ const v = ${get}; if (v && v.length > 0) ${key} = t.scalar(v);${field.omitEmpty ? '' : ` else ${key} = null;`} }`,
        );
        break;
      default:
        // A message's prototype holds the zero value of an absent scalar, which is what Go would write.
        lines.push(
          field.omitEmpty
            ? `{ const v = ${get}; if (v !== ${zero} && !(typeof v === 'object' && v !== null && num(v) === 0)) ${key} = t.scalar(v); }`
            : `${key} = t.scalar(${get});`,
        );
    }
  }
  return lines.join('\n');
}

interface Compiled {
  convert: Convert;
  empty: Obj;
}

/** Builds the converter of `root` and of every message type its fields reach, from the rules. */
export function jsonConverter(root: Type, rules: JsonRules, limits: ConvertLimits): (message: object) => Converted {
  const compiled = new Map<Type, Compiled>();
  const compile = (type: Type): Compiled => {
    const existing = compiled.get(type);
    if (existing) return existing;
    const entry: Compiled = { convert: () => undefined, empty: type.create() };
    compiled.set(type, entry);
    const special = SPECIAL[type.fullName.slice(1)];
    if (special) {
      entry.convert = special;
      return entry;
    }
    const refs: Type[] = [];
    const body = typeSource(type, rules, refs);
    const c = refs.map(compile);
    // Generated from the schema committed beside this file, never from data a server sent.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const make = new Function(
      'c',
      'own',
      'num',
      `return function (m, t) { t.down(); const o = {};\n${body}\nt.up(); return o; };`,
    ) as (c: Compiled[], has: typeof own, toNumber: typeof num) => Convert;
    entry.convert = make(c, own, num);
    return entry;
  };
  const top = compile(root);
  return (message) => {
    const tally = new Tally(limits);
    const value = top.convert(message as Obj, tally) as Obj;
    return tally.over ? { value, over: tally.over } : { value };
  };
}
