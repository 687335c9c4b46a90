import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';

const live = new Set<ChildProcess>();
let hooked = false;

/** Probes must not outlive the benchmark, whichever way it ends. */
function killLiveOnExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

/**
 * Runs a bench/lib probe in a fresh Node process (own heap and RSS), with the `react-server` condition and the tsx
 * loader, and parses its last stdout line with `schema`. Killed after `timeoutMs`.
 */
export function runProbe<S extends z.ZodType>(
  probe: string,
  args: readonly string[],
  schema: S,
  timeoutMs: number,
): Promise<z.output<S>> {
  killLiveOnExit();
  const script = fileURLToPath(new URL(`./${probe}`, import.meta.url));
  const nodeArgs = ['--conditions=react-server', '--expose-gc', '--import', 'tsx', script, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
    live.add(child);
    let out = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      live.delete(child);
      if (timedOut) return reject(new Error(`${probe} ${args.join(' ')} timed out after ${timeoutMs} ms`));
      if (code !== 0) return reject(new Error(`${probe} ${args.join(' ')} exited with ${code ?? signal}`));
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve(schema.parse(JSON.parse(last)));
      } catch (error) {
        reject(new Error(`${probe} printed no valid result: ${last.slice(0, 300)}`, { cause: error }));
      }
    });
  });
}
