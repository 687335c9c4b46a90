import 'server-only';
import { RESOURCE_KEYS } from '../../../model/resources';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoverageEntry, Snapshot } from '../../../model/snapshot';
import type { ResourceKey } from '../../../model/resources';
import type { ClusterConnection } from '../connect';
import { DEFAULT_RETRY, type RetryPolicy } from '../http/retry';
import { connectTest } from '../testing/connect-fake';
import { startFakeApiServer, status, type FakeApiServer, type FakeHandler } from '../testing/fake-apiserver';
import { fakeCluster, obj, SERVED_1_24, type FakeCluster } from '../testing/fake-cluster';
import { podListAnswer, statusAnswer } from '../wire/testing';
import { collectSnapshot, type CollectOptions } from './collect-snapshot';
import type { ScanProgress } from '../../../model/scan';
import { renderText } from '../../../model/text';
import { gzipSync } from 'node:zlib';
import { DEFAULT_BUDGETS } from '../../../model/budgets';

const fast: RetryPolicy = { ...DEFAULT_RETRY, sleep: () => Promise.resolve() };
const helmLabels = { owner: 'helm', name: 'web', status: 'deployed', version: '1' };

function model(): FakeCluster {
  return {
    gitVersion: 'v1.24.17',
    served: SERVED_1_24,
    metrics:
      '# HELP apiserver_requested_deprecated_apis x\n# TYPE apiserver_requested_deprecated_apis gauge\n' +
      'apiserver_requested_deprecated_apis{group="batch",removed_release="1.25",resource="cronjobs",subresource="",version="v1beta1"} 1\n' +
      'apiserver_request_total{code="200"} 5\n',
    objects: {
      nodes: [obj('node-a'), obj('node-b')],
      namespaces: [obj('default'), obj('team-a'), obj('kube-system')],
      pods: ['a', 'b', 'c', 'd']
        .map((n) => obj(`pod-${n}`, 'default', { spec: { containers: [{ name: 'c', image: 'x' }] } }))
        .concat(obj('pod-t', 'team-a', { spec: { containers: [{ name: 'c', image: 'x' }] } })),
      'apps/deployments': [
        obj('web', 'team-a', { spec: { template: { spec: { containers: [{ name: 'c', image: 'x' }] } } } }),
      ],
      'policy/podsecuritypolicies': [obj('restricted', undefined, { spec: { privileged: false } })],
      'policy/poddisruptionbudgets': [obj('web-pdb', 'team-a', { spec: { minAvailable: 1 } })],
      secrets: [
        obj('sh.helm.release.v1.web.v1', 'team-a', {
          metadata: { labels: helmLabels },
          type: 'helm.sh/release.v1',
          data: { release: 'eA==' },
        }),
        obj('default-token-x', 'team-a', {
          metadata: { annotations: { 'kubernetes.io/service-account.name': 'default' } },
          type: 'kubernetes.io/service-account-token',
          data: { token: 'c2VjcmV0LXRva2Vu' },
        }),
        obj('db-password', 'team-a', { type: 'Opaque', data: { password: 'aHVudGVyMg==' } }),
      ],
      configmaps: [
        obj('kubeadm-config', 'kube-system', {
          data: {
            ClusterConfiguration:
              'apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\nimageRepository: k8s.gcr.io\n',
          },
        }),
        obj('kubelet-config', 'kube-system', { data: { kubelet: 'big' } }),
        obj('coredns', 'kube-system', { data: { Corefile: 'do-not-read' } }),
      ],
      'events.k8s.io/events': [obj('ev1', 'team-a', { reason: 'x' })],
    },
  };
}

let fake: FakeApiServer | undefined;
let conn: ClusterConnection | undefined;
afterEach(async () => {
  conn?.close();
  await fake?.close();
  fake = conn = undefined;
});

async function scan(
  handler: FakeHandler,
  opts: CollectOptions & { namespace?: string; timeoutMs?: number } = {},
): Promise<Snapshot> {
  fake = await startFakeApiServer(handler);
  conn = await connectTest(fake.url, {
    namespace: opts.namespace,
    timeoutMs: opts.timeoutMs,
    ...(opts.budgets ? { budgets: opts.budgets } : {}),
  });
  return collectSnapshot(conn, { retry: fast, ...opts });
}

