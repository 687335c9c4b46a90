import type { ManagedProcess } from './processes';
import { logTail } from './processes';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Polls probe() until it returns true, failing early if the process exits
 * and with its log tail if the deadline passes.
 */
export async function waitUntil(
  proc: ManagedProcess,
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  intervalMs = 200,
): Promise<void> {
  let exitedWith: number | string | undefined;
  void proc.exited.then((code) => {
    exitedWith = code;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitedWith !== undefined) {
      throw new Error(`${proc.name} exited (${exitedWith}) before ${what}:\n${logTail(proc)}`);
    }
    if (await probe().catch(() => false)) return;
    await sleep(intervalMs);
  }
  throw new Error(`${proc.name}: timed out after ${timeoutMs} ms waiting for ${what}:\n${logTail(proc)}`);
}
