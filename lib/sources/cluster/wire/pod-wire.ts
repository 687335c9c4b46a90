import protobuf from 'protobufjs';
import type { INamespace, Type } from 'protobufjs';
import schema from './pod-schema.json';
import type { JsonBudgets } from '../../../parsing/json-items';
import type { ProtobufListDecoder } from './protobuf-list';
import { jsonConverter, type JsonRules } from './to-json';

/**
 * Pods as protobuf, the API server's own wire format: it costs the server about a quarter less to write a page than
 * JSON, and 27 % fewer bytes. The message types come from pod-schema.json (see scripts/gen-pod-wire.mjs), decoded
 * by protobufjs and turned into the objects their JSON would have given, so everything after the read is the same.
 */

/** What a scan sends as Accept for a list of pods: protobuf, or JSON from a server (or proxy) that has no protobuf. */
export const POD_LIST_ACCEPT = 'application/vnd.kubernetes.protobuf, application/json';

const rules = schema.json as JsonRules;
const OBJECT_META = ['k8s', 'io', 'apimachinery', 'pkg', 'apis', 'meta', 'v1', 'ObjectMeta'];

interface Types {
  pod: Type;
  listMeta: Type;
  status: Type;
  unknown: Type;
}

/**
 * The message types, built once each way: with metadata.managedFields, or without them, so that a list whose
 * projection never reads them passes over their bytes (protobufjs skips a field its type does not know) instead of
 * building objects only to drop them. Messages are built without protobufjs's constructors, which give every repeated
 * and map field its own empty array or object: a decoded Pod reads absent ones from its prototype instead, and a
 * 10,000-pod scan makes half the garbage.
 */
function buildTypes(withManagedFields: boolean): Types {
  const descriptor = structuredClone(schema.protobuf) as INamespace;
  if (!withManagedFields) {
    let node: INamespace | undefined = descriptor;
    for (const part of OBJECT_META) node = node?.nested?.[part];
    const fields = (node as { fields?: Record<string, unknown> } | undefined)?.fields;
    if (!fields?.managedFields) throw new Error('pod-schema.json: ObjectMeta has no managedFields');
    delete fields.managedFields;
  }
  const root = protobuf.Root.fromJSON(descriptor);
  const all = (ns: protobuf.NamespaceBase): Type[] =>
    ns.nestedArray.flatMap((n) =>
      n instanceof protobuf.Type ? [n, ...all(n)] : n instanceof protobuf.Namespace ? all(n) : [],
    );
  for (const t of all(root)) t.ctor = function Message() {} as unknown as protobuf.Constructor<object>;
  const type = (name: string) => root.lookupType(name);
  return {
    pod: type('k8s.io.api.core.v1.Pod'),
    listMeta: type('k8s.io.apimachinery.pkg.apis.meta.v1.ListMeta'),
    status: type('k8s.io.apimachinery.pkg.apis.meta.v1.Status'),
    unknown: type('k8s.io.apimachinery.pkg.runtime.Unknown'),
  };
}

const built = new Map<boolean, Types>();
const typesWith = (managedFields: boolean): Types => {
  let types = built.get(managedFields);
  if (!types) {
    types = buildTypes(managedFields);
    built.set(managedFields, types);
  }
  return types;
};

export interface PodDecodeOptions {
  budgets: JsonBudgets;
  dropManagedFields: boolean;
}

const decoders = new Map<string, ProtobufListDecoder>();

/** Decodes the items and metadata of a protobuf list of pods, within the budgets (one decoder per set of them). */
export function podListDecoder(options: PodDecodeOptions): ProtobufListDecoder {
  const { stringBytes, nodes, depth } = options.budgets;
  const key = `${stringBytes}/${nodes}/${depth}/${options.dropManagedFields}`;
  const known = decoders.get(key);
  if (known) return known;
  const limits = { stringBytes, nodes, depth, dropManagedFields: options.dropManagedFields };
  const types = typesWith(!options.dropManagedFields);
  const pod = jsonConverter(types.pod, rules, limits);
  const meta = jsonConverter(types.listMeta, rules, limits);
  const decoder: ProtobufListDecoder = {
    item: (bytes) => pod(types.pod.decode(bytes)),
    metadata: (bytes) => meta(types.listMeta.decode(bytes)).value,
  };
  decoders.set(key, decoder);
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
    const types = typesWith(false);
    status ??= jsonConverter(types.status, rules, {
      stringBytes: 64 * 1024,
      nodes: 10_000,
      depth: 32,
      dropManagedFields: true,
    });
    const raw = (types.unknown.decode(body.subarray(4)) as { raw?: Uint8Array }).raw;
    return raw && raw.length > 0 ? JSON.stringify(status(types.status.decode(raw)).value) : undefined;
  } catch {
    return undefined;
  }
}