/** The one-item page that asks how large a collection is (lanes.ts), not a page of the list itself. */
const isCountProbe = (r: { query: URLSearchParams }) => r.query.get('limit') === '1';

/** The coverage entry of a resource, its message rendered to text. */
const coverage = (s: Snapshot, r: ResourceKey) => {
  const entry: CoverageEntry | undefined = s.coverage.find((c) => c.resource === r);
  return entry && { ...entry, message: entry.message === undefined ? undefined : renderText(entry.message) };
};
const withOverride =
  (override: FakeHandler, base = fakeCluster(model())): FakeHandler =>
  async (req) =>
    (await override(req)) ?? base(req);

describe('collectSnapshot against a fake 1.24 API server', () => {
  it('reads every resource through the preferred non-deprecated version, GET only', async () => {
    const s = await scan(fakeCluster(model()));
    const requests = fake?.requests ?? [];
    expect(s.serverVersion?.gitVersion).toBe('v1.24.17');
    expect(s.coverage.filter((c) => c.status !== 'ok')).toEqual([]);
    expect(coverage(s, 'horizontalpodautoscalers')?.apiVersion).toBe('autoscaling/v2');
    expect(coverage(s, 'cronjobs')?.apiVersion).toBe('batch/v1');
    expect(coverage(s, 'flowschemas')?.apiVersion).toBe('flowcontrol.apiserver.k8s.io/v1beta2');
    expect(coverage(s, 'podsecuritypolicies')).toMatchObject({
      apiVersion: 'policy/v1beta1',
      deprecatedVersionRead: true,
      count: 1,
    });
    expect(requests.every((r) => r.method === 'GET')).toBe(true);
    const deprecatedReads = requests.filter((r) => /\/(v1beta1|v2beta[12])\/.+/.test(r.path)).map((r) => r.path);
    expect(deprecatedReads).toEqual(['/apis/policy/v1beta1/podsecuritypolicies']);
    expect(s.podSecurityPolicies.map((p) => p.metadata.name)).toEqual(['restricted']);
    expect(s.deprecatedApiRequests).toEqual([
      { group: 'batch', version: 'v1beta1', resource: 'cronjobs', removedRelease: '1.25' },
    ]);
    expect(s.kubeadm).toEqual({
      clusterConfigurationApiVersion: 'kubeadm.k8s.io/v1beta3',
      imageRepository: 'k8s.gcr.io',
      kubeletConfigMaps: ['kubelet-config'],
    });
    expect(s.apiEvidence.find((e) => e.ref.name === 'web-pdb')?.ref).toMatchObject({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
    });
  });

  it('reads /metrics before listing PodSecurityPolicies', async () => {
    await scan(fakeCluster(model()));
    const paths = fake?.requests.map((r) => r.path) ?? [];
    expect(paths.indexOf('/metrics')).toBeLessThan(paths.indexOf('/apis/policy/v1beta1/podsecuritypolicies'));
    expect(paths[0]).toBe('/version');
  });

  it('lists through GA versions while /metrics is still arriving, and through deprecated ones only after it', async () => {
    const base = fakeCluster(model());
    const slowMetrics: FakeHandler = async (req) => {
      const answer = await base(req);
      return req.path === '/metrics' && answer ? { ...answer, pause: { bytes: 10, ms: 300 } } : answer;
    };
    const s = await scan(slowMetrics);
    const events = fake?.events ?? [];
    const at = (prefix: string) => events.findIndex((e) => e.startsWith(prefix));
    const metricsDone = at('end /metrics');
    expect(metricsDone).toBeGreaterThan(-1);
    expect(at('start /api/v1/pods')).toBeLessThan(metricsDone);
    expect(at('start /apis/policy/v1beta1/podsecuritypolicies')).toBeGreaterThan(metricsDone);
    expect(at('start /apis/batch/v1beta1')).toBe(-1);
    expect(coverage(s, 'metrics')).toMatchObject({ status: 'ok' });
    expect(s.deprecatedApiRequests?.length).toBeGreaterThan(0);
  });

  it('never transfers Secret or kube-system ConfigMap values it does not need', async () => {
    const s = await scan(fakeCluster(model()));
    const secretReads = fake?.requests.filter((r) => r.path.endsWith('/secrets')) ?? [];
    for (const r of secretReads) {
      const metadataOnly = String(r.headers.accept).includes('as=PartialObjectMetadataList');
      expect(
        r.query.get('labelSelector') === 'owner=helm' ||
          (metadataOnly && r.query.get('fieldSelector') === 'type=kubernetes.io/service-account-token'),
      ).toBe(true);
    }
    const cmReads = fake?.requests.filter((r) => r.path.includes('/namespaces/kube-system/configmaps')) ?? [];
    for (const r of cmReads)
      expect(
        String(r.headers.accept).includes('as=PartialObjectMetadataList') || r.path.endsWith('/kubeadm-config'),
      ).toBe(true);
    expect(s.serviceAccountTokens).toEqual([expect.objectContaining({ serviceAccountName: 'default' })]);
    expect(JSON.stringify(s)).not.toMatch(/aHVudGVyMg|c2VjcmV0LXRva2Vu|do-not-read/);
  });

  it('pages with limit/continue and hands each page over', async () => {
    const s = await scan(fakeCluster(model()), { pageSize: 2 });
    const pods = fake?.requests.filter((r) => r.path === '/api/v1/pods' && !isCountProbe(r)) ?? [];
    expect(pods.map((r) => r.query.get('continue'))).toEqual([null, '2', '4']);
    expect(pods.every((r) => r.query.get('limit') === '2')).toBe(true);
    expect(s.pods).toHaveLength(5);
  });

  it('asks for the next page as soon as the continue token is read, while the page is still arriving', async () => {
    const base = fakeCluster(model());
    const s = await scan(
      async (req) => {
        const r = await base(req);
        // The first page of pods: its metadata (with the token) goes out at once, its items 300 ms later.
        if (req.path !== '/api/v1/pods' || req.query.get('continue') !== null || r?.json === undefined) return r;
        const text = JSON.stringify(r.json);
        return { ...r, pause: { bytes: text.indexOf('"items"'), ms: 300 } };
      },
      { pageSize: 2 },
    );
    expect(s.pods).toHaveLength(5);
    const events = (fake?.events ?? []).filter((e) => e.includes('/api/v1/pods?') && !/limit=1($|&)/.test(e));
    const firstEnd = events.findIndex((e) => e.startsWith('end') && !e.includes('continue'));
    const secondStart = events.findIndex((e) => e.startsWith('start') && e.includes('continue=2'));
    expect(secondStart).toBeGreaterThan(-1);
    expect(secondStart).toBeLessThan(firstEnd);
    // One page ahead at most: the third is asked for only after the first is done.
    expect(events.findIndex((e) => e.startsWith('start') && e.includes('continue=4'))).toBeGreaterThan(firstEnd);
  });

  it('restarts a list once when its continue token expires (410), without duplicates', async () => {
    let expired = false;
    const s = await scan(
      withOverride((req) => {
        if (req.path === '/api/v1/pods' && req.query.get('continue') === '2' && !expired) {
          expired = true;
          return status(410, 'The provided continue parameter is too old');
        }
        return undefined;
      }),
      { pageSize: 2 },
    );
    expect(s.pods).toHaveLength(5);
    expect(coverage(s, 'pods')).toMatchObject({
      status: 'ok',
      count: 5,
      message: expect.stringContaining('410 Gone') as unknown,
    });
  });

  it('records forbidden resources as coverage and falls back to the context namespace', async () => {
    const s = await scan(
      withOverride((req) => {
        if (req.path === '/api/v1/nodes')
          return status(403, 'nodes is forbidden: User "team" cannot list resource "nodes"');
        if (['/api/v1/pods', '/apis/apps/v1/deployments', '/api/v1/namespaces'].includes(req.path))
          return status(403, 'forbidden at the cluster scope');
        return undefined;
      }),
      { namespace: 'team-a' },
    );
    expect(coverage(s, 'nodes')).toMatchObject({
      status: 'forbidden',
      message: expect.stringContaining('cannot list resource "nodes"') as unknown,
    });
    expect(coverage(s, 'pods')).toMatchObject({
      status: 'ok',
      count: 1,
      message: expect.stringContaining('Only namespace team-a was read') as unknown,
    });
    expect(s.pods.map((p) => p.metadata.name)).toEqual(['pod-t']);
    expect(s.workloads.map((w) => w.metadata.name)).toEqual(['web']);
    expect(s.namespaces.map((n) => n.metadata.name)).toEqual(['team-a']);
    expect(s.nodes).toEqual([]);
  });

  it('narrowed to namespaces, lists namespaced resources there only and cluster-scoped ones whole', async () => {
    const s = await scan(fakeCluster(model()), { onlyNamespaces: ['team-a'] });
    const paths = (fake?.requests ?? []).map((r) => r.path.split('?')[0] ?? '');
    expect(paths).not.toContain('/api/v1/pods');
    expect(paths).toContain('/api/v1/namespaces/team-a/pods');
    expect(paths).toContain('/api/v1/nodes');
    expect(paths.some((p) => p.includes('/namespaces/default/'))).toBe(false);
    expect(s.pods.map((p) => p.metadata.name)).toEqual(['pod-t']);
    expect(s.nodes).toHaveLength(2);
    expect(coverage(s, 'pods')).toMatchObject({
      status: 'ok',
      namespaces: ['team-a'],
      message: 'Only namespace team-a was read, as asked.',
    });
    expect(coverage(s, 'nodes')?.namespaces).toBeUndefined();
  });

  it('retries 429 with Retry-After, and turns a hanging resource into a timeout entry', async () => {
    let busy = 0;
    const s = await scan(
      withOverride((req) => {
        if (req.path === '/apis/apps/v1/statefulsets' && busy++ < 2)
          return { status: 429, headers: { 'Retry-After': '0' }, json: {} };
        if (req.path === '/apis/apps/v1/daemonsets') return new Promise(() => {});
        return undefined;
      }),
      { timeoutMs: 400 },
    );
    expect(coverage(s, 'statefulsets')?.status).toBe('ok');
    // Two 429s, then the count probe and the list.
    expect(fake?.requests.filter((r) => r.path === '/apis/apps/v1/statefulsets')).toHaveLength(4);
    expect(coverage(s, 'daemonsets')).toMatchObject({
      status: 'timeout',
      message: expect.stringContaining('400 ms') as unknown,
    });
  });

  it('reads a large collection in lanes, and halves them when the API server answers 429', async () => {
    const m = model();
    const spaces = ['ns-0', 'ns-1', 'ns-2', 'ns-3', 'ns-4', 'ns-5'];
    m.objects.namespaces = [...(m.objects.namespaces ?? []), ...spaces.map((ns) => obj(ns))];
    const pod = (name: string, ns: string) => obj(name, ns, { spec: { containers: [{ name: 'c', image: 'x' }] } });
    m.objects.pods = [...(m.objects.pods ?? []), ...spaces.flatMap((ns) => [pod('a', ns), pod('b', ns)])];
    let slowDowns = 0;
    const s = await scan(
      withOverride(
        (req) =>
          req.path === '/api/v1/namespaces/ns-1/pods' && slowDowns++ === 0
            ? { status: 429, headers: { 'Retry-After': '0' }, json: {} }
            : undefined,
        fakeCluster(m),
      ),
      { laneThreshold: 3, concurrency: 4 },
    );
    expect(s.pods).toHaveLength(5 + 12);
    const pods = coverage(s, 'pods');
    expect(pods).toMatchObject({ status: 'ok', count: 17 });
    expect(pods?.message).toMatch(/^Read namespace by namespace \(9 namespaces, 4 at a time\)/);
    expect(pods?.message).toMatch(
      /asked to slow down \(HTTP 429\) on 1 of these requests: the last namespaces were read 2 at a time\.$/,
    );
    // Namespace by namespace: no list of every pod at once, only the count probe.
    expect(fake?.requests.filter((r) => r.path === '/api/v1/pods').every(isCountProbe)).toBe(true);
  });

  it('asks for pods as protobuf and reads the answer; an error in protobuf keeps its message', async () => {
    const protobufAnswer = (body: Buffer) => ({
      raw: body,
      headers: { 'Content-Type': 'application/vnd.kubernetes.protobuf' },
    });
    const pods = podListAnswer({
      metadata: { resourceVersion: '9' },
      items: [
        {
          metadata: { name: 'p1', namespace: 'team-a', uid: 'pb-1' },
          spec: { containers: [{ name: 'c', image: 'x:1' }] },
        },
      ],
    });
    const s = await scan(
      withOverride((req) =>
        req.path === '/api/v1/pods' && String(req.headers.accept).startsWith('application/vnd.kubernetes.protobuf')
          ? protobufAnswer(pods)
          : undefined,
      ),
    );
    expect(s.pods.map((p) => p.metadata.uid)).toEqual(['pb-1']);
    expect(coverage(s, 'pods')).toMatchObject({ status: 'ok', count: 1 });

    const forbidden = statusAnswer({
      status: 'Failure',
      message: 'pods is forbidden: no list',
      reason: 'Forbidden',
      code: 403,
    });
    const denied = await scan(
      withOverride((req) => (req.path.endsWith('/pods') ? { status: 403, ...protobufAnswer(forbidden) } : undefined)),
      { namespace: 'team-a' },
    );
    expect(coverage(denied, 'pods')).toMatchObject({
      status: 'forbidden',
      message: expect.stringContaining('pods is forbidden: no list'),
    });
  });

  it('reads pods as JSON when asked to, or when the server answers JSON', async () => {
    const s = await scan(fakeCluster(model()), { protobuf: false });
    const lists = (fake?.requests ?? []).filter((r) => r.path.endsWith('/pods') && !isCountProbe(r));
    const accepts = lists.map((r) => r.headers.accept);
    expect(accepts.length).toBeGreaterThan(0);
    expect(accepts.every((a) => a === 'application/json')).toBe(true);
    // The fake answers JSON whatever is asked: read as JSON all the same.
    const json = await scan(fakeCluster(model()));
    expect(json.pods.map((p) => p.metadata.name).sort()).toEqual(s.pods.map((p) => p.metadata.name).sort());
    const asked = (fake?.requests ?? []).filter((r) => r.path.endsWith('/pods') && !isCountProbe(r));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((r) => r.headers.accept === 'application/vnd.kubernetes.protobuf, application/json')).toBe(true);
  });

  it('reads the pods of a server newer than the protobuf schema as JSON, which keeps fields the schema lacks', async () => {
    const m = model();
    m.gitVersion = 'v1.31.2';
    const s = await scan(fakeCluster(m), { protobuf: true });
    const lists = (fake?.requests ?? []).filter((r) => r.path.endsWith('/pods') && !isCountProbe(r));
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((r) => r.headers.accept === 'application/json')).toBe(true);
    expect(s.pods.length).toBeGreaterThan(0);
  });

  it('without discovery, tries versions in order and moves on after 404', async () => {
    const m = model();
    m.served = { ...SERVED_1_24, 'batch/v1': ['jobs'] };
    const s = await scan(
      withOverride((req) => (req.path === '/apis' ? status(500, 'etcd is sad') : undefined), fakeCluster(m)),
    );
    expect(coverage(s, 'discovery')).toMatchObject({ status: 'error', message: 'etcd is sad' });
    expect(coverage(s, 'cronjobs')).toMatchObject({
      status: 'ok',
      apiVersion: 'batch/v1beta1',
      deprecatedVersionRead: true,
    });
    expect(coverage(s, 'deployments')?.apiVersion).toBe('apps/v1');
  });

  it('says PodSecurityPolicy is not served on 1.25, and /metrics forbidden is only coverage', async () => {
    const m = model();
    m.gitVersion = 'v1.25.16';
    m.served = Object.fromEntries(
      Object.entries(SERVED_1_24).filter(([gv]) => !/v1beta1$/.test(gv) || gv.startsWith('flowcontrol')),
    );
    delete m.metrics;
    const s = await scan(fakeCluster(m));
    expect(coverage(s, 'podsecuritypolicies')).toMatchObject({
      status: 'not-served',
      message: expect.stringContaining('policy/v1beta1') as unknown,
    });
    expect(coverage(s, 'metrics')).toMatchObject({ status: 'forbidden' });
    expect(s.deprecatedApiRequests).toBeUndefined();
  });

  it('reports progress through every phase', async () => {
    const events: ScanProgress[] = [];
    await scan(fakeCluster(model()), { onProgress: (p) => events.push(p), concurrency: 2 });
    expect(events[0]).toMatchObject({ phase: 'connecting', resourcesDone: 0, resourcesTotal: RESOURCE_KEYS.length });
    expect([...new Set(events.map((e) => e.phase))]).toEqual(['connecting', 'discovery', 'listing', 'done']);
    expect(events.at(-1)).toMatchObject({
      phase: 'done',
      resourcesDone: RESOURCE_KEYS.length,
      itemsSoFar: expect.any(Number) as unknown,
    });
    expect(events.find((e) => e.resource === 'pods' && e.itemsSoFar > 0)).toBeDefined();
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const slow = withOverride(async (req) => {
      if (req.path === '/api/v1/pods') controller.abort(new Error('user cancelled'));
      await new Promise((r) => setTimeout(r, 20));
      return undefined;
    });
    await expect(scan(slow, { signal: controller.signal })).rejects.toThrow('user cancelled');
  });
});

