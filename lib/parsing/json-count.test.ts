import { describe, expect, it } from 'vitest';
import { countJsonValues } from './json-count';

describe('countJsonValues', () => {
  it('counts values outside strings, in text or bytes', () => {
    const doc = '{"a":[1,2,{"b":"x,{["}],"c":"\\"[,"}';
    expect(countJsonValues(doc)).toBe(7);
    expect(countJsonValues(Buffer.from(doc))).toBe(7);
  });

  it('stops early once past the limit', () => {
    expect(countJsonValues(`[${'{},'.repeat(1000)}0]`, 10)).toBe(11);
  });
});
