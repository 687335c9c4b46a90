import protobuf from 'protobufjs';
import schema from './pod-schema.json';

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
