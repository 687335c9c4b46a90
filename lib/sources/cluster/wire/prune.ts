import protobuf from 'protobufjs';
import type { Type } from 'protobufjs';
import type { FieldReads } from '../../../snapshot/project/field-reads';
import type { JsonRules } from './to-json';

/**
 * Cuts message types down to the fields a projection reads (lib/snapshot/project/field-reads.ts). protobufjs passes
 * over the bytes of a field its type does not know, so what nothing reads (a pod's status beyond its phase, resource
 * requests, probe timings, managed fields) is never built into objects, converted to JSON, nor collected as
 * garbage.
 *
 * Each place a type is read from gets its own cut-down copy, next to the type and named after it: a pod's metadata
 * loses its managed fields while the ObjectMeta of an ephemeral volume's claim template, inside a volume read
 * whole, keeps every field. The types themselves are left as they were. Names a type does not have are passed
 * over: a read set also names fields of newer Kubernetes versions, which a server the types fit never sends.
 */

export interface Pruned {
  /** The type to decode with in place of the root. */
  type: Type;
  /** The JSON rules of every type, the copies included. */
  rules: JsonRules;
}

const messageType = (field: protobuf.Field): Type | undefined => {
  field.resolve();
  const t = field.resolvedType;
  return t && 'fieldsArray' in t ? t : undefined;
};

/**
 * The copy of `root` that holds only what `reads` names, with the JSON rules of it and of the copies under it. The
 * copies are added to the types' own namespaces; throws when a read set reads a map or a scalar field by field.
 */
export function pruneToReads(root: Type, rules: JsonRules, reads: FieldReads): Pruned {
  const out: JsonRules = { ...rules };
  const copies = new Map<string, Type>();
  let made = 0;

  const prune = (type: Type, reads: FieldReads): Type => {
    const name = type.fullName.slice(1);
    const rule = rules[name];
    // Without rules the type has a JSON form of its own (a time, a quantity): always read whole.
    if (!rule) return type;
    const memo = `${name} ${JSON.stringify(reads)}`;
    const known = copies.get(memo);
    if (known) return known;
    const parent = type.parent;
    if (!parent) throw new Error(`${name} has no namespace`);
    let copyName: string;
    do copyName = `${type.name}_read${(made += 1)}`;
    while (parent.get(copyName) !== null);
    const copy = protobuf.Type.fromJSON(copyName, type.toJSON());
    parent.add(copy);
    copies.set(memo, copy);

    const kept = rule.fields.filter((f) => f.inline === true || Object.hasOwn(reads, f.json ?? f.proto));
    const numbers = new Set(kept.map((f) => f.number));
    for (const field of [...copy.fieldsArray]) if (!numbers.has(field.id)) copy.remove(field);
    for (const field of kept) {
      const json = field.json ?? field.proto;
      // An inlined struct's fields sit in the same JSON object as its parent's.
      const read = field.inline === true ? reads : reads[json];
      if (read === undefined || read === true) continue;
      if (field.kind === 'map') throw new Error(`${type.name}.${json} is a map: a read set reads it whole (true)`);
      const original = type.fieldsById[field.number];
      const child = original && messageType(original);
      if (!child) throw new Error(`${type.name}.${json} holds no fields: a read set reads it whole (true)`);
      const narrowed = prune(child, read);
      const own = copy.fieldsById[field.number];
      if (!own) continue;
      copy.remove(own);
      copy.add(new protobuf.Field(own.name, own.id, narrowed.fullName, own.rule, undefined, own.options));
    }
    out[copy.fullName.slice(1)] = { fields: kept };
    return copy;
  };

  return { type: prune(root, reads), rules: out };
}
