import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run';
import { memoryIo } from './testing/memory-io';

const REPO = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'repository');

async function run(argv: string[], stdin = '', tty = false) {
  const { io, stdout, stderr } = memoryIo(stdin, { tty });
  const code = await runCli(argv, { ...io, cwd: REPO });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

interface SarifResult {
  ruleId: string;
  level: string;
  locations: { physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
}

describe('release-lens scan --files', () => {
  it('scans a repository: findings at path:line in Markdown, exit 1 on breaking, not-checkable named on stderr', async () => {
    const r = await run(['scan', '--files', '.']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('| Repository | `.` |');
    expect(r.stdout).toContain('`web` at `deploy/web.yaml:27`');
    expect(r.stdout).toContain('`nightly-report` at `deploy/jobs.json:5`');
    expect(r.stdout).toContain('at `charts/legacy/Chart.yaml:5`');
    expect(r.stderr).toContain('Not checkable from files (need a live cluster):');
  });

  it('prints a table on a terminal by default, one row per finding with where it is written', async () => {
    const r = await run(['scan', '--files', 'deploy', '-q'], '', true);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Complete: every file was read\./);
    expect(lines.find((l) => l.includes('Severity'))).toMatch(/Severity\s+│\s+Object\s+│\s+Finding/);
    expect(r.stdout).toContain('@ deploy/web.yaml:27');
    expect(r.stdout).toContain('(pdb-v1beta1-removal)');
    expect(r.stdout).toContain('BREAKING');
    // Piped, the same scan is Markdown.
    expect((await run(['scan', '--files', 'deploy', '-q'])).stdout).toMatch(
      /^## Release Lens: upgrade to Kubernetes 1\.25/,
    );
  });

  it('gives SARIF physical locations, so code scanning annotates the line', async () => {
    const r = await run(['scan', '--files', 'deploy', '-f', 'sarif', '-q']);
    const sarif = JSON.parse(r.stdout) as { runs: { results: SarifResult[] }[] };
    const where = sarif.runs[0]?.results.map((x) => {
      const loc = x.locations[0]?.physicalLocation;
      return `${x.ruleId} ${loc?.artifactLocation.uri}:${loc?.region.startLine}`;
    });
    expect(where).toEqual(
      expect.arrayContaining([
        'pdb-v1beta1-removal deploy/web.yaml:27',
        'cronjob-v1beta1-removal deploy/jobs.json:5',
        'hpa-v2beta1-removal deploy/autoscaling.yaml:1',
        'dockershim-removal deploy/web.yaml:2',
      ]),
    );
  });

  it('reads manifests from stdin with -, named stdin', async () => {
    const manifest =
      'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: nightly\n  namespace: ops\nspec:\n  schedule: "@daily"\n';
    const r = await run(['scan', '--files', '-', '-f', 'csv', '-q'], manifest);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('stdin:1');
  });

  it('refuses what cannot be scanned before starting: a missing path, --values without --files, stdin twice', async () => {
    const missing = await run(['scan', '--files', 'no/such/dir']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Could not read the path no/such/dir (ENOENT)');
    expect((await run(['scan', '--values', 'v.yaml'])).stderr).toContain('--values renders the charts of a repository');
    expect((await run(['scan', '--files', '-', '--snapshot', '-'])).stderr).toContain(
      '--snapshot - and --files - cannot both read stdin',
    );
    expect((await run(['scan', '--files', '.', '--values', 'nope.yaml'])).stderr).toContain(
      'Could not read the values file nope.yaml',
    );
  });

  it('keeps accepted findings in the report, marked with their reason, and leaves them out of the exit code', async () => {
    const r = await run([
      'scan',
      '--files',
      'deploy/web.yaml',
      'charts/legacy',
      '--ignore-file',
      '.config/accepted.yaml',
      '-f',
      'csv',
    ]);
    expect(r.stdout).toContain(
      'the shop team switches to policy/v1 in its next release, until 2099-12-31, .config/accepted.yaml:6',
    );
    expect(r.stdout).toContain(
      'the legacy batch chart is retired before the cluster moves to 1.25, .config/accepted.yaml:3',
    );
    // What is left at or above breaking is the Docker socket of deploy/web.yaml.
    expect(r.code).toBe(1);
    const sarif = await run([
      'scan',
      '--files',
      'deploy/web.yaml',
      '--ignore-file',
      '.config/accepted.yaml',
      '-f',
      'sarif',
      '-q',
    ]);
    const results =
      (
        JSON.parse(sarif.stdout) as {
          runs: { results: (SarifResult & { suppressions?: { justification: string }[] })[] }[];
        }
      ).runs[0]?.results ?? [];
    expect(results.find((x) => x.ruleId === 'pdb-v1beta1-removal')?.suppressions?.[0]?.justification).toBe(
      'the shop team switches to policy/v1 in its next release (until 2099-12-31)',
    );
    const docker = await run(['scan', '--files', 'charts/legacy', '--ignore-file', '.config/accepted.yaml', '-q']);
    expect(docker.code).toBe(0);
  });

  it('refuses an ignore file with mistakes before scanning, naming each line', async () => {
    const r = await run(['scan', '--files', '.', '--ignore-file', 'charts/shop/values.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('The ignore file charts/shop/values.yaml has mistakes');
    expect(r.stderr).toContain('charts/shop/values.yaml:1: unknown key "image" (expected "ignore")');
    expect(r.stderr).toContain('charts/shop/values.yaml:4: unknown key "ingress" (expected "ignore")');
    expect(r.stdout).toBe('');
  });

  it('widens a changed template or base file to its chart or kustomization, as a pull-request check names them', async () => {
    const r = await run([
      'scan',
      '--files',
      'charts/shop/charts/cache/templates/pdb.yaml',
      'kustomize/base/pdb.yaml',
      '-f',
      'csv',
      '-q',
    ]);
    // The subchart's template is read as part of the whole shop chart: its helpers and branches are known.
    expect(r.stdout).toContain('charts/shop/templates/pdb.yaml:1');
    expect(r.stdout).toContain('charts/shop/charts/cache/templates/pdb.yaml:1');
    expect(r.stdout).toContain('kustomize/base/pdb.yaml:1');
    expect(r.stdout).not.toContain('deploy/web.yaml');
  });

  it('joins a cluster scan with the repository: each finding names its source, and whether to fix it or redeploy', async () => {
    const cluster = {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        {
          apiVersion: 'policy/v1',
          kind: 'PodDisruptionBudget',
          metadata: {
            name: 'web',
            namespace: 'shop',
            uid: 'pdb-1',
            managedFields: [
              {
                manager: 'kubectl-client-side-apply',
                operation: 'Update',
                apiVersion: 'policy/v1beta1',
                time: '2024-01-01T00:00:00Z',
              },
            ],
          },
          spec: { minAvailable: 1 },
        },
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          metadata: {
            name: 'cleanup',
            namespace: 'shop',
            uid: 'cj-1',
            managedFields: [
              { manager: 'deploy-bot', operation: 'Update', apiVersion: 'batch/v1beta1', time: '2024-01-01T00:00:00Z' },
            ],
          },
          spec: {
            schedule: '0 1 * * *',
            jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'x' }] } } } },
          },
        },
      ],
    };
    const r = await run(['scan', '--snapshot', '-', '--files', 'deploy', '-f', 'csv', '-q'], JSON.stringify(cluster));
    expect(r.stdout).toContain('its source deploy/web.yaml:27 still says policy/v1beta1: fix the source first');
    // Nothing in deploy/ writes the CronJob: its finding stays as it was.
    const cron = r.stdout.split('\n').find((l) => l.includes('cronjob-v1beta1-removal') && l.includes('cleanup'));
    expect(cron).toBeDefined();
    expect(cron).not.toContain('its source');
  });

  it('passes over a repository without Kubernetes files: no finding, exit 0', async () => {
    const r = await run(['scan', '--files', 'ci', '--files', 'docker-compose.yml', '-q']);
    expect(r.code).toBe(0);
  });
});
