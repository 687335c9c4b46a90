import { request } from 'node:https';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startProcess, type ManagedProcess } from './processes';
import type { CredentialFiles } from './credentials';
import { waitUntil } from './wait';

export interface RunningApiserver {
  process: ManagedProcess;
  server: string;
  /** The self-signed serving certificate chain the apiserver wrote into its cert dir. */
  caPem: string;
  auditLogPath: string;
}

export interface ApiserverOptions {
  bin: string;
  dir: string;
  port: number;
  etcdUrl: string;
  credentials: CredentialFiles;
  extraArgs?: string[];
  readyTimeoutMs?: number;
}

// Before the serving cert exists we cannot pin it, so readiness skips verification;
// every later request pins the cert read from the cert dir.
function ready(port: number, token: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/readyz',
        rejectUnauthorized: false,
        headers: { Authorization: `Bearer ${token}` },
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve(res.statusCode === 200 && body === 'ok'));
      },
    );
    req.on('error', () => resolve(false));
    req.setTimeout(3000, () => req.destroy());
    req.end();
  });
}

/** Starts kube-apiserver against etcd with TLS, RBAC, static tokens and a JSON audit log. */
export async function startApiserver(opts: ApiserverOptions): Promise<RunningApiserver> {
  const certDir = join(opts.dir, 'certs');
  mkdirSync(certDir, { recursive: true, mode: 0o700 });
  const auditLogPath = join(opts.dir, 'audit.log');
  const { credentials: c } = opts;
  const args = [
    `--etcd-servers=${opts.etcdUrl}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${opts.port}`,
    `--cert-dir=${certDir}`,
    '--service-cluster-ip-range=10.0.0.0/24',
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    `--service-account-key-file=${c.serviceAccountKeyFile}`,
    `--service-account-signing-key-file=${c.serviceAccountKeyFile}`,
    '--authorization-mode=RBAC',
    `--token-auth-file=${c.tokenFile}`,
    // No controller-manager: it would create default ServiceAccounts and remove PV/PVC protection finalizers.
    '--disable-admission-plugins=ServiceAccount,StorageObjectInUseProtection',
    // Loopback addresses are invalid in Endpoints; skip the kubernetes Service endpoint reconciler.
    '--endpoint-reconciler-type=none',
    '--allow-privileged=true',
    `--audit-policy-file=${c.auditPolicyFile}`,
    `--audit-log-path=${auditLogPath}`,
    '--audit-log-format=json',
    '--audit-log-mode=blocking',
    '--profiling=false',
    '--v=1',
    ...(opts.extraArgs ?? []),
  ];
  const proc = startProcess('kube-apiserver', opts.bin, args, join(opts.dir, 'kube-apiserver.log'));
  await waitUntil(proc, '/readyz', () => ready(opts.port, c.tokens.admin), opts.readyTimeoutMs ?? 120_000, 250);
  const caPem = readFileSync(join(certDir, 'apiserver.crt'), 'utf8');
  return { process: proc, server: `https://127.0.0.1:${opts.port}`, caPem, auditLogPath };
}
