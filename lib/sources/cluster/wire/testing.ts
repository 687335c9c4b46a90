import protobuf from 'protobufjs';
import schema from './pod-schema.json';
import type { JsonRules } from './to-json';

/**
 * Writes protobuf answers the way kube-apiserver does, for tests: messages given in their .proto shape (proto field
 * names, `{ seconds }` times, `{ type, intVal, strVal }` int-or-strings), encoded by protobufjs.
 */
const root = protobuf.Root.fromJSON(schema.protobuf);
const type = (name: string) => root.lookupType(name);
const encode = (name: string, value: object): Uint8Array => {
  const t = type(name);
  return t.encode(t.fromObject(value)).finish();
};

/** A protobuf LIST answer of pods: the `k8s\0` prefix, then a runtime.Unknown holding the PodList. */
export function podListAnswer(list: { metadata?: object; items: object[] }): Buffer {
  return wrapped(encode('k8s.io.api.core.v1.PodList', list), 'PodList');
}

/** An answer holding these bytes as its message, whatever they are. */
export function wrapped(raw: Uint8Array, kind = 'PodList'): Buffer {
  const unknown = encode('k8s.io.apimachinery.pkg.runtime.Unknown', {
    typeMeta: { apiVersion: 'v1', kind },
    raw,
    contentType: '',
  });
  return Buffer.concat([Buffer.from('k8s\0', 'latin1'), unknown]);
}

/** A protobuf error answer: a Status in a runtime.Unknown. */
export function statusAnswer(status: object): Buffer {
  return wrapped(encode('k8s.io.apimachinery.pkg.apis.meta.v1.Status', status), 'Status');
}

const SAMPLE_SPECIAL: Record<string, unknown> = {
  'k8s.io.apimachinery.pkg.apis.meta.v1.Time': '2024-01-01T00:00:00Z',
  'k8s.io.apimachinery.pkg.api.resource.Quantity': '1',
  'k8s.io.apimachinery.pkg.util.intstr.IntOrString': 8080,
  'k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1': { 'f:metadata': {} },
};

/**
 * A pod in its JSON shape with every field of the 1.24 types set (every list and map with one entry, every string
 * `text`, every number 1, every bool true), for tests that must see what a projection reads of any field.
 */
export function everyFieldPod(text: string): Record<string, unknown> {
  const rules = schema.json as JsonRules;
  const fill = (t: protobuf.Type, into: Record<string, unknown>): Record<string, unknown> => {
    for (const field of rules[t.fullName.slice(1)]?.fields ?? []) {
      const proto = t.fieldsById[field.number];
      if (!proto) continue;
      proto.resolve();
      const child = proto.resolvedType && 'fieldsArray' in proto.resolvedType ? proto.resolvedType : undefined;
      if (field.inline && child) {
        fill(child, into);
        continue;
      }
      const one = (): unknown => {
        if (child) return SAMPLE_SPECIAL[child.fullName.slice(1)] ?? fill(child, {});
        if (proto.type === 'string') return text;
        if (proto.type === 'bool') return true;
        if (proto.type === 'bytes') return Buffer.from(text).toString('base64');
        return 1;
      };
      const value = field.kind === 'slice' ? [one()] : field.kind === 'map' ? { [`key-${text}`]: one() } : one();
      into[field.json ?? field.proto] = value;
    }
    return into;
  };
  return fill(type('k8s.io.api.core.v1.Pod'), {});
}
