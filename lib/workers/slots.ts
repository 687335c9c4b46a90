/**
 * A counting semaphore for work handed to a worker pool: a task waits here, not in the pool's queue, so its
 * deadline starts when a thread takes it rather than while it waits behind others.
 */
export interface Slots {
  take(signal?: AbortSignal): Promise<void>;
  give(): void;
}

export function slots(count: number): Slots {
  let free = count;
  const waiting: (() => void)[] = [];
  return {
    async take(signal) {
      signal?.throwIfAborted();
      if (free > 0) return void (free -= 1);
      await new Promise<void>((resolve) => waiting.push(resolve));
      signal?.throwIfAborted();
    },
    give() {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    },
  };
}

/** The `code` of a worker error (ERR_WORKER_OUT_OF_MEMORY when a thread ran out of heap). */
export const errorCode = (e: unknown): unknown => (e instanceof Error && 'code' in e ? e.code : undefined);
