import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-error-offset';

describe('jsonErrorOffset', () => {
  it('points at the first character that breaks the JSON', () => {
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('[1, 2 3]')).toBe(6);
    expect(jsonErrorOffset('{"a": tru}')).toBe(6);
    expect(jsonErrorOffset('{"a": "x\ny"}')).toBe(8);
    expect(jsonErrorOffset('{"a": [1, {"b": 2}] } trailing')).toBe(22);
  });

  it('points past the end of a file cut short', () => {
    expect(jsonErrorOffset('{"items": [')).toBe(11);
  });

  it('survives absurd nesting', () => {
    expect(jsonErrorOffset('['.repeat(20_000))).toBeGreaterThanOrEqual(0);
  });
});
