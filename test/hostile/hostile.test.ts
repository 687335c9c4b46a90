/**
 * Hostile inputs against the production server: each case is bounded in time, and for each the process is alive
 * afterwards, a request made meanwhile by someone else was answered within a second, and the answer says what
 * was skipped and why. Run after `npm run build` (npm test does).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeApiServer,
  type FakeApiServer,
  type FakeResponse,
} from '../../lib/sources/cluster/testing/fake-apiserver';
import { testKubeconfig } from '../../lib/sources/cluster/testing/connect-fake';
import { fakeCluster, obj, SERVED_1_24 } from '../../lib/sources/cluster/testing/fake-cluster';
import { renderText } from '../../lib/model/text';
import {
  deepKubeconfig,
  deepSnapshot,
  gzipBombList,
  list,
  manyKeysKubeconfig,
  protobufBombs,
  separatorBombSecret,
  separatorBombSnapshot,
  snapshotOfSize,
  tarGzBomb,
} from './inputs';
import {
  chunkedUpload,
  demo as demoScan,
  notes,
  pasted as pastedAt,
  repositoryUpload,
  scan as scanAt,
  upload,
} from './requests';
import { startServer, whileProbing, type TestServer } from './server';

const MiB = 1024 * 1024;
/** What another user may wait while a hostile input is handled. */
const PATIENCE_MS = 1000;

let server: TestServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rl-hostile-'));
  server = await startServer({ RELEASE_LENS_SQLITE_PATH: path.join(dir, 'reports.sqlite') });
}, 90_000);
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const scan = (body: BodyInit, headers?: Record<string, string>) => scanAt(server.url, body, headers);
const pasted = (kubeconfig: string) => pastedAt(server.url, kubeconfig);

/** Every case ends the same way: the server still answers. */
async function stillServing(): Promise<void> {
  expect(server.alive(), server.log()).toBe(true);
  expect((await fetch(`${server.url}/`)).status).toBe(200);
}

