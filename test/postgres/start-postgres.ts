/**
 * Starts a throwaway PostgreSQL server for tests and benchmarks: initdb into a temp dir, pg_ctl start on a free
 * loopback port with the unix socket inside the temp dir, trust auth for user `postgres`. PostgreSQL refuses to run
 * as root, so under root the server runs as the `postgres` system user (or a dedicated one, created if missing).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunningPostgres {
  /** Connection URL of the `postgres` database as superuser `postgres`. */
  url: string;
  port: number;
  dir: string;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** fsync off makes tests faster; benchmarks keep it on (the default) to measure real commits. */
  fsync?: boolean;
}

const FALLBACK_USER = 'release-lens-pg';

/** The bin directory of the newest PostgreSQL under /usr/lib/postgresql. */
export function findPostgresBin(root = '/usr/lib/postgresql'): string {
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)) : [];
  const bin = versions
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(root, v, 'bin'))
    .find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
  if (bin === undefined) {
    throw new Error(
      `PostgreSQL server binaries (initdb, pg_ctl) were not found under ${root}/*/bin. ` +
        'Install them with: apt-get install postgresql',
    );
  }
  return bin;
}

function userIds(name: string): { uid: number; gid: number } | undefined {
  const result = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  const gid = execFileSync('id', ['-g', name], { encoding: 'utf8' });
  return { uid: Number(result.stdout.trim()), gid: Number(gid.trim()) };
}

/** Under root: the user to run PostgreSQL as, creating a dedicated system user when `postgres` does not exist. */
function serverUser(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', FALLBACK_USER]) {
    const ids = userIds(name);
    if (ids) return { name, ...ids };
  }
  execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', FALLBACK_USER]);
  const ids = userIds(FALLBACK_USER);
  if (!ids) throw new Error(`Could not create the system user ${FALLBACK_USER} to run PostgreSQL as.`);
  return { name: FALLBACK_USER, ...ids };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary, as `user` when given (runuser, else setpriv). */
function run(bin: string, args: string[], user: ReturnType<typeof serverUser>, cwd: string): void {
  const [command, ...rest] = user
    ? existsSync('/usr/sbin/runuser') || existsSync('/sbin/runuser')
      ? ['runuser', '-u', user.name, '--', bin, ...args]
      : ['setpriv', `--reuid=${user.uid}`, `--regid=${user.gid}`, '--init-groups', '--', bin, ...args]
    : [bin, ...args];
  // cwd: the server user may not be allowed into the caller's working directory.
  const result = spawnSync(command ?? bin, rest, { cwd, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    throw new Error(
      `${path.basename(bin)} failed (${result.status ?? result.signal}): ${result.stderr}${result.stdout}`,
    );
  }
}

/** Starts a fresh PostgreSQL server; call stop() when done (a process exit hook stops it too). */
export async function startPostgres(options: StartOptions = {}): Promise<RunningPostgres> {
  const bin = findPostgresBin();
  const user = serverUser();
  const dir = mkdtempSync(path.join(tmpdir(), 'release-lens-pg-'));
  const data = path.join(dir, 'data');
  const sockets = path.join(dir, 'sockets');
  mkdirSync(sockets);
  if (user) for (const p of [dir, sockets]) chownSync(p, user.uid, user.gid);
  const port = await freePort();
  const settings = [
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${sockets}`,
    options.fsync === true ? '' : '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
  ].join(' ');
  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], user, dir);
    } catch {
      // Not running (start failed, or already stopped): nothing to stop.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  try {
    run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync'], user, dir);
    const log = path.join(dir, 'server.log');
    run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-o', settings, '-w', '-t', '60', 'start'], user, dir);
  } catch (error) {
    const log = existsSync(path.join(dir, 'server.log')) ? readFileSync(path.join(dir, 'server.log'), 'utf8') : '';
    stopNow();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${log}`, { cause: error });
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    stop() {
      process.removeListener('exit', stopNow);
      stopNow();
      return Promise.resolve();
    },
  };
}
