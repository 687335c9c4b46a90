import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGETS } from '../../../model/budgets';
import type { JsonBudgets } from '../../../parsing/json-items';
import type { FieldReads } from '../../../snapshot/project/field-reads';
import { pickReads } from '../../../snapshot/project/testing';
import { POD_READS, projectPod } from '../../../snapshot/project/pod';
import { podListDecoder, statusJson } from './pod-wire';
import { ProtobufListStream, ProtobufStreamError } from './protobuf-list';
import { podListAnswer, statusAnswer, wrapped } from './testing';

const T = 1_700_000_000; // 2023-11-14T22:13:20Z

/** A pod in its .proto shape, and below the object kube-apiserver's JSON for it parses to. */
const protoPod = {
  metadata: {
    name: 'web-1',
    namespace: 'team-a',
    uid: 'u1',
    resourceVersion: '7',
    creationTimestamp: { seconds: T },
    labels: { app: 'web' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'r1', controller: true }],
    managedFields: [
      {
        manager: 'kubectl',
        operation: 'Update',
        apiVersion: 'v1',
        time: { seconds: T },
        fieldsType: 'FieldsV1',
        fieldsV1: { Raw: Buffer.from('{"f:metadata":{}}') },
      },
    ],
  },
  spec: {
    volumes: [{ name: 'tmp', volumeSource: { emptyDir: { medium: 'Memory', sizeLimit: { string: '64Mi' } } } }],
    containers: [
      {
        name: 'app',
        image: 'nginx:1.25',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        resources: { limits: { cpu: { string: '500m' } } },
        livenessProbe: { handler: { httpGet: { path: '/healthz', port: { type: 0, intVal: 8080 } } } },
        readinessProbe: { handler: { httpGet: { port: { type: 1, strVal: 'http' } } } },
        securityContext: { runAsUser: 1000, privileged: false },
      },
    ],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 0,
    automountServiceAccountToken: false,
    hostNetwork: false,
    enableServiceLinks: false,
  },
  status: { phase: 'Running' },
};

const jsonPod = {
  metadata: {
    name: 'web-1',
    namespace: 'team-a',
    uid: 'u1',
    resourceVersion: '7',
    creationTimestamp: '2023-11-14T22:13:20Z',
    labels: { app: 'web' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'r1', controller: true }],
    managedFields: [
      {
        manager: 'kubectl',
        operation: 'Update',
        apiVersion: 'v1',
        time: '2023-11-14T22:13:20Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:metadata': {} },
      },
    ],
  },
  spec: {
    volumes: [{ name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } }],
    containers: [
      {
        name: 'app',
        image: 'nginx:1.25',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        resources: { limits: { cpu: '500m' } },
        livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
        readinessProbe: { httpGet: { port: 'http' } },
        securityContext: { privileged: false, runAsUser: 1000 },
      },
    ],
    restartPolicy: 'Always',
    // Pointers set to zero values stay; a plain bool at false (hostNetwork) is left out, as omitempty says.
    terminationGracePeriodSeconds: 0,
    automountServiceAccountToken: false,
    enableServiceLinks: false,
  },
  status: { phase: 'Running' },
};

interface Read {
  items: unknown[];
  skipped: string[];
  metadata: unknown;
}

function read(answer: Buffer, chunk: number, budgets: JsonBudgets = DEFAULT_BUDGETS, reads?: FieldReads): Read {
  const out: Read = { items: [], skipped: [], metadata: undefined };
  const stream = new ProtobufListStream(budgets, podListDecoder({ budgets, ...(reads ? { reads } : {}) }), {
    item: (v) => out.items.push(v),
    skipped: (_, reason) => out.skipped.push(reason),
    field: (name, value) => {
      if (name === 'metadata') out.metadata = value;
    },
  });
  for (let i = 0; i < answer.length; i += chunk) stream.write(answer.subarray(i, i + chunk));
  stream.end();
  return out;
}

