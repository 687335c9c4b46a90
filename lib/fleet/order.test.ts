import { describe, expect, it } from 'vitest';
import type { FleetOverview } from '../model/fleet';
import { orderByFleet } from './order';

describe('orderByFleet', () => {
  it('puts the changes that bite the most clusters first, keeping the given order otherwise', () => {
    const fleet: FleetOverview = {
      generatedAt: '',
      clusters: [],
      changes: [
        { changeId: 'psp', title: '', severity: 'breaking', clusters: ['a', 'b', 'c'] },
        { changeId: 'dockershim', title: '', severity: 'breaking', clusters: ['a'] },
      ],
    };
    const items = [{ id: 'beta-apis' }, { id: 'dockershim' }, { id: 'gluster' }, { id: 'psp' }];
    expect(orderByFleet(items, fleet).map((r) => [r.item.id, r.clusters])).toEqual([
      ['psp', 3],
      ['dockershim', 1],
      ['beta-apis', 0],
      ['gluster', 0],
    ]);
  });
});
