import { describe, expect, it } from 'vitest';
import { admits } from './semver';

describe('admits', () => {
  it.each([
    ['>=1.19.0-0 <1.25.0-0', '1.24', true],
    ['>=1.19.0-0 <1.25.0-0', '1.25', false],
    ['>=1.21-0', '1.25', true],
    ['<1.25-0', '1.24', true],
    ['<1.25-0', '1.25', false],
    ['>= 1.20.0, < 1.25.0', '1.25', false],
    ['~1.24', '1.24', true],
    ['~1.24', '1.25', false],
    ['^1.20', '1.25', true],
    ['1.24.x', '1.25', false],
    ['1.24', '1.24', true],
    ['1.20 - 1.24', '1.25', false],
    ['1.20 - 1.25', '1.25', true],
    ['<1.22 || >=1.25', '1.25', true],
    ['<1.22 || >=1.26', '1.25', false],
    ['>v1.23', '1.24', true],
    ['!=1.25', '1.25', false],
    ['*', '1.25', true],
  ])('%s with %s → %s', (constraint, release, expected) => {
    expect(admits(constraint, release)).toBe(expected);
  });

  it('cannot read what is not a constraint', () => {
    expect(admits('banana', '1.25')).toBeUndefined();
    expect(admits('>=1.2.3.4', '1.25')).toBeUndefined();
  });
});
