import { describe, expect, it } from 'vitest';
import type { FieldReads } from './field-reads';
import { pickReads } from './testing';

describe('read sets', () => {
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
