import protobuf from 'protobufjs';
import type { Type } from 'protobufjs';
import schema from './pod-schema.json';
import type { JsonBudgets } from '../../../parsing/json-items';
import type { FieldReads } from '../../../snapshot/project/field-reads';
import type { ProtobufListDecoder } from './protobuf-list';
import { pruneToReads } from './prune';
import { jsonConverter, type JsonRules } from './to-json';

/**
 * Pods as protobuf, the API server's own wire format: it costs the server about a quarter less to write a page than
 * JSON, and 27 % fewer bytes. The message types come from pod-schema.json (see scripts/gen-pod-wire.mjs), decoded
 * by protobufjs and turned into the objects their JSON would have given, so everything after the read is the same.
 */

/** What a scan sends as Accept for a list of pods: protobuf, or JSON from a server (or proxy) that has no protobuf. */
export const POD_LIST_ACCEPT = 'application/vnd.kubernetes.protobuf, application/json';

const RULES = schema.json as JsonRules;
const POD = 'k8s.io.api.core.v1.Pod';

interface Types {
  pod: Type;
  listMeta: Type;
  status: Type;
  unknown: Type;
  /** The JSON rules of these types, the cut-down copies of the read set included. */
  rules: JsonRules;
}

/**
 * The message types, built once for each read set: a Pod type cut down to the fields the projection reads
 * (prune.ts), so that protobufjs passes over the bytes of the rest instead of building objects only to drop them,
 * or the whole of it without one. Messages are built without protobufjs's constructors, which give every repeated
 * and map field its own empty array or object: a decoded Pod reads absent ones from its prototype instead, and a
 * 10,000-pod scan makes half the garbage.
 */
function buildTypes(reads: FieldReads | undefined): Types {
  const root = protobuf.Root.fromJSON(schema.protobuf);
  const all = (ns: protobuf.NamespaceBase): Type[] =>
    ns.nestedArray.flatMap((n) =>
      n instanceof protobuf.Type ? [n, ...all(n)] : n instanceof protobuf.Namespace ? all(n) : [],
    );
  const type = (name: string) => root.lookupType(name);
  const whole = type(POD);
  const pod = reads ? pruneToReads(whole, RULES, reads) : { type: whole, rules: RULES };
  for (const t of all(root)) t.ctor = function Message() {} as unknown as protobuf.Constructor<object>;
  return {
    pod: pod.type,
    listMeta: type('k8s.io.apimachinery.pkg.apis.meta.v1.ListMeta'),
    status: type('k8s.io.apimachinery.pkg.apis.meta.v1.Status'),
    unknown: type('k8s.io.apimachinery.pkg.runtime.Unknown'),
    rules: pod.rules,
  };
}

const built = new Map<FieldReads | undefined, Types>();
const typesFor = (reads: FieldReads | undefined): Types => {
  let types = built.get(reads);
  if (!types) {
    types = buildTypes(reads);
    built.set(reads, types);
  }
  return types;
};

export interface PodDecodeOptions {
  budgets: JsonBudgets;
  /** The fields the pods are read for; only these are decoded. Every field when absent. */
  reads?: FieldReads;
}

const decoders = new Map<FieldReads | undefined, Map<string, ProtobufListDecoder>>();

/** Decodes the items and metadata of a protobuf list of pods, within the budgets (one decoder per set of them). */
export function podListDecoder(options: PodDecodeOptions): ProtobufListDecoder {
  const { stringBytes, nodes, depth } = options.budgets;
  const key = `${stringBytes}/${nodes}/${depth}`;
  let byBudgets = decoders.get(options.reads);
  if (!byBudgets) {
    byBudgets = new Map();
    decoders.set(options.reads, byBudgets);
  }
  const known = byBudgets.get(key);
  if (known) return known;
  const limits = { stringBytes, nodes, depth };
  const types = typesFor(options.reads);
  const pod = jsonConverter(types.pod, types.rules, limits);
  const meta = jsonConverter(types.listMeta, types.rules, limits);
  const decoder: ProtobufListDecoder = {
    item: (bytes) => pod(types.pod.decode(bytes)),
    metadata: (bytes) => meta(types.listMeta.decode(bytes)).value,
  };
  byBudgets.set(key, decoder);
  return decoder;
}

let status: ((message: object) => { value: unknown }) | undefined;

/**
 * The Status a protobuf error answer holds, as its JSON text (what statusMessage reads), or undefined when the
 * bytes are not one.
 */
export function statusJson(body: Buffer): string | undefined {
  try {
    if (body.length < 4 || body.toString('latin1', 0, 4) !== 'k8s\0') return undefined;
    const types = typesFor(undefined);
    status ??= jsonConverter(types.status, types.rules, { stringBytes: 64 * 1024, nodes: 10_000, depth: 32 });
    const raw = (types.unknown.decode(body.subarray(4)) as { raw?: Uint8Array }).raw;
    return raw && raw.length > 0 ? JSON.stringify(status(types.status.decode(raw)).value) : undefined;
  } catch {
    return undefined;
  }
}
