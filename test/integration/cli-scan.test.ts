import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parseDocument, stringify } from 'yaml';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../../lib/report/schema';
import type { Report } from '../../lib/model/report';
import { runCli } from '../../cli/run';
import { memoryIo } from '../../cli/testing/memory-io';
import { testCluster } from './test-cluster';

const exec = promisify(execFile);
const root = path.join(import.meta.dirname, '..', '..');
const cluster = testCluster();
const dir = mkdtempSync(path.join(os.tmpdir(), 'release-lens-cli-it-'));
const kubeconfig = path.join(dir, 'kubeconfig.yaml');
writeFileSync(kubeconfig, cluster.kubeconfigYaml, { mode: 0o600 });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scan = async (...argv: string[]) => {
  const { io, stdout, stderr } = memoryIo();
  const code = await runCli(['scan', '--kubeconfig', kubeconfig, ...argv], io);
  return { code, stdout: stdout.text, stderr: stderr.text };
};

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('release-lens scan against kube-apiserver v1.24.17', () => {
  let report: Report;

  beforeAll(async () => {
    const r = await scan('--context', 'reader', '-f', 'json', '-q');
    expect(r.stderr).toBe('');
    // The seeded cluster has breaking findings, and the default --fail-on is breaking.
    expect(r.code).toBe(1);
    report = reportSchema.parse(JSON.parse(r.stdout));
  });

  it('reports findings with change, KEP, severity, object and evidence, and no coverage gap', () => {
    expect(report.cluster.serverVersion).toBe('v1.24.17');
    const psp = report.findings.find((f) => f.changeId === 'psp-removal' && f.object.kind === 'PodSecurityPolicy');
    expect(psp).toMatchObject({
      severity: 'breaking',
      object: { apiVersion: 'policy/v1beta1', name: expect.any(String) },
    });
    expect(psp?.evidence.length).toBeGreaterThan(0);
    expect(report.coverage.filter((c) => !['ok', 'not-served'].includes(c.status))).toEqual([]);
  });

  it('gives the namespaced user a partial report that names what was forbidden', async () => {
    const r = await scan('--context', 'team-a', '-f', 'json', '-q', '--fail-on', 'none');
    expect(r.code).toBe(0);
    const partial = reportSchema.parse(JSON.parse(r.stdout));
    const forbidden = partial.coverage.filter((c) => c.status === 'forbidden').map((c) => c.resource);
    expect(forbidden).toEqual(expect.arrayContaining(['nodes', 'persistentvolumes']));
    expect(partial.findings.every((f) => f.object.namespace === undefined || f.object.namespace === 'team-a')).toBe(
      true,
    );
    const summary = await scan('--context', 'team-a', '--fail-on', 'none');
    expect(summary.stderr.split('\n')[0]).toMatch(/^Incomplete: \d+ of \d+ resource types unreadable/);
    const strict = await scan('--context', 'team-a', '--fail-on', 'none', '--fail-on-incomplete', '-q');
    expect(strict.code).toBe(5);
  });

  it('answers an identity that can read nothing with exit 5: no finding is not a clean result', async () => {
    const r = await scan('--context', 'nobody', '-f', 'json', '--fail-on', 'none');
    expect(r.code).toBe(5);
    expect(r.stderr.split('\n')[0]).toMatch(/^Not a result: the scan could read no workloads and no nodes/);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    expect(report.findings).toEqual([]);
    expect(report.coverage.find((c) => c.resource === 'pods')?.status).toBe('forbidden');
  });

  it('answers an unknown context with exit 2, naming it', async () => {
    const r = await scan('--context', 'staging');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('staging');
    expect(r.stdout).toBe('');
  });

  it('answers a rejected token with exit 3', async () => {
    const revoked = path.join(dir, 'revoked.yaml');
    writeFileSync(revoked, cluster.kubeconfigYaml.replace(cluster.tokens.reader, 'not-a-valid-token'));
    const { io, stderr } = memoryIo();
    expect(await runCli(['scan', '--kubeconfig', revoked, '--context', 'reader'], io)).toBe(3);
    expect(stderr.text).toMatch(/^release-lens: .*(token|credential|unauthori[sz]ed)/i);
  });

  it('answers a server that is not listening with exit 3, naming host and port', async () => {
    const port = await closedPort();
    const down = path.join(dir, 'down.yaml');
    writeFileSync(down, cluster.kubeconfigYaml.replace(new URL(cluster.server).port, String(port)));
    const { io, stderr } = memoryIo();
    expect(await runCli(['scan', '--kubeconfig', down, '--context', 'reader'], io)).toBe(3);
    expect(stderr.text).toContain(`127.0.0.1:${port}`);
  });

  it('works as the built command: SARIF on stdout, exit 1', async () => {
    await exec('npx', ['tsx', 'scripts/build-cli.ts'], { cwd: root });
    const bin = path.join(root, 'bin', 'release-lens.mjs');
    const run = exec(process.execPath, [
      bin,
      'scan',
      '--kubeconfig',
      kubeconfig,
      '--context',
      'reader',
      '-f',
      'sarif',
      '-q',
    ]);
    const failure = await run.then(
      () => undefined,
      (error: unknown) => error as { code: number; stdout: string },
    );
    expect(failure?.code).toBe(1);
    const sarif = JSON.parse(failure?.stdout ?? '{}') as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.length).toBeGreaterThan(20);
  });

  it('scans a fleet: one report per context, a summary, one unreachable cluster as a row, the worst exit', async () => {
    const port = await closedPort();
    const config = parseDocument(cluster.kubeconfigYaml).toJS() as {
      clusters: { name: string; cluster: Record<string, unknown> }[];
      contexts: { name: string; context: { cluster: string; user: string } }[];
    };
    const first = config.clusters[0];
    if (!first) throw new Error('the harness kubeconfig has no cluster');
    config.clusters.push({ name: 'gone', cluster: { ...first.cluster, server: `https://127.0.0.1:${port}` } });
    config.contexts.push({ name: 'gone', context: { cluster: 'gone', user: 'reader' } });
    const fleetConfig = path.join(dir, 'fleet-kubeconfig.yaml');
    writeFileSync(fleetConfig, stringify(config), { mode: 0o600 });
    const out = path.join(dir, 'fleet');
    const { io, stdout, stderr } = memoryIo();
    const code = await runCli(
      ['scan', '--kubeconfig', fleetConfig, '--context', 'reader,admin,team-a,gone', '--output-dir', out, '-f', 'json'],
      io,
    );
    // The unreachable cluster is the worst: exit 3, and the run went on for the others.
    expect(code).toBe(3);
    expect(stderr.text).toMatch(/^gone: .*127\.0\.0\.1/m);
    const summary = JSON.parse(readFileSync(path.join(out, 'fleet.json'), 'utf8')) as {
      exit: number;
      clusters: { context: string; verdict: string; uid?: string; error?: string; file?: string }[];
    };
    expect(summary.exit).toBe(3);
    const by = new Map(summary.clusters.map((c) => [c.context, c]));
    expect(by.get('gone')).toMatchObject({ verdict: 'failed', error: expect.stringContaining('127.0.0.1') as unknown });
    expect(by.get('reader')?.verdict).toBe('blocked');
    // Two contexts of one cluster share its identity: the kube-system namespace's UID.
    expect(by.get('reader')?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(by.get('admin')?.uid).toBe(by.get('reader')?.uid);
    // A namespaced user cannot read kube-system: its row has no identity rather than a wrong one.
    expect(by.get('team-a')?.uid).toBeUndefined();
    const reader = reportSchema.parse(JSON.parse(readFileSync(path.join(out, 'reader.json'), 'utf8')));
    expect(reader.cluster.uid).toBe(by.get('reader')?.uid);
    expect(stdout.text).toContain('## Release Lens fleet: upgrade to Kubernetes 1.25');
    expect(stdout.text).toMatch(/\| gone \|  \| not scanned \|/);
    expect(readFileSync(path.join(out, 'fleet.md'), 'utf8')).toBe(stdout.text);
  });
});
