import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The peers a scan is measured beside (issue 14): kubent and Pluto, when KUBENT_BIN and PLUTO_BIN point at their
 * binaries (test/cluster-harness/README.md says how to build them). Each runs as its own process under GNU time, so
 * wall time and peak RSS are the whole process's, start-up included.
 */
export interface PeerTools {
  kubent: string;
  pluto: string;
}

/** The peers named by KUBENT_BIN and PLUTO_BIN, or undefined when either is unset or missing. */
export function peerToolsFromEnv(env: NodeJS.ProcessEnv = process.env): PeerTools | undefined {
  const kubent = env.KUBENT_BIN;
  const pluto = env.PLUTO_BIN;
  if (!kubent || !pluto) return undefined;
  for (const bin of [kubent, pluto]) if (!existsSync(bin)) throw new Error(`${bin} does not exist`);
  return { kubent, pluto };
}

export interface PeerOutput {
  wallMs: number;
  maxRssBytes: number;
  exitCode: number;
}

/** The command line of a peer against a kubeconfig context, judging for 1.25 as the scan does. */
export function peerArgs(tool: keyof PeerTools, kubeconfig: string, context: string): string[] {
  return tool === 'kubent'
    ? ['-k', kubeconfig, '-x', context, '-o', 'json', '-t', '1.25.0']
    : [
        'detect-all-in-cluster',
        '--kubeconfig',
        kubeconfig,
        '--kube-context',
        context,
        '-o',
        'json',
        '--target-versions',
        'k8s=v1.25.0',
      ];
}

/** Runs one peer under /usr/bin/time; its findings go nowhere (exit codes 2 and 3 mean "found something"). */
export function runPeer(bin: string, args: readonly string[], timeoutMs: number): Promise<PeerOutput> {
  const timeFile = path.join(tmpdir(), `release-lens-peer-${process.pid}-${Date.now()}.time`);
  return new Promise((resolve, reject) => {
    execFile(
      '/usr/bin/time',
      ['-f', '%e %M', '-o', timeFile, bin, ...args],
      { maxBuffer: 512 * 1024 * 1024, timeout: timeoutMs },
      (error) => {
        const exitCode = error ? Number((error as { code?: number }).code ?? 1) : 0;
        try {
          const [seconds, kb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()?.split(' ').map(Number) ?? [];
          if (seconds === undefined || kb === undefined || Number.isNaN(seconds)) throw new Error('no figures');
          resolve({ wallMs: seconds * 1000, maxRssBytes: kb * 1024, exitCode });
        } catch (cause) {
          reject(new Error(`${path.basename(bin)} left no time figures (exit ${exitCode})`, { cause }));
        } finally {
          rmSync(timeFile, { force: true });
        }
      },
    );
  });
}

/** Finished requests in an API server's audit log so far: the difference around a run is that run's requests. */
export function auditRequests(auditLogPath: string): number {
  const text = readFileSync(auditLogPath, 'utf8');
  let n = 0;
  for (let i = text.indexOf('"ResponseComplete"'); i !== -1; i = text.indexOf('"ResponseComplete"', i + 1)) n += 1;
  return n;
}
