import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiserver, type RunningApiserver } from './apiserver';
import { registerCleanup } from './cleanup';
import { writeCredentials } from './credentials';
import { startEtcd, type RunningEtcd } from './etcd';
import { closeAgent } from './kube-request';
import { buildKubeconfig, writeKubeconfig } from './kubeconfig';
import { binaryPaths } from './paths';
import { freePorts } from './ports';
import { killNow, stopProcess } from './processes';
import { applyTestRbac } from './rbac';
import type { ClusterInfo } from './state';

export interface StartClusterOptions {
  /** Keep the temp dir (logs, etcd data, audit log) after stop; also RELEASE_LENS_KEEP_CLUSTER_DIR=1. */
  keepTmpDir?: boolean;
  /** Appended to the kube-apiserver command line. */
  extraApiserverArgs?: string[];
  log?: (message: string) => void;
}

export interface RunningCluster extends ClusterInfo {
  /** Stops kube-apiserver, then etcd, then removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
  /** Resolves when either process exits (including during stop), naming it and its exit status. */
  exited: Promise<string>;
}

function requireBinary(path: string, hint: string): void {
  if (!existsSync(path)) throw new Error(`missing ${path}: run ${hint}`);
}

/** Starts a fresh etcd + kube-apiserver v1.24.17 on loopback, with RBAC for the test users. */
export async function startCluster(opts: StartClusterOptions = {}): Promise<RunningCluster> {
  const log = opts.log ?? (() => {});
  const bins = binaryPaths();
  requireBinary(bins.etcd, 'test/cluster-harness/build/install-etcd.sh');
  requireBinary(bins.kubeApiserver, 'test/cluster-harness/build/build-apiserver.sh');

  const started = Date.now();
  const tmpDir = mkdtempSync(join(tmpdir(), 'release-lens-cluster-'));
  const keep = opts.keepTmpDir ?? process.env.RELEASE_LENS_KEEP_CLUSTER_DIR === '1';
  let etcd: RunningEtcd | undefined;
  let apiserver: RunningApiserver | undefined;
  let stopping: Promise<void> | undefined;
  let unregister = (): void => {};

  const removeDir = () => {
    if (!keep) rmSync(tmpDir, { recursive: true, force: true });
  };
  const shutdown = async () => {
    unregister();
    if (apiserver) {
      await stopProcess(apiserver.process);
      closeAgent(apiserver.caPem);
    }
    if (etcd) await stopProcess(etcd.process);
    removeDir();
  };
  // Concurrent callers (teardown and a signal handler) share one shutdown.
  const stop = () => (stopping ??= shutdown());
  unregister = registerCleanup(() => {
    if (apiserver) killNow(apiserver.process);
    if (etcd) killNow(etcd.process);
    removeDir();
  }, stop);

  try {
    const [apiPort, etcdPort, peerPort] = (await freePorts(3)) as [number, number, number];
    const credentials = writeCredentials(tmpDir);
    etcd = await startEtcd(bins.etcd, tmpDir, etcdPort, peerPort);
    log(`etcd ready at ${etcd.clientUrl} after ${Date.now() - started} ms`);
    apiserver = await startApiserver({
      bin: bins.kubeApiserver,
      dir: tmpDir,
      port: apiPort,
      etcdUrl: etcd.clientUrl,
      credentials,
      extraArgs: opts.extraApiserverArgs,
    });
    log(`kube-apiserver ready at ${apiserver.server} after ${Date.now() - started} ms`);

    const target = { server: apiserver.server, caPem: apiserver.caPem, tokens: credentials.tokens };
    await applyTestRbac(target);
    const kubeconfigYaml = buildKubeconfig(apiserver.server, apiserver.caPem, credentials.tokens);
    const kubeconfigPath = join(tmpDir, 'kubeconfig.yaml');
    writeKubeconfig(kubeconfigPath, kubeconfigYaml);

    return {
      ...target,
      kubeconfigPath,
      kubeconfigYaml,
      auditLogPath: apiserver.auditLogPath,
      tmpDir,
      pids: { etcd: etcd.process.child.pid ?? -1, apiserver: apiserver.process.child.pid ?? -1 },
      startupMs: Date.now() - started,
      stop,
      exited: Promise.race([
        etcd.process.exited.then((code) => `etcd exited (${code})`),
        apiserver.process.exited.then((code) => `kube-apiserver exited (${code})`),
      ]),
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
