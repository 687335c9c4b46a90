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

  it('halves the lists at a time each time the API server asks to slow down, never below one', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `ns-${i}`);
    const concurrentAtStart: number[] = [];
    let inFlight = 0;
    const r = await readInLanes(
      () => Promise.resolve(names),
      4,
      async (ns, throttled) => {
        inFlight += 1;
        concurrentAtStart.push(inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        // Two of the first four lists are answered 429 while all four run: 4 lanes, then 2, then 1.
        if (ns === 'ns-0' || ns === 'ns-1') throttled();
        await new Promise((resolve) => setTimeout(resolve, 4));
        inFlight -= 1;
        return { count: 1, pages: 1, restarted: false };
      },
    );
    expect(concurrentAtStart.slice(0, 4)).toEqual([1, 2, 3, 4]);
    // The lanes above one finish the namespace they hold and stop (the fifth list may start while they do): the
    // rest are read one at a time.
    expect(concurrentAtStart.slice(5)).toEqual(Array.from({ length: 7 }, () => 1));
    expect(r).toMatchObject({ count: 12, namespaces: 12, throttled: 2, lanes: 1 });
  });
});
