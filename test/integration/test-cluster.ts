import { inject } from 'vitest';
import { CLUSTER_STATE_ENV, readClusterState, type ClusterState } from '../cluster-harness/harness/state';

declare module 'vitest' {
  export interface ProvidedContext {
    releaseLensClusterState: string;
  }
}

/** The cluster started by test/cluster-harness/global-setup.ts, read from its state file. */
export function testCluster(): ClusterState {
  return readClusterState(process.env[CLUSTER_STATE_ENV] ?? inject('releaseLensClusterState'));
}
