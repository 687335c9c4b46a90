import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogFrom } from '../../catalog/load';
import { DEFAULT_BUDGETS } from '../../model/budgets';
import { renderText } from '../../model/text';
import { evaluate } from '../../scan/evaluate';
import { readManifestFiles, type ManifestFile } from './read';

const catalog = loadCatalogFrom(path.join(import.meta.dirname, '..', '..', '..', 'data'));
const source = { kind: 'files' as const, label: 'repo' };

const REPO: ManifestFile[] = [
  {
    path: 'deploy/web.yaml',
    text: [
      '# the web tier',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      '  namespace: shop',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          image: nginx:1.25',
      '          volumeMounts: [{ name: sock, mountPath: /var/run/docker.sock }]',
      '      volumes:',
      '        - name: sock',
      '          hostPath: { path: /var/run/docker.sock }',
      '---',
      'apiVersion: policy/v1beta1',
      'kind: PodDisruptionBudget',
      'metadata:',
      '  name: web',
      '  namespace: shop',
      'spec:',
      '  minAvailable: 1',
      '',
    ].join('\n'),
  },
  {
    path: 'deploy/jobs.json',
    text: JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'List',
        items: [
          {
            apiVersion: 'batch/v1beta1',
            kind: 'CronJob',
            metadata: { name: 'nightly', namespace: 'ops' },
            spec: {
              schedule: '0 1 * * *',
              jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'x' }] } } } },
            },
          },
        ],
      },
      null,
      2,
    ),
  },
  { path: '.github/workflows/ci.yaml', text: 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n' },
  { path: 'docker-compose.yml', text: 'services:\n  web:\n    image: nginx\n' },
  {
    path: 'chart/templates/pdb.yaml',
    text: 'apiVersion: {{ .Values.api }}\nkind: PodDisruptionBudget\nmetadata:\n  name: {{ .Release.Name }}\n',
  },
];

describe('readManifestFiles', () => {
  const result = readManifestFiles(REPO, { source });

  it('reads multi-document YAML and JSON Lists, keeping where each object is written', () => {
    expect(result.snapshot.manifests?.map((l) => `${l.ref.kind} ${l.location.path}:${l.location.line}`)).toEqual([
      'Deployment deploy/web.yaml:2',
      'PodDisruptionBudget deploy/web.yaml:18',
      'CronJob deploy/jobs.json:5',
    ]);
    expect(result.snapshot.workloads.map((w) => w.metadata.name).sort()).toEqual(['nightly', 'web']);
  });

  it('passes over files that are not Kubernetes and lists those that do not parse, with where', () => {
    expect(result.ignored).toEqual(['.github/workflows/ci.yaml', 'docker-compose.yml']);
    expect(result.unread).toEqual([
      {
        path: 'chart/templates/pdb.yaml:1',
        reason: 'it is a template ({{ … }}), not a manifest: render it first (helm template, kustomize build)',
      },
    ]);
  });

  it('records what it could not read on the snapshot, so the report says so', () => {
    expect(result.snapshot.skipped).toEqual([
      { file: 'chart/templates/pdb.yaml:1', count: 1, reasons: [expect.stringMatching(/^it is a template/)] },
    ]);
  });

  it('says what only a live cluster holds is not in files', () => {
    const cov = new Map(result.snapshot.coverage.map((c) => [c.resource, c.status]));
    expect(cov.get('nodes')).toBe('not-provided');
    expect(cov.get('metrics')).toBe('not-provided');
    expect(cov.get('deployments')).toBe('ok');
  });

  it('skips a document over a budget, naming the file and line', () => {
    const big = {
      path: 'big.yaml',
      text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  x: ${'y'.repeat(3000)}\n`,
    };
    const r = readManifestFiles([big], { source, budgets: { ...DEFAULT_BUDGETS, documentBytes: 1024 } });
    expect(r.unread).toEqual([
      { path: 'big.yaml:1', reason: 'it is larger than 1 KiB (RELEASE_LENS_MAX_DOCUMENT_BYTES)' },
    ]);
  });
});

describe('checks on files', () => {
  const report = evaluate(readManifestFiles(REPO, { source }).snapshot, { target: '1.25', catalog });
  const at = (f: (typeof report.findings)[number]) => (f.location ? `${f.location.path}:${f.location.line}` : '?');

  it('finds removed apiVersions in the manifests themselves, certain, at their line', () => {
    const removed = report.findings.filter((f) => f.ruleId === 'removed-api-manifests');
    expect(removed.map((f) => [f.changeId, f.severity, f.confidence, at(f)])).toEqual([
      ['cronjob-v1beta1-removal', 'breaking', 'certain', 'deploy/jobs.json:5'],
      ['pdb-v1beta1-removal', 'breaking', 'certain', 'deploy/web.yaml:18'],
    ]);
    expect(renderText(removed[1]?.message ?? [])).toContain('is written with apiVersion policy/v1beta1');
  });

  it('runs the pod-template checks on manifests, pointing at the manifest', () => {
    const sock = report.findings.find((f) => f.ruleId === 'docker-socket');
    expect(sock && at(sock)).toBe('deploy/web.yaml:2');
  });

  it('says the checks that need a live cluster were not run, never that they are clean', () => {
    const runs = new Map(report.rules.map((r) => [r.ruleId, r.status]));
    expect(runs.get('node-runtime')).toBe('blind');
    expect(runs.get('removed-api-metrics')).toBe('blind');
  });
});
