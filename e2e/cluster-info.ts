import { CLUSTER_STATE_ENV, readClusterState, type ClusterState } from '../test/cluster-harness/harness/state';

/** The cluster the Playwright global setup started. */
export function e2eCluster(): ClusterState {
  const statePath = process.env[CLUSTER_STATE_ENV];
  if (!statePath)
    throw new Error(`${CLUSTER_STATE_ENV} is not set: the Playwright global setup did not start a cluster`);
  return readClusterState(statePath);
}

/** The harness kubeconfig narrowed to one context, as a user would paste it. */
export function kubeconfigFor(context: 'admin' | 'reader' | 'team-a' | 'nobody'): string {
  return e2eCluster().kubeconfigYaml.replace(/current-context: .*/, `current-context: ${context}`);
}
