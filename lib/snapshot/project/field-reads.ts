/**
 * Which fields of a raw object a projection reads, by their JSON names: `true` for a whole value (everything under
 * it), or the fields read inside it (inside each element, for a list; a map is always read whole). `{}` reads an
 * object for its presence alone. A list read as protobuf decodes only these (lib/sources/cluster/wire/prune.ts), so
 * a projector that starts reading a new field names it in its read set, beside the code that reads it; the tests
 * in pod-reads.test.ts fail when it does not.
 */
export type FieldReads = { readonly [json: string]: true | FieldReads };
