import { describe, expect, it } from 'vitest';
import { makeChange } from './test-fixtures';
import { parsePath, releasesBetween, upgradePath } from './upgrade-path';

describe('upgrade path', () => {
  it('crosses every release after "from" up to and including "to"', () => {
    expect(releasesBetween('1.23', '1.25')).toEqual(['1.24', '1.25']);
    expect(releasesBetween('1.24', '1.25')).toEqual(['1.25']);
    expect(releasesBetween('1.25', '1.25')).toEqual([]);
    expect(releasesBetween('1.25', '1.24')).toEqual([]);
  });

  it('lists the union of changes, breaking first', () => {
    const changes = [
      makeChange({ id: 'info-24', release: '1.24' }),
      makeChange({ id: 'break-25', release: '1.25', severity: 'breaking' }),
      makeChange({ id: 'break-24', release: '1.24', severity: 'breaking' }),
    ];
    expect(upgradePath(changes, '1.23', '1.25').changes.map((c) => c.id)).toEqual(['break-24', 'break-25', 'info-24']);
    expect(upgradePath(changes, '1.24', '1.25').changes.map((c) => c.id)).toEqual(['break-25']);
  });

  it('defaults to 1.23 → 1.25 for missing versions, and says so for versions it does not cover', () => {
    expect(parsePath({})).toEqual({ from: '1.23', to: '1.25', problems: [] });
    const unknown = parsePath({ from: '1.24', to: '9.9' });
    expect(unknown).toMatchObject({ from: '1.24', to: '1.25' });
    expect(unknown.problems).toEqual([
      '"9.9" is not a version this catalog covers as "to" (it covers 1.23, 1.24, 1.25); showing 1.25 instead.',
    ]);
  });
});