describe('hostile input against the production server', () => {
  it('a Helm separator bomb (6 million documents in a small Secret) is refused by its count; the scan goes on', async () => {
    const { result, slowestMs } = await whileProbing(server.url, () =>
      scan(upload('bomb.json', separatorBombSnapshot())),
    );
    expect(result.status).toBe(200);
    expect(notes(result.report)).toContainEqual(
      expect.stringMatching(
        /helm-decode-error: .*the manifest has more than 10000 \(RELEASE_LENS_MAX_MANIFEST_DOCUMENTS\) documents; not decoded/,
      ),
    );
    expect(result.report?.cluster.nodes).toBe(1);
    expect(slowestMs).toBeLessThan(PATIENCE_MS);
    await stillServing();
  }, 60_000);

  describe('a hostile API server behind a pasted kubeconfig', () => {
    let fake: FakeApiServer;
    let bomb: Buffer;
    const bombed = new Set([
      '/api/v1/pods',
      '/api/v1/configmaps',
      '/apis/apps/v1/deployments',
      '/apis/apps/v1/replicasets',
    ]);
    beforeAll(async () => {
      bomb = gzipBombList(200 * MiB);
      const base = fakeCluster({
        gitVersion: 'v1.24.17',
        served: SERVED_1_24,
        objects: {
          nodes: [obj('worker-1', undefined, { status: { nodeInfo: { kubeletVersion: 'v1.24.17' } } })],
          namespaces: [obj('default')],
          secrets: [
            { ...separatorBombSecret(), metadata: { ...(separatorBombSecret().metadata as object), uid: 'bomb' } },
          ],
        },
      });
      fake = await startFakeApiServer((req) =>
        bombed.has(req.path) ? { raw: bomb, headers: { 'Content-Encoding': 'gzip' } } : base(req),
      );
    });
    afterAll(() => fake.close());

    it('a LIST answer of 200 KB of gzip inflating to 200 MiB stops at the response budget, per resource', async () => {
      expect(bomb.length).toBeLessThan(256 * 1024);
      const { result, slowestMs } = await whileProbing(server.url, () => pasted(testKubeconfig(fake.url)));
      expect(result.status).toBe(200);
      const coverage = new Map(result.report?.coverage.map((c) => [c.resource, c]));
      for (const r of ['pods', 'deployments', 'replicasets'] as const) {
        expect(coverage.get(r)?.status, r).toBe('error');
        expect(renderText(coverage.get(r)?.message ?? [])).toMatch(
          /larger than 128 MiB \(RELEASE_LENS_MAX_RESPONSE_BYTES\) decompressed; it was not read/,
        );
      }
      expect(coverage.get('nodes')?.status).toBe('ok');
      expect(notes(result.report)).toContainEqual(expect.stringMatching(/RELEASE_LENS_MAX_MANIFEST_DOCUMENTS/));
      expect(slowestMs).toBeLessThan(PATIENCE_MS);
      await stillServing();
    }, 120_000);

    it('six such scans at once: four run, the others are told to come back (429, Retry-After)', async () => {
      const kubeconfig = testKubeconfig(fake.url);
      const { result: answers, slowestMs } = await whileProbing(server.url, () =>
        Promise.all(Array.from({ length: 6 }, () => pasted(kubeconfig))),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
      expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(4);
      const busy = answers.filter((a) => a.status === 429);
      expect(busy.length).toBeGreaterThanOrEqual(2);
      expect(busy[0]?.retryAfter).toBe('5');
      expect(busy[0]?.error?.message).toMatch(/RELEASE_LENS_MAX_ACTIVE_SCANS/);
      expect(slowestMs).toBeLessThan(PATIENCE_MS);
      await stillServing();
    }, 180_000);
  });

  describe('a hostile API server answering pods in protobuf', () => {
    const bombs = protobufBombs();
    const fakes: FakeApiServer[] = [];
    const serving = async (pods: FakeResponse) => {
      const base = fakeCluster({
        gitVersion: 'v1.24.17',
        served: SERVED_1_24,
        objects: { nodes: [obj('worker-1')], namespaces: [obj('default')] },
      });
      const fake = await startFakeApiServer((req) => (req.path === '/api/v1/pods' ? pods : base(req)));
      fakes.push(fake);
      return fake;
    };
    afterAll(async () => {
      await Promise.all(fakes.map((f) => f.close()));
    });
    const protobuf = { 'Content-Type': 'application/vnd.kubernetes.protobuf' };

    it('4 MiB of nested groups in one pod is an error for pods, and the rest of the scan stands', async () => {
      const fake = await serving({ raw: bombs.groups, headers: protobuf });
      const { result, slowestMs } = await whileProbing(server.url, () => pasted(testKubeconfig(fake.url)));
      expect(result.status).toBe(200);
      const coverage = new Map(result.report?.coverage.map((c) => [c.resource, c]));
      expect(coverage.get('pods')?.status).toBe('error');
      expect(renderText(coverage.get('pods')?.message ?? [])).toMatch(/invalid protobuf answer/);
      expect(coverage.get('nodes')?.status).toBe('ok');
      expect(slowestMs).toBeLessThan(PATIENCE_MS);
      await stillServing();
    }, 60_000);

    it('a list framed as 4 GiB, gzip inflating to 200 MiB, stops at the response budget', async () => {
      expect(bombs.huge.length).toBeLessThan(1024 * 1024);
      const fake = await serving({ raw: bombs.huge, headers: { ...protobuf, 'Content-Encoding': 'gzip' } });
      const { result, slowestMs } = await whileProbing(server.url, () => pasted(testKubeconfig(fake.url)));
      expect(result.status).toBe(200);
      const pods = result.report?.coverage.find((c) => c.resource === 'pods');
      expect(pods?.status).toBe('error');
      expect(renderText(pods?.message ?? [])).toMatch(/larger than 128 MiB \(RELEASE_LENS_MAX_RESPONSE_BYTES\)/);
      expect(slowestMs).toBeLessThan(PATIENCE_MS);
      await stillServing();
    }, 120_000);
  });

  it('a pasted kubeconfig of 33,000 keys is refused at once', async () => {
    const kubeconfig = manyKeysKubeconfig();
    expect(kubeconfig.length).toBeLessThan(256 * 1024);
    const { result, slowestMs } = await whileProbing(server.url, () => pasted(kubeconfig));
    expect(result.status).toBe(400);
    expect(result.error?.kind).toBe('invalid-input');
    expect(slowestMs).toBeLessThan(PATIENCE_MS);
    await stillServing();
  }, 30_000);

  it('deep nesting is refused before it is parsed: in a kubeconfig, and in one object of a snapshot', async () => {
    const { result: config, slowestMs } = await whileProbing(server.url, () => pasted(deepKubeconfig()));
    expect(config.status).toBe(400);
    expect(config.error?.message).toMatch(/nested deeper than 32 levels/);
    const { result: snapshot, slowestMs: slowest2 } = await whileProbing(server.url, () =>
      scan(upload('deep.json', deepSnapshot())),
    );
    expect(snapshot.status).toBe(200);
    expect(notes(snapshot.report)).toContainEqual(
      expect.stringMatching(
        /objects-skipped: 1 object in deep.json was not read \(nested deeper than 100 \(RELEASE_LENS_MAX_DEPTH\) levels\)/,
      ),
    );
    expect(Math.max(slowestMs, slowest2)).toBeLessThan(PATIENCE_MS);
    await stillServing();
  }, 30_000);

  it('a 12 MiB and a 150 MiB snapshot both scan', async () => {
    for (const size of [12 * MiB, 150 * MiB]) {
      const content = snapshotOfSize(size);
      const { result, slowestMs } = await whileProbing(server.url, () => scan(upload(`s${size}.json`, content)));
      expect(result.status, `${size} bytes`).toBe(200);
      expect(result.report?.cluster.pods, `${size} bytes`).toBeGreaterThan(size / 5000);
      expect(slowestMs, `${size} bytes`).toBeLessThan(PATIENCE_MS);
    }
    await stillServing();
  }, 180_000);

  it('an upload over the limit, without a length, is cut off at the limit with a 413 naming the setting', async () => {
    const { result, slowestMs } = await whileProbing(server.url, () => chunkedUpload(server.url, 260 * MiB));
    expect(result.status).toBe(413);
    expect(result.body).toMatch(/larger than the 200 MiB this server accepts \(RELEASE_LENS_MAX_SNAPSHOT_BYTES\)/);
    expect(slowestMs).toBeLessThan(PATIENCE_MS);
    await stillServing();
  }, 60_000);

  it('a repository archive that inflates to 64 MiB stops at the file budget; the other files are scanned', async () => {
    const bomb = tarGzBomb(64 * MiB);
    expect(bomb.length).toBeLessThan(2 * MiB);
    const { result, slowestMs } = await whileProbing(server.url, () => scan(repositoryUpload('repo.tar.gz', bomb)));
    expect(result.status).toBe(200);
    expect(notes(result.report)).toContainEqual(
      expect.stringContaining('deploy/huge.yaml was not read (it is larger than 16 MiB (RELEASE_LENS_MAX_FILE_BYTES))'),
    );
    expect(
      result.report?.findings.filter((f) => f.changeId === 'pdb-v1beta1-removal').map((f) => f.location?.path),
    ).toEqual(expect.arrayContaining(['deploy/pdb.yaml', 'deploy/after.yaml']));
    expect(slowestMs).toBeLessThan(PATIENCE_MS);
    await stillServing();
  }, 120_000);

  it('a scan answers ordinary input as before, after all of that', async () => {
    const { result } = await whileProbing(server.url, () => scan(upload('ok.json', list([]))));
    expect(result.status).toBe(400);
    const demo = await demoScan(server.url);
    expect(demo.report?.findings.length).toBeGreaterThan(10);
  }, 60_000);
});
