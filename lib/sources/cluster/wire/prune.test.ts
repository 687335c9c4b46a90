import protobuf from 'protobufjs';
import type { Type } from 'protobufjs';
import { describe, expect, it } from 'vitest';
import schema from './pod-schema.json';
import type { FieldReads } from '../../../snapshot/project/field-reads';
import { pruneToReads } from './prune';
import type { JsonRules } from './to-json';

const RULES = schema.json as JsonRules;
const fresh = () => protobuf.Root.fromJSON(schema.protobuf);

/** The message type a field of `t` holds. */
function at(t: Type, ...path: string[]): Type {
  let current = t;
  for (const name of path) {
    const field = current.fields[name];
    if (!field) throw new Error(`${current.name} has no field ${name}`);
    field.resolve();
    current = field.resolvedType as Type;
  }
  return current;
}

const names = (t: Type) => t.fieldsArray.map((f) => f.name).sort();

describe('pruning message types to a read set', () => {
  it('keeps only the fields read, in a copy for each place, and leaves the types themselves whole', () => {
    const root = fresh();
    const pod = root.lookupType('k8s.io.api.core.v1.Pod');
    const { type, rules } = pruneToReads(pod, RULES, {
      metadata: { name: true, ownerReferences: { uid: true } },
      spec: { volumes: true, containers: { name: true, appArmorProfile: { type: true } } },
    });
    expect(names(type)).toEqual(['metadata', 'spec']);
    expect(names(at(type, 'metadata'))).toEqual(['name', 'ownerReferences']);
    expect(names(at(type, 'metadata', 'ownerReferences'))).toEqual(['uid']);
    // A field of a newer Kubernetes (appArmorProfile) is passed over.
    expect(names(at(type, 'spec', 'containers'))).toEqual(['name']);
    // Volumes are read whole: the ObjectMeta of an ephemeral volume's claim template keeps every field.
    const claimMeta = at(type, 'spec', 'volumes', 'volumeSource', 'ephemeral', 'volumeClaimTemplate', 'metadata');
    expect(claimMeta.fields.managedFields).toBeDefined();
    expect(names(pod)).toEqual(['metadata', 'spec', 'status']);
    expect(pod.lookupType('k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta').fields.managedFields).toBeDefined();
    // The rules of each copy list its fields, in JSON order.
    const metaRule = rules[at(type, 'metadata').fullName.slice(1)];
    expect(metaRule?.fields.map((f) => f.json)).toEqual(['name', 'ownerReferences']);
  });

  it('gives one copy to one read set met twice, and keeps inlined structs', () => {
    const root = fresh();
    const probe: FieldReads = { exec: { command: true } };
    const { type } = pruneToReads(root.lookupType('k8s.io.api.core.v1.Container'), RULES, {
      livenessProbe: probe,
      readinessProbe: probe,
    });
    expect(at(type, 'livenessProbe')).toBe(at(type, 'readinessProbe'));
    // Probe's handler is inlined in Go: its fields sit in the probe's own JSON object.
    expect(names(at(type, 'livenessProbe'))).toEqual(['handler']);
    expect(names(at(type, 'livenessProbe', 'handler'))).toEqual(['exec']);
  });

  it('refuses a map or a scalar read field by field: they are read whole', () => {
    const root = fresh();
    expect(() =>
      pruneToReads(root.lookupType('k8s.io.api.core.v1.Pod'), RULES, { metadata: { labels: { app: true } } }),
    ).toThrow(/labels is a map/);
    expect(() =>
      pruneToReads(root.lookupType('k8s.io.api.core.v1.Pod'), RULES, { metadata: { name: { first: true } } }),
    ).toThrow(/name holds no fields/);
  });
});
