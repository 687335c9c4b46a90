import { describe, expect, it } from 'vitest';
import { mergeReads, pickReads, type FieldReads } from './field-reads';

describe('read sets', () => {
  it('merge: a field read whole by either is read whole', () => {
    expect(mergeReads({ a: { b: true }, c: true }, { a: { d: true }, c: { e: true }, f: {} })).toEqual({
      a: { b: true, d: true },
      c: true,
      f: {},
    });
  });

  it('pick the fields they name from each element of a list, and nothing else', () => {
    const raw = { a: [{ b: 1, c: 2 }, { b: 3 }], d: { e: 'x' }, f: 'gone', constructor: 'own' };
    const reads: FieldReads = JSON.parse('{"a":{"b":true},"d":{},"constructor":true}') as FieldReads;
    expect(pickReads(raw, reads)).toEqual({
      a: [{ b: 1 }, { b: 3 }],
      d: {},
      constructor: 'own',
    });
    expect(pickReads({ toString: 'x' }, {})).toEqual({});
  });
});
