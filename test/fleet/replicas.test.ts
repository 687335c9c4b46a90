/**
 * Scheduled scans shared by two dashboard replicas (`next start` over the build) on one real PostgreSQL, against
 * real kube-apiservers from the harness: each registered cluster is scanned once per period whatever the number of
 * replicas; killing the replica that holds a scan makes the other finish it; an agent upload with a wrong token is
 * refused, with the right one it is filed under its cluster. And the CLI's fleet run over both clusters and an
 * unreachable third. Runs after `npm run build`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { parseDocument, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type RunningCluster } from '../cluster-harness/harness/index';
import { seedScale } from '../cluster-harness/scenarios/scale';
import { freePort, startServer, type TestServer } from '../hostile/server';
import { createDatabase } from '../postgres/databases';
import { startPostgres, type RunningPostgres } from '../postgres/start-postgres';
import type { FleetOverview } from '../../lib/model/fleet';
import { startPauseProxy, type PauseProxy } from './pause-proxy';

const FLEET_TOKEN = 'fleet-view-token-0123456789';
const AGENT_TOKEN = 'agent-edge-token-0123456789';

interface KubeconfigDoc {
  clusters: { name: string; cluster: Record<string, unknown> }[];
  users: { name: string; user: Record<string, unknown> }[];
  contexts: { name: string; context: { cluster: string; user: string } }[];
}

/** The harness cluster's read-only context, named `name`, optionally through another address on loopback. */
function readerParts(cluster: RunningCluster, name: string, server?: string) {
  const doc = parseDocument(cluster.kubeconfigYaml).toJS() as KubeconfigDoc;
  const context = doc.contexts.find((c) => c.name === 'reader');
  const c = doc.clusters.find((x) => x.name === context?.context.cluster);
  const u = doc.users.find((x) => x.name === context?.context.user);
  if (!c || !u) throw new Error('the harness kubeconfig has no reader context');
  return {
    cluster: { name, cluster: { ...c.cluster, ...(server ? { server } : {}) } },
    user: { name, user: u.user },
    context: { name, context: { cluster: name, user: name } },
  };
}

/** A kubeconfig of these contexts; the first is current. */
function kubeconfigOf(parts: ReturnType<typeof readerParts>[]): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: parts.map((p) => p.cluster),
    users: parts.map((p) => p.user),
    contexts: parts.map((p) => p.context),
    'current-context': parts[0]?.context.name,
  });
}

const readerKubeconfig = (cluster: RunningCluster, server?: string) =>
  kubeconfigOf([readerParts(cluster, 'reader', server)]);

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const started = (server: TestServer, cluster: string) =>
  server
    .log()
    .split('\n')
    .filter((l) => l.includes(`scheduled scan of ${cluster} `) && l.includes(': started')).length;