describe('read budgets against a hostile API server', () => {
  const MiB = 1024 * 1024;

  it('stops reading a gzip bomb at the response budget, says so for that resource, and reads the rest', async () => {
    // 64 MiB of JSON in about 64 KiB of gzip.
    const inflated = Buffer.concat([
      Buffer.from('{"kind":"DeploymentList","items":[{"a":"'),
      Buffer.alloc(64 * MiB, 0x61),
      Buffer.from('"}]}'),
    ]);
    const bomb = gzipSync(inflated, { level: 9 });
    const s = await scan(
      withOverride((req) =>
        req.path === '/apis/apps/v1/deployments' ? { raw: bomb, headers: { 'Content-Encoding': 'gzip' } } : undefined,
      ),
      { budgets: { ...DEFAULT_BUDGETS, responseBytes: 8 * MiB } },
    );
    expect(bomb.length).toBeLessThan(128 * 1024);
    expect(coverage(s, 'deployments')).toMatchObject({
      status: 'error',
      message: expect.stringMatching(
        /larger than 8 MiB \(RELEASE_LENS_MAX_RESPONSE_BYTES\) decompressed; it was not read/,
      ),
    });
    expect(coverage(s, 'pods')).toMatchObject({ status: 'ok', count: 5 });
  });

  it('stops a scan at its byte budget: what was read stays, the rest says why', async () => {
    const s = await scan(fakeCluster(model()), { budgets: { ...DEFAULT_BUDGETS, scanBytes: 3000 }, concurrency: 1 });
    const stopped = s.coverage.filter((c) => c.status === 'error').map((c) => renderText(c.message ?? []));
    expect(stopped.length).toBeGreaterThan(0);
    expect(stopped[0]).toMatch(/The scan has read 3 KiB \(RELEASE_LENS_MAX_SCAN_BYTES\) from this API server/);
    expect(coverage(s, 'nodes')).toMatchObject({ status: 'ok' });
  });

  it('skips one object over the object budget and keeps the others of its page', async () => {
    const big = obj('pod-huge', 'default', { spec: { containers: [{ name: 'c', image: 'x'.repeat(300_000) }] } });
    const m = model();
    m.objects.pods = [...(m.objects.pods ?? []), big];
    const s = await scan(fakeCluster(m), { budgets: { ...DEFAULT_BUDGETS, objectBytes: 100_000 } });
    expect(s.pods.map((p) => p.metadata.name)).not.toContain('pod-huge');
    expect(s.pods).toHaveLength(5);
    expect(s.skipped).toEqual([
      { resource: 'pods', count: 1, reasons: ['larger than 98 KiB (RELEASE_LENS_MAX_OBJECT_BYTES)'] },
    ]);
  });

  it('pages Helm records in small pages, so few wait for a decoder', async () => {
    await scan(fakeCluster(model()));
    const helm = fake?.requests.filter((r) => r.query.get('labelSelector') === 'owner=helm') ?? [];
    expect(helm.length).toBeGreaterThan(0);
    expect(helm.every((r) => r.query.get('limit') === '25')).toBe(true);
  });
});
