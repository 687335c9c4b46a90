import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

/** A child process the harness spawned, with its output going to a log file. */
export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  logPath: string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
}

export function startProcess(name: string, bin: string, args: string[], logPath: string): ManagedProcess {
  const fd = openSync(logPath, 'a');
  // Own process group: a terminal Ctrl-C reaches only us, and we stop the apiserver before etcd.
  const child = spawn(bin, args, { stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    child.once('error', (err) => resolve(`spawn error: ${err.message}`));
  });
  return { name, child, logPath, exited };
}

function isRunning(proc: ManagedProcess): boolean {
  return proc.child.exitCode === null && proc.child.signalCode === null && proc.child.pid !== undefined;
}

/** SIGTERM, wait up to graceMs, then SIGKILL. Only ever signals the PID we spawned. */
export async function stopProcess(proc: ManagedProcess, graceMs = 15_000): Promise<void> {
  if (!isRunning(proc)) return;
  proc.child.kill('SIGTERM');
  const timedOut = Symbol('timeout');
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    proc.exited,
    new Promise<typeof timedOut>((resolve) => {
      timer = setTimeout(() => resolve(timedOut), graceMs);
    }),
  ]);
  clearTimeout(timer);
  if (outcome === timedOut && isRunning(proc)) {
    proc.child.kill('SIGKILL');
    await proc.exited;
  }
}

/** Synchronous last resort for process 'exit' handlers, where nothing can be awaited. */
export function killNow(proc: ManagedProcess): void {
  if (isRunning(proc)) proc.child.kill('SIGKILL');
}

/** Last lines of a process log, for error messages. */
export function logTail(proc: ManagedProcess, lines = 30): string {
  try {
    return readFileSync(proc.logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
