import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGETS } from '../model/budgets';
import {
  JsonItemStream,
  JsonStreamError,
  type JsonBudgets,
  type JsonItemOptions,
  type JsonTopLevel,
} from './json-items';

interface Read {
  items: unknown[];
  skipped: [number, string][];
  top: JsonTopLevel;
}

/** Feeds `text` in chunks of `size` bytes (the last may be shorter). */
function read(
  text: string | Buffer,
  size = 7,
  budgets: JsonBudgets = DEFAULT_BUDGETS,
  options: JsonItemOptions = {},
): Read {
  const items: unknown[] = [];
  const skipped: [number, string][] = [];
  const stream = new JsonItemStream(
    budgets,
    {
      item: (v) => items.push(v),
      skipped: (i, reason) => skipped.push([i, reason]),
    },
    options,
  );
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) stream.write(bytes.subarray(i, i + size));
  return { items, skipped, top: stream.end() };
}

function failure(text: string, size = 5): JsonStreamError {
  try {
    read(text, size);
  } catch (e) {
    if (e instanceof JsonStreamError) return e;
    throw e;
  }
  throw new Error('expected a JsonStreamError');
}

/** A small deterministic generator, so a failing case can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function value(next: () => number, depth: number): unknown {
  const r = next();
  if (depth > 4 || r < 0.3) {
    const pick = Math.floor(next() * 6);
    return [
      'plain',
      'quote " slash \\ newline \n tab \t unicode é ✓ 😀 \u0001',
      Math.floor(next() * 1e6) - 5e5,
      next() < 0.5,
      null,
      1.5e-7,
    ][pick];
  }
  if (r < 0.65) return Array.from({ length: Math.floor(next() * 4) }, () => value(next, depth + 1));
  const o: Record<string, unknown> = {};
  for (let k = 0; k < Math.floor(next() * 5); k += 1) o[`k${k}${next() < 0.2 ? '"\\{[' : ''}`] = value(next, depth + 1);
  return o;
}

describe('JsonItemStream', () => {
  it('hands over the same items and fields as JSON.parse, whatever the chunking and layout', () => {
    for (let seed = 1; seed <= 60; seed += 1) {
      const next = random(seed);
      const list = {
        apiVersion: 'v1',
        items: Array.from({ length: Math.floor(next() * 8) }, () => ({ kind: 'X', spec: value(next, 0) })),
        kind: 'List',
        metadata: { continue: next() < 0.5 ? 'token"with{braces' : '', resourceVersion: '12' },
      };
      const text = JSON.stringify(list, null, seed % 3 === 0 ? undefined : seed % 3);
      const size = 1 + Math.floor(next() * 40);
      const got = read(text, size);
      expect(got.items, `seed ${seed}`).toEqual(list.items);
      expect(got.top.fields).toEqual({ apiVersion: 'v1', kind: 'List', metadata: list.metadata });
      expect(got.top.list).toBe(true);
      expect(got.top.items).toBe(list.items.length);
    }
  });

  it('leaves out metadata.managedFields when asked, and nothing else, whatever the layout', () => {
    for (let seed = 1; seed <= 60; seed += 1) {
      const next = random(seed);
      const managed = () => [{ manager: 'kubectl "x" ]}', fieldsV1: value(next, 0) }, { manager: 'kubelet' }];
      const item = () => ({
        kind: 'Pod',
        metadata: {
          name: 'p',
          ...(next() < 0.8 ? { managedFields: managed() } : {}),
          // The same name elsewhere is kept: deeper, in a string, or with a value that is not an array.
          labels: { managedFields: 'x', '"managedFields":[': '[' },
          ...(next() < 0.3 ? { last: true } : {}),
        },
        spec: { nested: { managedFields: [1, 2] }, value: value(next, 0) },
      });
      const items = Array.from({ length: 1 + Math.floor(next() * 6) }, item);
      const text = JSON.stringify({ kind: 'PodList', items }, null, seed % 3 === 0 ? undefined : seed % 3);
      const size = 1 + Math.floor(next() * 60);
      const expected = items.map((i) =>
        'managedFields' in i.metadata ? { ...i, metadata: { ...i.metadata, managedFields: [] } } : i,
      );
      // In one chunk every one is dropped; a key cut by a chunk boundary is kept whole instead (never half).
      expect(read(text, text.length, DEFAULT_BUDGETS, { dropManagedFields: true }).items).toEqual(expected);
      const got = read(text, size, DEFAULT_BUDGETS, { dropManagedFields: true });
      expect(got.items).toHaveLength(items.length);
      got.items.forEach((g, k) => expect([expected[k], items[k]], `seed ${seed}, chunks of ${size}`).toContainEqual(g));
      expect(read(text, size).items, `seed ${seed}, kept`).toEqual(items);
    }
    // A value that is not an array is read as it is.
    const odd = '{"items":[{"metadata":{"managedFields":null,"name":"a"}},{"metadata":{"managedFields":{"a":1}}}]}';
    expect(read(odd, 5, DEFAULT_BUDGETS, { dropManagedFields: true }).items).toEqual([
      { metadata: { managedFields: null, name: 'a' } },
      { metadata: { managedFields: { a: 1 } } },
    ]);
  });

  it('still counts the bytes of dropped managedFields against the budgets', () => {
    const budgets = { ...DEFAULT_BUDGETS, objectBytes: 200 };
    const big = { metadata: { name: 'big', managedFields: [{ manager: 'x'.repeat(300) }] } };
    const doc = JSON.stringify({ items: [big, { metadata: { name: 'small', managedFields: [] } }] });
    const got = read(doc, 16, budgets, { dropManagedFields: true });
    expect(got.items).toEqual([{ metadata: { name: 'small', managedFields: [] } }]);
    expect(got.skipped).toEqual([[0, expect.stringContaining('larger than') as string]]);
  });

  it('reads a single object into its fields, and a list whose kind comes after its items', () => {
    expect(read('{"kind":"Pod","metadata":{"name":"a"},"n":-1.5e3,"t":true}').top).toEqual({
      fields: { kind: 'Pod', metadata: { name: 'a' }, n: -1500, t: true },
      skippedFields: {},
      list: false,
      items: 0,
    });
    const r = read('\uFEFF{"items":[{"a":1}, {"b":[2]}],"kind":"PodList"}', 1);
    expect(r.items).toEqual([{ a: 1 }, { b: [2] }]);
    expect(r.top.fields.kind).toBe('PodList');
  });

  it('skips an item over a budget, says why, and reads the rest', () => {
    const budgets = { objectBytes: 100, depth: 5, stringBytes: 20, nodes: 1000 };
    const doc = JSON.stringify({
      items: [
        { ok: 1 },
        { big: 'x'.repeat(15).repeat(10) },
        { deep: [[[[[[1]]]]]] },
        { long: 'y'.repeat(25) },
        { ok: 2 },
      ],
    });
    const r = read(doc, 3, budgets);
    expect(r.items).toEqual([{ ok: 1 }, { ok: 2 }]);
    expect(r.skipped).toEqual([
      [1, 'holds a string longer than 20 bytes (RELEASE_LENS_MAX_STRING_BYTES)'],
      [2, 'nested deeper than 5 (RELEASE_LENS_MAX_DEPTH) levels'],
      [3, 'holds a string longer than 20 bytes (RELEASE_LENS_MAX_STRING_BYTES)'],
    ]);
    const sized = read(JSON.stringify({ items: [{ a: 'z'.repeat(15) }, { b: Array(60).fill(1) }] }), 4, budgets);
    expect(sized.skipped).toEqual([[1, 'larger than 100 bytes (RELEASE_LENS_MAX_OBJECT_BYTES)']]);
  });

  it('skips an item with more values than the budget', () => {
    const r = read(JSON.stringify({ items: [{ a: [1, 2, 3] }, { b: Array(50).fill(0) }] }), 9, {
      ...DEFAULT_BUDGETS,
      nodes: 20,
    });
    expect(r.items).toEqual([{ a: [1, 2, 3] }]);
    expect(r.skipped).toEqual([[1, 'holds more than 20 (RELEASE_LENS_MAX_NODES) values']]);
  });

  it('counts escaped quotes and backslashes inside strings correctly', () => {
    const s = '\\"'.repeat(2000) + '\\\\' + '"}{]['.repeat(100);
    const r = read(JSON.stringify({ items: [{ s }, { t: 1 }] }), 13);
    expect(r.items).toEqual([{ s }, { t: 1 }]);
  });

  it('says where a document stops being JSON', () => {
    expect(failure('{"items":[{"a":1},\n  {"b":}]}').message).toMatch(/line 2, column 8/);
    expect(failure('{"items":[1 2]}').message).toMatch(/expected ',' or '\]' but found '2' at line 1, column 13/);
    expect(failure('{"items":[{"a":1}').message).toMatch(/ends before its last value is closed/);
    expect(failure('{"a":1} x').message).toMatch(/unexpected data after the end of the document at line 1, column 9/);
    expect(failure('[{"a":1}]').message).toMatch(/a JSON array, not an object/);
    expect(failure('   ').message).toMatch(/the document is empty/);
    expect(failure('{"a" 1}').message).toMatch(/expected ':'/);
  });
});
