import { describe, expect, it } from 'vitest';
import { loadCatalogFrom } from '../../lib/catalog/load';
import { DEFAULT_BUDGETS } from '../../lib/model/budgets';
import type { Report } from '../../lib/model/report';
import { completenessOf } from '../../lib/report/completeness';
import { evaluate } from '../../lib/scan/evaluate';
import { readRepository, type RenderTools } from '../../lib/sources/files/repository';
import { FIXTURE_REPOSITORY, testRenderTools } from './tools';
import path from 'node:path';

const catalog = loadCatalogFrom(path.join(import.meta.dirname, '..', '..', 'data'));

async function scan(tools: RenderTools) {
  const result = await readRepository(['.'], FIXTURE_REPOSITORY, {
    source: { kind: 'files', label: 'fixture' },
    budgets: DEFAULT_BUDGETS,
    target: '1.25',
    removedApis: catalog.removedApis,
    tools,
  });
  return { result, report: evaluate(result.snapshot, { target: '1.25', catalog }) };
}

const lines = (report: Report) =>
  report.findings.map((f) => `${f.location?.path}:${f.location?.line} ${f.changeId} ${f.severity}`).sort();

/** What the files say whether or not anything is rendered. */
const PLAIN = [
  'charts/legacy/Chart.yaml:5 helm-chart-kube-version breaking',
  'charts/shop/charts/cache/templates/pdb.yaml:1 pdb-v1beta1-removal breaking',
  'charts/shop/templates/cronjob.yaml:4 cronjob-v1beta1-removal info',
  'charts/shop/templates/pdb.yaml:1 pdb-v1beta1-removal info',
  'charts/shop/templates/psp.yaml:2 psp-removal breaking',
  'deploy/autoscaling.yaml:1 hpa-v2beta1-removal breaking',
  'deploy/jobs.json:5 cronjob-timezone-beta info',
  'deploy/jobs.json:5 cronjob-v1beta1-removal breaking',
  'deploy/web.yaml:2 dockershim-removal breaking',
  'deploy/web.yaml:2 kubeadm-master-label-removal action',
  'deploy/web.yaml:27 pdb-v1beta1-removal breaking',
];

describe('a repository read without helm or kustomize', async () => {
  const { result, report } = await scan({});

  it('finds each problem at its file and line, templates graded by branch', () => {
    expect(lines(report)).toEqual([...PLAIN, 'kustomize/base/pdb.yaml:1 pdb-v1beta1-removal breaking'].sort());
  });

  it('passes over files that are not Kubernetes, and never enters hidden directories', () => {
    expect(result.ignored).toEqual(['ci/release.yml', 'docker-compose.yml']);
    expect(report.findings.some((f) => f.location?.path.startsWith('.github'))).toBe(false);
  });

  it('says what was not rendered and why, so the report is incomplete rather than clean', () => {
    expect(result.unread.map((u) => `${u.path}: ${u.reason.split(':')[0]}`)).toEqual([
      'charts/shop/Chart.yaml: the chart was not rendered (helm is not installed)',
      'charts/legacy/Chart.yaml: its dependency redis (https',
      'charts/legacy/Chart.yaml: the chart was not rendered (helm is not installed)',
      'kustomize/overlays/prod/kustomization.yaml: the kustomization was not rendered (neither kubectl nor kustomize is installed)',
      'kustomize/overlays/staging/kustomization.yaml: the kustomization was not rendered (neither kubectl nor kustomize is installed)',
    ]);
    expect(completenessOf(report).status).toBe('incomplete');
  });

  it('names the checks that need a live cluster as not checkable, not as clean', () => {
    const c = completenessOf(report);
    expect(c.notCheckable).toEqual(expect.arrayContaining(['node-runtime', 'kubelet-version-skew']));
    expect(c.blindChecks).toEqual([]);
    expect(c.unreadable).toEqual([]);
  });

  it('reads the Go template text inside a ConfigMap as data, not as a chart template', () => {
    expect(result.snapshot.manifests?.some((m) => m.ref.name === 'alert-templates')).toBe(true);
  });
});

describe('a repository rendered with helm and kubectl kustomize', async () => {
  const found = await testRenderTools();
  const run = 'tools' in found ? await scan(found.tools) : undefined;

  it.skipIf(!run)('renders charts for both releases and each overlay, locating objects in their source files', () => {
    if (!run) return;
    expect(lines(run.report)).toEqual(
      [
        ...PLAIN,
        'charts/shop/templates/cronjob.yaml:2 cronjob-timezone-beta info',
        'charts/shop/templates/deployment.yaml:1 dockershim-removal breaking',
        'charts/shop/templates/deployment.yaml:1 grpc-probes-beta info',
        'charts/shop/templates/deployment.yaml:1 seccomp-annotations-removal action',
        // The base PDB, deployed twice: once by each overlay, with its namespace.
        'kustomize/base/pdb.yaml:1 pdb-v1beta1-removal breaking',
        'kustomize/base/pdb.yaml:1 pdb-v1beta1-removal breaking',
      ].sort(),
    );
    const overlays = run.report.findings
      .filter((f) => f.location?.path === 'kustomize/base/pdb.yaml')
      .map((f) => `${f.object.namespace}/${f.object.name}`)
      .sort();
    expect(overlays).toEqual(['payments-staging/payments', 'payments/prod-payments']);
  });

  it.skipIf(!run)('still says what it could not render: a chart whose dependency is not vendored', () => {
    if (!run) return;
    const charts = run.result.snapshot.charts ?? [];
    expect(charts.find((c) => c.name === 'shop')?.rendering).toEqual({ rendered: ['1.24', '1.25'] });
    expect(charts.find((c) => c.name === 'legacy-batch')?.rendering).toMatchObject({
      notRendered: expect.stringContaining('missing in charts/ directory: redis'),
    });
    expect(run.result.unread.map((u) => u.path)).toEqual(['charts/legacy/Chart.yaml', 'charts/legacy/Chart.yaml']);
  });
});
