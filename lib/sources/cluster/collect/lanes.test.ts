import 'server-only';
import { describe, expect, it } from 'vitest';
import { readInLanes } from './lanes';

describe('readInLanes', () => {
  it('reads every namespace, a few at a time, and then the ones created meanwhile', async () => {
    const listed: string[] = [];
    let inFlight = 0;
    let most = 0;
    const namespaces = [
      ['a', 'b', 'c', 'd', 'e'],
      ['a', 'b', 'c', 'd', 'e', 'late'],
    ];
    let call = 0;
    const r = await readInLanes(
      () => Promise.resolve(namespaces[Math.min(call++, 1)] ?? []),
      2,
      async (ns) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight -= 1;
        listed.push(ns);
        return { count: 10, pages: 1, restarted: ns === 'c' };
      },
    );
    expect([...listed].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'late']);
    expect(most).toBe(2);
    expect(r).toMatchObject({ count: 60, pages: 6, restarted: true, namespaces: 6 });
    expect(r.ms).toBeGreaterThanOrEqual(0);
  });
});
