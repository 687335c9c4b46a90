import { spawn } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { env } from '../../../env';

export type ExecResult = { ok: true; stdout: string } | { ok: false; reason: string };

/**
 * Runs a renderer (helm, kubectl kustomize) with a time limit and a cap on its output; never through a shell. The
 * environment is reduced to PATH and HOME with a kubeconfig that points nowhere, so a renderer cannot reach a
 * cluster with the user's credentials.
 */
export function execTool(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number; maxOutputBytes: number; signal?: AbortSignal },
): Promise<ExecResult> {
  return new Promise((resolve) => {
    const settings = env();
    const childEnv: NodeJS.ProcessEnv = {
      NODE_ENV: settings.NODE_ENV,
      PATH: settings.PATH ?? '',
      HOME: settings.HOME ?? '/nonexistent',
      KUBECONFIG: '/dev/null',
    };
    const child = spawn(command, [...args], { cwd: options.cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let bytes = 0;
    let failure: string | undefined;
    const stop = (reason: string) => {
      failure ??= reason;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(`it took longer than ${options.timeoutMs} ms`), options.timeoutMs);
    options.signal?.addEventListener('abort', () => stop('the scan was cancelled'), { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > options.maxOutputBytes) stop(`its output is larger than ${options.maxOutputBytes} bytes`);
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.reduce((n, b) => n + b.length, 0) < 16_384) err.push(chunk);
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: failure ?? e.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) return resolve({ ok: false, reason: failure });
      if (code !== 0) {
        const message = Buffer.concat(err).toString('utf8').trim().split('\n').slice(-3).join(' ');
        return resolve({ ok: false, reason: message || `it exited with status ${code ?? 'unknown'}` });
      }
      resolve({ ok: true, stdout: Buffer.concat(out).toString('utf8') });
    });
  });
}

/** The absolute path of an executable: a path as given, or the first match on PATH; undefined when absent. */
export async function findExecutable(name: string): Promise<string | undefined> {
  const candidates = name.includes('/')
    ? [name]
    : (env().PATH ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map((d) => path.join(d, name));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // next
    }
  }
  return undefined;
}
