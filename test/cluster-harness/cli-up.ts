import { startCluster } from './harness/cluster';
import { CLUSTER_STATE_ENV, writeClusterState } from './harness/state';
import { allScenarios, seedScale, seedScenarios } from './scenarios/index';

/**
 * npm run cluster:up [-- --no-seed] [-- --scale=PODS]
 * Starts a throw-away kube-apiserver v1.24.17 + etcd, seeds the scenarios, and stays up until Ctrl-C.
 */
const args = process.argv.slice(2);
const seed = !args.includes('--no-seed');
const scaleArg = args.find((a) => a.startsWith('--scale='));
const scalePods = scaleArg ? Number(scaleArg.slice('--scale='.length)) : 0;
if (!Number.isInteger(scalePods) || scalePods < 0) {
  console.error(`--scale expects a pod count, got ${scaleArg}`);
  process.exit(2);
}

const cluster = await startCluster({ log: (m) => console.log(m) });
let stopping = false;
try {
  const seeded = seed ? await seedScenarios(cluster, allScenarios) : undefined;
  if (seeded)
    console.log(`seeded ${seeded.created} objects from ${seeded.scenarios.length} scenarios in ${seeded.ms} ms`);
  if (scalePods > 0) {
    const scale = await seedScale(cluster, { pods: scalePods, log: (m) => console.log(m) });
    console.log(
      `scale: ${scale.pods} pods in ${scale.ms} ms (${scale.podsPerSecond} pods/s, ~${scale.avgPodBytes} bytes each)`,
    );
  }
  const statePath = writeClusterState(cluster, seeded?.scenarios ?? []);
  console.log(`
kube-apiserver v1.24.17 is up at ${cluster.server} (started in ${cluster.startupMs} ms)

  export KUBECONFIG=${cluster.kubeconfigPath}
  contexts: admin (system:masters), reader (read-only, cluster-wide), team-a (read-only, namespace team-a)
  audit log: ${cluster.auditLogPath}
  state file: ${CLUSTER_STATE_ENV}=${statePath}

Press Ctrl-C to stop; everything under ${cluster.tmpDir} is removed.`);
} catch (err) {
  await cluster.stop();
  throw err;
}

// The harness's own SIGINT/SIGTERM handler (registered first) stops both processes and exits;
// this one only records that the shutdown was asked for.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopping = true;
  });
}
void cluster.exited.then((why) => {
  if (stopping) return;
  console.error(`${why}; shutting down`);
  void cluster.stop().then(() => process.exit(1));
});
setInterval(() => {}, 1 << 30);
