/**
 * The production server (`next start` over the build) in a child process, for the hostile-input suite and its
 * benchmark: its address, its process tree's memory, and a probe that measures how fast it answers meanwhile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..', '..');

export interface TestServer {
  url: string;
  pid: number;
  /** Resident memory of the server and its children, in bytes (Linux /proc). */
  rss(): number;
  alive(): boolean;
  /** Server output, for a failing test's message. */
  log(): string;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function children(pid: number): number[] {
  try {
    const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return tasks === '' ? [] : tasks.split(/\s+/).map(Number);
  } catch {
    return [];
  }
}

function rssOf(pid: number): number {
  try {
    const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return Number(line?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Resident memory of a process and all its descendants. */
export function treeRss(pid: number): number {
  return rssOf(pid) + children(pid).reduce((n, c) => n + treeRss(c), 0);
}

/**
 * Starts `next start` on a free loopback port with these settings and waits until it answers. `appRoot` runs
 * another checkout's build (the benchmark measures an earlier commit that way).
 */
export async function startServer(env: Record<string, string> = {}, appRoot = root): Promise<TestServer> {
  const port = await freePort();
  const next = path.join(appRoot, 'node_modules', 'next', 'dist', 'bin', 'next');
  const child: ChildProcess = spawn(process.execPath, [next, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: appRoot,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', RELEASE_LENS_LOCAL_KUBECONFIG: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited at start:\n${output}`);
    try {
      if ((await fetch(`${url}/api/sources`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) throw new Error(`the server did not start within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    rss: () => treeRss(pid),
    alive: () => child.exitCode === null && child.signalCode === null,
    log: () => output,
    stop: () =>
      new Promise((resolve) => {
        // A server killed by a signal (an out-of-memory abort) has a signalCode and no exitCode.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Runs `work` while another process loads `pagePath` of the server every 100 ms (one request at a time), and returns
 * the work's result with the slowest load and every latency: what another user waited for meanwhile. The prober
 * runs apart, so the caller's own work (building and sending a large upload) does not count as the server's delay.
 */
export async function whileProbing<T>(
  url: string,
  work: () => Promise<T>,
  pagePath = '/api/sources',
): Promise<{ result: T; slowestMs: number; probes: number; latenciesMs: number[] }> {
  const prober = spawn(process.execPath, [path.join(import.meta.dirname, 'probe-process.mjs'), url, pagePath], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  prober.stdout.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => prober.once('exit', () => resolve()));
  // Let the first probe go out before the work starts.
  await new Promise((r) => setTimeout(r, 300));
  try {
    const result = await work();
    prober.stdin.end();
    await exited;
    const { slowestMs, probes, latenciesMs } = JSON.parse(
      output.trim() || '{"slowestMs":0,"probes":0,"latenciesMs":[]}',
    ) as { slowestMs: number; probes: number; latenciesMs: number[] };
    return { result, slowestMs, probes, latenciesMs };
  } finally {
    if (prober.exitCode === null) prober.kill();
  }
}
