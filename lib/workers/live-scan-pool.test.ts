import 'server-only';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../env';
import { AppError } from '../errors';
import { DEFAULT_BUDGETS } from '../model/budgets';
import type { ScanProgress } from '../model/scan';
import { testKubeconfig } from '../sources/cluster/testing/connect-fake';
import { startFakeApiServer, type FakeApiServer } from '../sources/cluster/testing/fake-apiserver';
import { fakeCluster, obj, SERVED_1_24 } from '../sources/cluster/testing/fake-cluster';
import { inlineHelmDecoder, type HelmDecoder } from '../snapshot/helm/decoder';
import { helmStorageObject } from '../snapshot/helm/encode';
import { shopRelease } from '../snapshot/helm/test-releases';
import { createLiveScanPool } from './live-scan-pool';

// The bundle `npm run gen` writes before the tests run.
const workerFile = path.join(__dirname, '..', '..', 'dist', 'workers', 'live-scan.mjs');
const pool = createLiveScanPool({ workerFile, threads: 2, heapMiB: 256 });
afterAll(() => pool.close());

let fake: FakeApiServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const dockerSocket = {
  containers: [{ name: 'agent', image: 'example/agent:1', volumeMounts: [{ name: 'sock', mountPath: '/s' }] }],
  volumes: [{ name: 'sock', hostPath: { path: '/var/run/docker.sock' } }],
};

/** A cluster on 1.23 (so 1.24's changes are in scope) with a pod on the Docker socket and a Helm release. */
async function cluster(opts: { delayMs?: number; bulkyPods?: number } = {}) {
  // Pods with long image names, which the snapshot keeps (the registry checks read them): tens of megabytes.
  const bulky = Array.from({ length: opts.bulkyPods ?? 0 }, (_, i) =>
    obj(`bulky-${i}`, 'default', {
      spec: { containers: [{ name: 'c', image: `registry.example/${'x'.repeat(40_000)}:${i}` }] },
    }),
  );
  const handler = fakeCluster({
    gitVersion: 'v1.23.17',
    served: SERVED_1_24,
    metrics: '',
    objects: {
      nodes: [obj('node-a')],
      namespaces: [obj('default'), obj('kube-system')],
      pods: [obj('agent-0', 'default', { spec: dockerSocket }), ...bulky],
      secrets: [
        obj('sh.helm.release.v1.shop.v1', 'default', {
          ...helmStorageObject(shopRelease(1), 'Secret'),
        }),
      ],
    },
  });
  fake = await startFakeApiServer(async (req) => {
    if (opts.delayMs && req.path.endsWith('/pods')) await new Promise((r) => setTimeout(r, opts.delayMs));
    return handler(req);
  });
  // The worker reads settings from its own copy of the environment; the test's loopback server is allowed there.
  return { kind: 'upload' as const, kubeconfig: testKubeconfig(fake.url) };
}

const task = (source: Awaited<ReturnType<typeof cluster>>) => ({
  source,
  target: '1.25' as const,
  budgets: DEFAULT_BUDGETS,
  connect: { env: parseEnv({}) },
});

describe('live scans on worker threads', () => {
  it('reads the cluster and runs the checks there, relaying progress and Helm records to this thread', async () => {
    const source = await cluster();
    const progress: ScanProgress[] = [];
    let decoded = 0;
    const inline = inlineHelmDecoder(DEFAULT_BUDGETS);
    const helmDecoder: HelmDecoder = { decode: (input) => ((decoded += 1), inline.decode(input)) };
    const report = await pool.scan(task(source), { onProgress: (p) => progress.push(p), helmDecoder });
    expect(report.cluster.pods).toBe(1);
    expect(report.findings.map((f) => [f.ruleId, f.object.name])).toContainEqual(['docker-socket', 'agent-0']);
    expect(report.cluster.helmCharts?.map((c) => c.name)).toEqual(['storefront']);
    expect(decoded).toBe(1);
    expect(progress.map((p) => p.phase)).toContain('listing');
  });

  it('answers what is wrong with the cluster as the error a person can act on', async () => {
    const source = { kind: 'upload' as const, kubeconfig: testKubeconfig('https://127.0.0.1:1') };
    const error = await pool.scan(task(source), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('unreachable');
    expect((error as AppError).message).toContain('127.0.0.1:1');
  });

  it('ends a cancelled scan promptly, its thread and connections with it', async () => {
    const source = await cluster({ delayMs: 30_000 });
    const cancel = new AbortController();
    setTimeout(() => cancel.abort(new Error('cancelled by the test')), 300);
    const started = Date.now();
    await expect(pool.scan(task(source), { signal: cancel.signal })).rejects.toThrow('cancelled by the test');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it(
    'fails a scan that needs more heap than it may have, alone and with a clear error',
    { timeout: 60_000 },
    async () => {
      const tiny = createLiveScanPool({ workerFile, threads: 1, heapMiB: 48 });
      try {
        const source = await cluster({ bulkyPods: 2_000 });
        const error = await tiny.scan(task(source), {}).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).kind).toBe('too-large');
        expect((error as AppError).message).toContain('RELEASE_LENS_SCAN_HEAP_MIB');
      } finally {
        await tiny.close();
      }
      // The other pool, and this thread, carry on.
      const report = await pool.scan(task(await cluster()), {});
      expect(report.cluster.pods).toBe(1);
    },
  );
});
