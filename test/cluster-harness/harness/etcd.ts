import { get } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startProcess, type ManagedProcess } from './processes';
import { waitUntil } from './wait';

export interface RunningEtcd {
  process: ManagedProcess;
  clientUrl: string;
}

function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get(`${url}/health`, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve(res.statusCode === 200 && body.includes('"health":"true"')));
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

/** Starts etcd on loopback with a fresh data dir under dir. */
export async function startEtcd(bin: string, dir: string, clientPort: number, peerPort: number): Promise<RunningEtcd> {
  const dataDir = join(dir, 'etcd-data');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const clientUrl = `http://127.0.0.1:${clientPort}`;
  const peerUrl = `http://127.0.0.1:${peerPort}`;
  const args = [
    '--name=release-lens-test',
    `--data-dir=${dataDir}`,
    `--listen-client-urls=${clientUrl}`,
    `--advertise-client-urls=${clientUrl}`,
    `--listen-peer-urls=${peerUrl}`,
    `--initial-advertise-peer-urls=${peerUrl}`,
    `--initial-cluster=release-lens-test=${peerUrl}`,
    '--initial-cluster-state=new',
    '--logger=zap',
    '--log-outputs=stderr',
    '--log-level=warn',
    // Test data is throw-away; skipping fsync keeps writes fast on slow disks.
    '--unsafe-no-fsync',
    '--snapshot-count=10000',
  ];
  const proc = startProcess('etcd', bin, args, join(dir, 'etcd.log'));
  await waitUntil(proc, 'etcd /health', () => healthy(clientUrl), 30_000, 100);
  return { process: proc, clientUrl };
}
