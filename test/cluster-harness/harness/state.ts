import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tokens } from './users';

/** Env var holding the path of the state file written by the global setup. */
export const CLUSTER_STATE_ENV = 'RELEASE_LENS_TEST_CLUSTER';

/** Everything a test needs to reach a running cluster; JSON-safe. */
export interface ClusterInfo {
  server: string;
  caPem: string;
  kubeconfigPath: string;
  kubeconfigYaml: string;
  tokens: Tokens;
  auditLogPath: string;
  tmpDir: string;
  pids: { etcd: number; apiserver: number };
  startupMs: number;
}

export interface ClusterState extends ClusterInfo {
  /** Names of the scenarios seeded before the tests started (empty when seeding was skipped). */
  seededScenarios: string[];
}

export function writeClusterState(info: ClusterInfo, seededScenarios: string[]): string {
  const state: ClusterState = {
    server: info.server,
    caPem: info.caPem,
    kubeconfigPath: info.kubeconfigPath,
    kubeconfigYaml: info.kubeconfigYaml,
    tokens: info.tokens,
    auditLogPath: info.auditLogPath,
    tmpDir: info.tmpDir,
    pids: info.pids,
    startupMs: info.startupMs,
    seededScenarios,
  };
  const path = join(info.tmpDir, 'state.json');
  writeFileSync(path, JSON.stringify(state, null, 2), { mode: 0o600 });
  return path;
}

/** Reads the state file named by RELEASE_LENS_TEST_CLUSTER (or the given path). */
export function readClusterState(path = process.env[CLUSTER_STATE_ENV]): ClusterState {
  if (!path) {
    throw new Error(`${CLUSTER_STATE_ENV} is not set: run under the integration global setup or npm run cluster:up`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as ClusterState;
}
