import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../lib/report/schema';
import { runCli } from './run';
import { memoryIo } from './testing/memory-io';

const dir = mkdtempSync(path.join(os.tmpdir(), 'release-lens-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small kubectl List: a dockershim node, a CronJob with its removed-version history, a clean Deployment. */
const snapshotList = {
  apiVersion: 'v1',
  kind: 'List',
  items: [
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'worker-1', labels: {} },
      status: { nodeInfo: { kubeletVersion: 'v1.23.17', containerRuntimeVersion: 'docker://20.10.17' } },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: {
        name: 'nightly',
        namespace: 'shop-prod',
        managedFields: [
          { manager: 'deploy-bot', operation: 'Update', apiVersion: 'batch/v1beta1', time: '2023-01-01T00:00:00Z' },
        ],
      },
      spec: {
        schedule: '0 2 * * *',
        jobTemplate: {
          spec: {
            template: {
              spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'ghcr.io/acme/job:1' }] },
            },
          },
        },
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop-prod' },
      spec: { template: { metadata: {}, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } },
    },
  ],
};
const snapshotFile = path.join(dir, 'cluster.json');
writeFileSync(snapshotFile, JSON.stringify(snapshotList));

const run = async (argv: string[], stdin = '') => {
  const { io, stdout, stderr } = memoryIo(stdin);
  const code = await runCli(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
};

describe('release-lens (in process)', () => {
  it('prints help, version, and a usage error without a command', async () => {
    expect((await run(['--help'])).stdout).toContain('release-lens scan [source] [options]');
    expect((await run(['help', 'scan'])).stdout).toContain('--fail-on LEVEL');
    expect((await run(['scan', '--help'])).stdout).toContain('--snapshot FILE');
    expect((await run(['--version'])).stdout).toMatch(/^release-lens \d+\.\d+\.\d+/);
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^release-lens: missing a command/);
    expect((await run(['deploy'])).stderr).toContain('unknown command "deploy"');
  });

  it('lists the catalog, as a table or JSON', async () => {
    const table = await run(['changes', '--release', '1.24']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+RELEASE\s+SEVERITY\s+STAGE\s+KEP\s+TITLE$/);
    expect(table.stdout).toContain('dockershim-removal');
    const releases = table.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(/\s+/)[1]);
    expect(new Set(releases)).toEqual(new Set(['1.24']));
    const json = JSON.parse((await run(['changes', '--json'])).stdout) as { id: string; release: string }[];
    expect(json.length).toBeGreaterThan(60);
    expect(new Set(json.map((c) => c.release))).toEqual(new Set(['1.24', '1.25']));
  });

  it('scans the demo cluster: Markdown by default, exit 1 on breaking findings, a summary on stderr', async () => {
    const r = await run(['scan', '--demo']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^## Release Lens: upgrade to Kubernetes 1\.25$/m);
    expect(r.stderr).toMatch(/Scanned .* for Kubernetes 1\.25: \d+ findings \(\d+ breaking, \d+ action, \d+ info\)/);
    expect(r.stderr).toContain('Exit code 1');
    expect((await run(['scan', '--demo', '--fail-on', 'none', '-q'])).code).toBe(0);
  });

  it('puts every finding of the demo in its Markdown, and the verdict first', async () => {
    const json = reportSchema.parse(JSON.parse((await run(['scan', '--demo', '-f', 'json', '-q'])).stdout));
    const md = (await run(['scan', '--demo', '-q'])).stdout;
    const inMarkdown = new Set([...md.matchAll(/<!-- finding:([A-Za-z0-9_.:-]+) -->/g)].map((m) => m[1]));
    expect(json.findings.length).toBeGreaterThan(30);
    expect(json.findings.filter((f) => !inMarkdown.has(f.id)).map((f) => f.id)).toEqual([]);
    expect(md.split('\n')[2]).toMatch(/^(\*\*)?(Complete|Incomplete)/);
  });

  it('writes each format, to stdout or atomically to --output', async () => {
    const json = await run(['scan', '--demo', '-f', 'json', '-q']);
    const report = reportSchema.parse(JSON.parse(json.stdout));
    expect(report.findings.length).toBeGreaterThan(10);
    expect(json.stderr).toBe('');
    expect((await run(['scan', '--demo', '-f', 'csv', '-q'])).stdout).toMatch(/^severity,change_id/);
    const out = path.join(dir, 'report.sarif');
    const sarif = await run(['scan', '--demo', '-f', 'sarif', '-o', out, '-q']);
    expect(sarif.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ version: '2.1.0' });
  });

  it('scans snapshot files and stdin, with findings on the objects in them', async () => {
    const r = await run(['scan', '--snapshot', snapshotFile, '-f', 'json', '-q']);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    const found = report.findings.map((f) => `${f.changeId} ${f.object.kind}/${f.object.name}`);
    expect(found).toContain('dockershim-removal Node/worker-1');
    expect(found).toContain('cronjob-v1beta1-removal CronJob/nightly');
    expect(found.some((f) => f.endsWith('Deployment/web'))).toBe(false);
    const piped = await run(['scan', '--snapshot', '-', '-f', 'json', '-q'], JSON.stringify(snapshotList));
    expect(reportSchema.parse(JSON.parse(piped.stdout)).findings).toHaveLength(report.findings.length);
  });

  it('redacts namespaces and names', async () => {
    const r = await run(['scan', '--snapshot', snapshotFile, '--redact', '-f', 'json', '-q']);
    expect(r.stdout).not.toContain('shop-prod');
    expect(r.stdout).not.toContain('worker-1');
    expect(reportSchema.parse(JSON.parse(r.stdout)).redaction?.fields.length).toBeGreaterThan(0);
  });

  it('gives exit 2 and a clear message for a missing, malformed or empty snapshot', async () => {
    const missing = await run(['scan', '--snapshot', path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Could not read the snapshot .*nope\.json \(ENOENT\)/);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"apiVersion": "v1", "kind": "List", "items": [');
    const malformed = await run(['scan', '--snapshot', bad]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/^release-lens: .*bad\.json/);
    expect(malformed.stdout).toBe('');
    const empty = await run(['scan', '--snapshot', '-'], '');
    expect(empty.code).toBe(2);
  });

  it('says where an --output file could not be written, after a finished scan', async () => {
    const r = await run(['scan', '--demo', '-o', path.join(dir, 'no-such-dir', 'r.md'), '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Could not write .*r\.md \(ENOENT\)/);
  });
});
