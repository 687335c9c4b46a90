import 'server-only';

/**
 * Runs `worker` over `items` with at most `limit` in flight; rejects with the first failure. A limit given as a
 * function may shrink while the pool runs: a worker above it finishes its item and takes no other.
 */
export async function runPool<T>(
  items: readonly T[],
  limit: number | (() => number),
  worker: (item: T) => Promise<void>,
): Promise<void> {
  const max = typeof limit === 'function' ? limit : () => limit;
  let next = 0;
  const lane = async (index: number): Promise<void> => {
    while (index < Math.max(1, max()) && next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await worker(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(max(), items.length)) }, (_, i) => lane(i)));
}
