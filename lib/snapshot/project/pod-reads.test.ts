import { describe, expect, it } from 'vitest';
import { everyFieldPod } from '../../sources/cluster/wire/testing';
import type { FieldReads } from './field-reads';
import { pickReads } from './testing';
import { POD_READS, projectPod } from './pod';

/** Wraps raw JSON so that every property a reader touches is recorded as a path: `[]` for any element, `*` for keys. */
function recorded(raw: unknown): { value: unknown; paths: Set<string> } {
  const paths = new Set<string>();
  const wrap = (v: unknown, path: readonly string[]): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    const list = Array.isArray(v);
    return new Proxy(v, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof key === 'symbol') return value;
        if (list) return /^\d+$/.test(key) ? wrap(value, [...path, '[]']) : value;
        paths.add([...path, key].join('.'));
        return wrap(value, [...path, key]);
      },
      has(target, key) {
        if (typeof key === 'string' && !list) paths.add([...path, key].join('.'));
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        if (!list) paths.add([...path, '*'].join('.'));
        return Reflect.ownKeys(target);
      },
    });
  };
  return { value: wrap(raw, []), paths };
}

/** True when a read set covers a recorded path: a whole value covers everything under it. */
function covers(reads: FieldReads, path: string): boolean {
  let at: true | FieldReads = reads;
  for (const segment of path.split('.')) {
    if (at === true) return true;
    if (segment === '[]') continue;
    if (segment === '*') return false;
    const next: true | FieldReads | undefined = Object.hasOwn(at, segment) ? at[segment] : undefined;
    if (next === undefined) return false;
    at = next;
  }
  return true;
}

/** The same value without any property named `key`, at any depth. */
function without(raw: unknown, key: string): unknown {
  if (Array.isArray(raw)) return raw.map((v) => without(v, key));
  if (typeof raw !== 'object' || raw === null) return raw;
  return Object.fromEntries(Object.entries(raw).flatMap(([k, v]) => (k === key ? [] : [[k, without(v, key)]])));
}

// Pods with every field of the 1.24 types set, with text that reads as a Docker socket (so env and args are kept)
// and without; then with the probe handlers taken away one by one, since a probe is read by its first handler.
const handlers = ['exec', 'httpGet', 'tcpSocket'];
const pods = ['unix:///var/run/docker.sock', 'x'].flatMap((text) => {
  const full: unknown = everyFieldPod(text);
  return handlers.map((_, n) => handlers.slice(0, n).reduce((pod, key) => without(pod, key), full));
});

describe('the fields the pod projection reads (POD_READS)', () => {
  it('name every field projectPod touches, whatever the pod holds', () => {
    for (const pod of pods) {
      const { value, paths } = recorded(pod);
      projectPod(value);
      expect(paths.size).toBeGreaterThan(40);
      expect([...paths].filter((p) => !covers(POD_READS, p))).toEqual([]);
    }
  });

  it('are enough: a pod cut down to them projects exactly as the whole pod does', () => {
    for (const pod of pods) expect(projectPod(pickReads(pod, POD_READS))).toEqual(projectPod(pod));
  });

  it('would be caught missing a field', () => {
    // The check above is not vacuous: drop what the projection reads of a container and it fails.
    const spec = POD_READS.spec as FieldReads;
    const lacking: FieldReads = { ...POD_READS, spec: { ...spec, containers: { name: true } } };
    const { value, paths } = recorded(pods[0]);
    projectPod(value);
    expect([...paths].filter((p) => !covers(lacking, p))).toContain('spec.containers.[].image');
    expect(projectPod(pickReads(pods[0], lacking))).not.toEqual(projectPod(pods[0]));
  });
});
