import { kubeOk, type KubeTarget } from '../harness/kube-request';
import { node } from './node-builder';
import { annotations, labels, owner, podSpec, suffix, type Plan } from './scale-pod';
import type { Manifest } from './types';

/** Bulk seeding for benchmarks: Deployments -> ReplicaSets -> Pods with real ownerReferences. */

export interface ScaleOptions {
  pods: number;
  namespaces?: number;
  podsPerReplicaSet?: number;
  /** Requests in flight at once (default 24). */
  concurrency?: number;
  /** Pods per fake Node (default 100). */
  podsPerNode?: number;
  log?: (message: string) => void;
}

export interface ScaleResult {
  pods: number;
  replicaSets: number;
  deployments: number;
  nodes: number;
  namespaces: string[];
  /** Deployments planted with something the checks should find, and their pod counts. */
  planted: { dockerSocket: { deployments: number; pods: number }; k8sGcrIo: { deployments: number; pods: number } };
  avgPodBytes: number;
  ms: number;
  podsPerSecond: number;
}

/** Runs fn over items with at most `limit` promises in flight. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * `<replicaset>-<5 hex>` like the ReplicaSet controller's names. Five hex characters collide within one ReplicaSet
 * now and then (2 of the 667 ReplicaSets of a 50k-pod seed did), so a taken suffix is re-hashed with a counter.
 */
function uniquePodName(rsName: string, i: number, taken: Set<string>): string {
  for (let salt = 0; ; salt += 1) {
    const name = `${rsName}-${suffix(salt === 0 ? `${rsName}/${i}` : `${rsName}/${i}/${salt}`, 5)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** Creates `pods` pods plus their Deployments/ReplicaSets (and fake Nodes) with bounded concurrency. */
export async function seedScale(cluster: KubeTarget, opts: ScaleOptions): Promise<ScaleResult> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const limit = opts.concurrency ?? 24;
  const perRs = opts.podsPerReplicaSet ?? 75;
  const nsCount = opts.namespaces ?? 20;
  const namespaces = Array.from({ length: nsCount }, (_, i) => `rl-scale-${String(i).padStart(2, '0')}`);
  const nodeCount = Math.max(1, Math.ceil(opts.pods / (opts.podsPerNode ?? 100)));
  const nodes = Array.from({ length: nodeCount }, (_, i) => `scale-node-${String(i).padStart(4, '0')}`);

  const plans: Plan[] = [];
  for (let left = opts.pods, i = 0; left > 0; i++) {
    const replicas = Math.min(perRs, left);
    left -= replicas;
    plans.push({
      ns: namespaces[i % nsCount] as string,
      name: `svc-${String(i).padStart(4, '0')}`,
      hash: suffix(`rs${i}`, 10),
      replicas,
      dockerSocket: i % 40 === 5,
      k8sGcr: i % 25 === 3,
    });
  }

  await pool(namespaces, limit, async (name) => {
    await kubeOk(cluster, 'POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { 'release-lens.dev/scale': 'true' } },
    });
  });
  await pool(nodes, limit, async (name) => {
    await kubeOk(cluster, 'POST', '/api/v1/nodes', node({ name, kubelet: 'v1.24.17', runtime: 'containerd://1.6.8' }));
  });
  log(`scale: ${namespaces.length} namespaces, ${nodes.length} nodes`);

  const rsUids = new Map<Plan, string>();
  await pool(plans, limit, async (p) => {
    const template = { metadata: { labels: labels(p), annotations }, spec: podSpec(p) };
    const dep = await kubeOk<Manifest & { metadata: { uid: string } }>(
      cluster,
      'POST',
      `/apis/apps/v1/namespaces/${p.ns}/deployments`,
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: p.name, namespace: p.ns, labels: { app: p.name } },
        spec: {
          replicas: p.replicas,
          selector: { matchLabels: { app: p.name } },
          template: {
            ...template,
            metadata: { labels: { app: p.name, 'app.kubernetes.io/part-of': 'scale-test' }, annotations },
          },
        },
      },
    );
    const rs = await kubeOk<{ metadata: { uid: string } }>(
      cluster,
      'POST',
      `/apis/apps/v1/namespaces/${p.ns}/replicasets`,
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `${p.name}-${p.hash}`,
          namespace: p.ns,
          labels: labels(p),
          ownerReferences: [owner('Deployment', p.name, dep.metadata.uid)],
        },
        spec: {
          replicas: p.replicas,
          selector: { matchLabels: { app: p.name, 'pod-template-hash': p.hash } },
          template,
        },
      },
    );
    rsUids.set(p, rs.metadata.uid);
  });
  log(`scale: ${plans.length} deployments and replicasets after ${Date.now() - started} ms`);

  const podJobs = plans.flatMap((p) => {
    const rsName = `${p.name}-${p.hash}`;
    const taken = new Set<string>();
    return Array.from({ length: p.replicas }, (_, i) => ({ p, i, name: uniquePodName(rsName, i, taken) }));
  });
  let bytes = 0;
  let done = 0;
  await pool(podJobs, limit, async ({ p, i, name }) => {
    const rsName = `${p.name}-${p.hash}`;
    const body = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: p.ns,
        labels: labels(p),
        annotations,
        ownerReferences: [owner('ReplicaSet', rsName, rsUids.get(p) ?? '')],
      },
      spec: podSpec(p, nodes[(done + i) % nodes.length]),
    };
    const text = JSON.stringify(body);
    bytes += text.length;
    await kubeOk(cluster, 'POST', `/api/v1/namespaces/${p.ns}/pods`, text);
    if (++done % 1000 === 0) log(`scale: ${done}/${podJobs.length} pods after ${Date.now() - started} ms`);
  });

  const ms = Date.now() - started;
  const count = (pred: (p: Plan) => boolean) => ({
    deployments: plans.filter(pred).length,
    pods: plans.filter(pred).reduce((n, p) => n + p.replicas, 0),
  });
  return {
    pods: podJobs.length,
    replicaSets: plans.length,
    deployments: plans.length,
    nodes: nodes.length,
    namespaces,
    planted: { dockerSocket: count((p) => p.dockerSocket), k8sGcrIo: count((p) => p.k8sGcr) },
    avgPodBytes: Math.round(bytes / Math.max(1, podJobs.length)),
    ms,
    podsPerSecond: Math.round((podJobs.length / ms) * 1000),
  };
}
