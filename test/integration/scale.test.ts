import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../cluster-harness/harness/cluster';
import { kubeOk } from '../cluster-harness/harness/kube-request';
import { seedScale, type ScaleResult } from '../cluster-harness/scenarios/scale';

interface Item {
  metadata: {
    name: string;
    namespace: string;
    uid: string;
    ownerReferences?: { kind: string; name: string; uid: string; controller?: boolean }[];
  };
}
interface List {
  items: Item[];
}

// A cluster of its own: the scale pods must not leak into the scenario cluster other tests scan.
describe('scale generator', () => {
  let cluster: RunningCluster;
  let result: ScaleResult;

  beforeAll(async () => {
    cluster = await startCluster();
    result = await seedScale(cluster, { pods: 400, namespaces: 4, podsPerReplicaSet: 60 });
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('creates the requested pods with realistic specs', async () => {
    const pods = await kubeOk<List>(
      cluster,
      'GET',
      '/api/v1/pods?labelSelector=app.kubernetes.io%2Fpart-of%3Dscale-test',
    );
    expect(pods.items).toHaveLength(400);
    expect(result.pods).toBe(400);
    expect(result.deployments).toBe(7);
    expect(result.avgPodBytes).toBeGreaterThan(2000);
    expect(result.avgPodBytes).toBeLessThan(4096);
    expect(new Set(pods.items.map((p) => p.metadata.namespace)).size).toBe(4);
  });

  it('links every pod to its ReplicaSet and every ReplicaSet to its Deployment by uid', async () => {
    const uids = async (path: string) =>
      new Map((await kubeOk<List>(cluster, 'GET', path)).items.map((i) => [i.metadata.uid, i]));
    const deployments = await uids('/apis/apps/v1/deployments');
    const replicaSets = await uids('/apis/apps/v1/replicasets');
    const pods = await kubeOk<List>(
      cluster,
      'GET',
      '/api/v1/pods?labelSelector=app.kubernetes.io%2Fpart-of%3Dscale-test',
    );
    for (const rs of replicaSets.values()) {
      const ref = rs.metadata.ownerReferences?.[0];
      expect(ref?.kind).toBe('Deployment');
      expect(deployments.has(ref?.uid ?? '')).toBe(true);
    }
    for (const pod of pods.items) {
      const ref = pod.metadata.ownerReferences?.[0];
      expect(ref?.controller).toBe(true);
      expect(replicaSets.get(ref?.uid ?? '')?.metadata.name).toBe(ref?.name);
    }
  });

  it('reports what it planted for checks to find', () => {
    // Deployment i mounts the Docker socket when i % 40 === 5, uses k8s.gcr.io when i % 25 === 3.
    expect(result.planted.dockerSocket).toEqual({ deployments: 1, pods: 60 });
    expect(result.planted.k8sGcrIo).toEqual({ deployments: 1, pods: 60 });
  });
});