describe('a protobuf list of pods', () => {
  const answer = podListAnswer({
    metadata: { resourceVersion: '42', continue: 'next-page', remainingItemCount: 3 },
    items: [protoPod, { metadata: { name: 'bare' }, spec: {} }],
  });

  it('becomes the objects its JSON would have parsed to, in every chunking', () => {
    for (const chunk of [1, 2, 3, 5, 8, 13, 64, 1000, answer.length]) {
      const { items, skipped, metadata } = read(answer, chunk);
      expect(skipped).toEqual([]);
      expect(metadata).toEqual({ resourceVersion: '42', continue: 'next-page', remainingItemCount: 3 });
      expect(items).toEqual([
        jsonPod,
        // Absent non-omitempty fields as encoding/json writes them: a nil slice and the zero time are null, and a
        // struct is never left out.
        { metadata: { name: 'bare', creationTimestamp: null }, spec: { containers: null }, status: {} },
      ]);
    }
  });

  it('keeps the JSON order of the Go fields, not the numbering of the .proto', () => {
    const [pod] = read(answer, 64).items as (typeof jsonPod)[];
    expect(Object.keys(pod?.metadata.ownerReferences[0] ?? {})).toEqual([
      'apiVersion',
      'kind',
      'name',
      'uid',
      'controller',
    ]);
    expect(Object.keys(pod?.metadata ?? {})).toEqual(Object.keys(jsonPod.metadata));
  });

  it('decodes only the fields a read set names, in every chunking', () => {
    const reads: FieldReads = {
      metadata: { name: true, labels: true },
      spec: { containers: { name: true, ports: { hostPort: true }, livenessProbe: { httpGet: {} } } },
    };
    for (const chunk of [1, 7, 64, answer.length]) {
      const [pod, bare] = read(answer, chunk, DEFAULT_BUDGETS, reads).items;
      expect(pod).toEqual({
        metadata: { name: 'web-1', labels: { app: 'web' } },
        // A message read for its presence alone stays an (empty) object; a struct is never left out.
        spec: { containers: [{ name: 'app', ports: [{}], livenessProbe: { httpGet: {} } }] },
      });
      expect(pod).toEqual(pickReads(jsonPod, reads));
      expect(bare).toEqual({ metadata: { name: 'bare' }, spec: { containers: null } });
    }
  });

  it('decodes what the pod projection reads, and nothing of what it does not (managedFields, resources, status)', () => {
    const [pod] = read(answer, 64, DEFAULT_BUDGETS, POD_READS).items;
    expect(pod).toEqual(pickReads(jsonPod, POD_READS));
    expect(JSON.stringify(pod)).not.toMatch(/managedFields|resources|restartPolicy|resourceVersion/);
    expect(projectPod(pod)).toEqual(projectPod(jsonPod));
  });

  it('skips an item over a budget, says which, and reads on', () => {
    const big = { metadata: { name: 'big', labels: { blob: 'x'.repeat(600) } }, spec: {} };
    const list = podListAnswer({ items: [big, protoPod] });
    const small = (b: Partial<JsonBudgets>) => read(list, 7, { ...DEFAULT_BUDGETS, ...b });
    const bytes = small({ objectBytes: 500 });
    expect(bytes.skipped).toEqual([expect.stringMatching(/^larger than 500 bytes \(RELEASE_LENS_MAX_OBJECT_BYTES\)$/)]);
    expect(bytes.items).toEqual([jsonPod]);
    const strings = small({ stringBytes: 100 });
    expect(strings.skipped).toEqual([expect.stringMatching(/^holds a string longer than 100 bytes/)]);
    expect(strings.items).toHaveLength(1);
    const deep = small({ depth: 4 });
    expect(deep.skipped).toEqual([expect.stringMatching(/^nested deeper than 4 \(RELEASE_LENS_MAX_DEPTH\) levels$/)]);
    expect(read(list, 7, { ...DEFAULT_BUDGETS, depth: 6 }).skipped).toEqual([]);
    const values = small({ nodes: 5 });
    expect(values.skipped).toHaveLength(2);
    expect(values.skipped[0]).toMatch(/^holds more than 5 \(RELEASE_LENS_MAX_NODES\) values$/);
  });

  it('refuses an answer that is cut short, does not start as one, or holds an undecodable item', () => {
    expect(() => read(answer.subarray(0, answer.length - 1), 64)).toThrow(ProtobufStreamError);
    expect(() => read(Buffer.from('{"kind":"PodList"}'), 64)).toThrow(/does not start with k8s/);
    expect(() => read(Buffer.alloc(0), 64)).toThrow(/empty/);
    // An item whose metadata says 5 bytes and holds 1: protobufjs cannot decode it.
    const corrupt = wrapped(Uint8Array.from([0x12, 0x03, 0x0a, 0x05, 0x41]));
    expect(() => read(corrupt, 64)).toThrow(/could not be decoded/);
    // A list whose item runs past the list's own end.
    expect(() => read(wrapped(Uint8Array.from([0x12, 0x09, 0x0a])), 64)).toThrow(ProtobufStreamError);
  });
});

describe('a protobuf error answer', () => {
  it('gives its Status as JSON, for the message a person reads', () => {
    const body = statusAnswer({ status: 'Failure', message: 'pods is forbidden', reason: 'Forbidden', code: 403 });
    expect(JSON.parse(statusJson(body) ?? '')).toMatchObject({ message: 'pods is forbidden', code: 403 });
    expect(statusJson(Buffer.from('not protobuf'))).toBeUndefined();
  });
});
