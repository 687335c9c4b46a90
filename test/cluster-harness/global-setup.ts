import { startCluster } from './harness/cluster';
import { CLUSTER_STATE_ENV, writeClusterState } from './harness/state';
import { allScenarios, seedScenarios } from './scenarios/index';

/** Key under which the state-file path is provided to Vitest tests (see test/integration/test-cluster.ts). */
export const PROVIDE_KEY = 'releaseLensClusterState';

interface Provider {
  provide: (key: string, value: string) => void;
}
const canProvide = (arg: unknown): arg is Provider =>
  typeof arg === 'object' && arg !== null && typeof (arg as Partial<Provider>).provide === 'function';

/**
 * Global setup for Vitest and Playwright alike: starts a fresh kube-apiserver + etcd, seeds every
 * scenario (unless RELEASE_LENS_TEST_SEED=0), writes a state file and exposes its path through
 * RELEASE_LENS_TEST_CLUSTER (and Vitest's provide). Returns the teardown.
 */
export default async function globalSetup(context?: unknown): Promise<() => Promise<void>> {
  const cluster = await startCluster();
  try {
    const seeded =
      process.env.RELEASE_LENS_TEST_SEED === '0' ? [] : (await seedScenarios(cluster, allScenarios)).scenarios;
    const statePath = writeClusterState(cluster, seeded);
    process.env[CLUSTER_STATE_ENV] = statePath;
    if (canProvide(context)) context.provide(PROVIDE_KEY, statePath);
  } catch (err) {
    await cluster.stop();
    throw err;
  }
  return async () => {
    delete process.env[CLUSTER_STATE_ENV];
    await cluster.stop();
  };
}