describe('scheduled scans shared by two replicas on PostgreSQL', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'release-lens-fleet-'));
  let postgres: RunningPostgres;
  let database: { url: string; drop: () => Promise<void> };
  let db: pg.Pool;
  const clusters: RunningCluster[] = [];
  let proxy: PauseProxy;
  const replicas: TestServer[] = [];

  beforeAll(async () => {
    postgres = await startPostgres();
    database = await createDatabase(postgres.url);
    db = new pg.Pool({ connectionString: database.url, max: 2 });
    // end() resolves before its clients' sockets close; the forced DROP DATABASE of the teardown then ends any still
    // closing with 57P01, which the pool emits as an 'error' event: that is the teardown, not a failure.
    db.on('error', () => undefined);
    for (let i = 0; i < 2; i += 1) {
      const c = await startCluster({ log: () => undefined });
      clusters.push(c);
      await seedScale(c, { pods: 40, namespaces: 2, log: () => undefined });
    }
    const [alpha, beta] = clusters as [RunningCluster, RunningCluster];
    // gamma is beta again, reached through a proxy the test can hold: a hung API server.
    proxy = await startPauseProxy({ host: '127.0.0.1', port: Number(new URL(beta.server).port) });
    proxy.pause();
    writeFileSync(path.join(dir, 'alpha.kubeconfig'), readerKubeconfig(alpha), { mode: 0o600 });
    writeFileSync(path.join(dir, 'beta.kubeconfig'), readerKubeconfig(beta), { mode: 0o600 });
    writeFileSync(path.join(dir, 'gamma.kubeconfig'), readerKubeconfig(beta, `https://127.0.0.1:${proxy.port}`), {
      mode: 0o600,
    });
    writeFileSync(path.join(dir, 'edge.token'), `${AGENT_TOKEN}\n`, { mode: 0o600 });
    writeFileSync(
      path.join(dir, 'clusters.yaml'),
      [
        'clusters:',
        '  - {id: alpha, name: Alpha, kubeconfig: alpha.kubeconfig, every: 1h}',
        '  - {id: beta, name: Beta, kubeconfig: beta.kubeconfig, every: 1h}',
        '  - {id: gamma, name: Gamma, kubeconfig: gamma.kubeconfig, every: 1h}',
        '  - {id: edge, name: Edge, uploadTokenFile: edge.token}',
        '',
      ].join('\n'),
    );
    const env = {
      DATABASE_URL: database.url,
      RELEASE_LENS_CLUSTERS: path.join(dir, 'clusters.yaml'),
      RELEASE_LENS_FLEET_TOKENS: FLEET_TOKEN,
      RELEASE_LENS_SCHEDULER_TICK_MS: '1000',
      RELEASE_LENS_FLEET_SCAN_TIMEOUT_MS: '8000',
      RELEASE_LENS_REQUEST_TIMEOUT_MS: '60000',
      RELEASE_LENS_DECODE_THREADS: '1',
    };
    replicas.push(...(await Promise.all([startServer(env), startServer(env)])));
  }, 240_000);

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    await proxy?.close();
    await db?.end();
    await database?.drop();
    await postgres?.stop();
    await Promise.all(clusters.map((c) => c.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  const fleet = async (server: TestServer) => {
    const res = await fetch(`${server.url}/api/fleet`, { headers: { authorization: `Bearer ${FLEET_TOKEN}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as FleetOverview;
  };

  it('scans each reachable cluster once for its period, however many replicas tick', async () => {
    const overview = await waitFor('alpha and beta scanned', async () => {
      const o = await fleet(replicas[0] as TestServer);
      const done = o.clusters.filter((c) => ['alpha', 'beta'].includes(c.id) && c.latest !== undefined);
      return done.length === 2 ? o : undefined;
    });
    // Both replicas have ticked many times since (every second) within the same hour-long period.
    await new Promise((r) => setTimeout(r, 4000));
    const { rows } = await db.query<{ fleet_cluster: string; n: string }>(
      `SELECT fleet_cluster, count(*) AS n FROM reports WHERE fleet_cluster IN ('alpha', 'beta') GROUP BY fleet_cluster`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.fleet_cluster, Number(r.n)]))).toEqual({ alpha: 1, beta: 1 });
    const runs = await db.query<{ cluster_id: string; n: string }>(
      'SELECT cluster_id, count(*) AS n FROM fleet_runs GROUP BY cluster_id ORDER BY cluster_id',
    );
    expect(runs.rows.map((r) => [r.cluster_id, Number(r.n)])).toEqual([
      ['alpha', 1],
      ['beta', 1],
      ['gamma', 1],
    ]);
    for (const id of ['alpha', 'beta']) {
      expect(
        replicas.reduce((n, r) => n + started(r, id), 0),
        `${id} started once`,
      ).toBe(1);
      const row = overview.clusters.find((c) => c.id === id);
      expect(row?.lastRun?.state).toBe('done');
      expect(row?.latest?.serverVersion).toMatch(/^v1\.24\./);
      expect(row?.latest?.uid).toMatch(/^[0-9a-f-]{36}$/);
    }
    // alpha and beta are two clusters; gamma is beta through another address, and says so by its UID later.
    const [a, b] = ['alpha', 'beta'].map((id) => overview.clusters.find((c) => c.id === id)?.latest?.uid);
    expect(a).not.toBe(b);
  });

  it('lets the other replica finish a scan whose replica was killed mid-scan', async () => {
    const holder = await waitFor('a replica holding gamma', async () =>
      Promise.resolve(replicas.find((r) => started(r, 'gamma') > 0)),
    );
    const other = replicas.find((r) => r !== holder) as TestServer;
    expect(proxy.connections()).toBeGreaterThan(0);
    process.kill(holder.pid, 'SIGKILL');
    await waitFor('the holder gone', () => Promise.resolve(holder.alive() ? undefined : true));
    proxy.resume();
    const row = await waitFor(
      'gamma finished by the other replica',
      async () => {
        const g = (await fleet(other)).clusters.find((c) => c.id === 'gamma');
        return g?.lastRun?.state === 'done' ? g : undefined;
      },
      120_000,
    );
    expect(started(other, 'gamma')).toBeGreaterThanOrEqual(1);
    expect(row.lastRun?.attempts).toBeGreaterThanOrEqual(2);
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM reports WHERE fleet_cluster = 'gamma'`);
    expect(Number(rows[0]?.n)).toBe(1);
    // The same cluster as beta: its kube-system UID says so, whatever address reached it.
    const overview = await fleet(other);
    expect(row.latest?.uid).toBe(overview.clusters.find((c) => c.id === 'beta')?.latest?.uid);
  });

  it('the CLI scans both clusters and an unreachable third in one run: a row each, the worst exit', async () => {
    const [alpha, beta] = clusters as [RunningCluster, RunningCluster];
    const closed = await freePort();
    const down = readerParts(alpha, 'down', `https://127.0.0.1:${closed}`);
    const config = path.join(dir, 'fleet.kubeconfig');
    writeFileSync(config, kubeconfigOf([readerParts(alpha, 'alpha'), readerParts(beta, 'beta'), down]), {
      mode: 0o600,
    });
    const out = path.join(dir, 'cli-fleet');
    const bin = path.join(import.meta.dirname, '..', '..', 'bin', 'release-lens.mjs');
    const run = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(
        process.execPath,
        [bin, 'scan', '--kubeconfig', config, '--context', 'alpha,beta,down', '--output-dir', out, '-q'],
        { env: { ...process.env, RELEASE_LENS_REQUEST_TIMEOUT_MS: '5000' } },
        (error, stdout) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout }),
      );
    });
    expect(run.code).toBe(3);
    const summary = JSON.parse(readFileSync(path.join(out, 'fleet.json'), 'utf8')) as {
      exit: number;
      clusters: { context: string; verdict: string; uid?: string; error?: string; file?: string }[];
    };
    const by = new Map(summary.clusters.map((c) => [c.context, c]));
    expect(by.get('down')?.verdict).toBe('failed');
    expect(by.get('down')?.error).toContain(`127.0.0.1:${closed}`);
    for (const id of ['alpha', 'beta']) {
      expect(by.get(id)?.verdict).not.toBe('failed');
      expect(readFileSync(path.join(out, `${id}.md`), 'utf8')).toContain('Release Lens');
    }
    expect(by.get('alpha')?.uid).not.toBe(by.get('beta')?.uid);
    expect(run.stdout).toBe(readFileSync(path.join(out, 'fleet.md'), 'utf8'));
  });

  it('files an agent upload under its cluster, and refuses a wrong token', async () => {
    const server = replicas.find((r) => r.alive()) as TestServer;
    const report = (await db.query<{ document: unknown }>(`SELECT document FROM reports WHERE fleet_cluster = 'alpha'`))
      .rows[0]?.document;
    const post = (token: string) =>
      fetch(`${server.url}/api/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ report }),
      });
    const wrong = await post('agent-edge-token-012345678X');
    expect(wrong.status).toBe(403);
    expect((await db.query(`SELECT 1 FROM reports WHERE fleet_cluster = 'edge'`)).rowCount).toBe(0);
    const right = await post(AGENT_TOKEN);
    expect(right.status).toBe(201);
    const { id } = (await right.json()) as { id: string };
    const edge = (await fleet(server)).clusters.find((c) => c.id === 'edge');
    expect(edge?.latest?.reportId).toBe(id);
    expect(edge?.modes).toEqual(['agent']);
  });
});
