import { describe, expect, it } from 'vitest';
import { pod, snapshot } from '../../snapshot/test-fixtures';
import { workloadsByNode } from './node-workloads';

describe('workloadsByNode', () => {
  const s = snapshot({
    pods: [
      pod('a', 'shop', { nodeName: 'w1' }),
      pod('b', 'shop', { nodeName: 'w2' }),
      pod('c', 'shop', { nodeName: 'w2' }),
      pod('pending', 'shop', {}),
    ],
  });

  it('groups scheduled pods by node', () => {
    const all = workloadsByNode(s);
    expect([...all.keys()].sort()).toEqual(['w1', 'w2']);
    expect(all.get('w2')?.map((w) => w.ref.name)).toEqual(['b', 'c']);
  });

  it('walks only the nodes asked for, and nothing when none is', () => {
    expect([...workloadsByNode(s, new Set(['w2'])).keys()]).toEqual(['w2']);
    expect(workloadsByNode(s, new Set()).size).toBe(0);
  });
});
