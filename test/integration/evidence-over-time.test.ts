/**
 * Findings that depend on time and on the scan itself, on a fresh, empty kube-apiserver v1.24.17 (not the seeded
 * one, whose other scenarios would blur both): a scan must not report what its own reads caused, and writes are
 * weighed by when they happened, across writers.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogFrom } from '../../lib/catalog/load';
import type { Report } from '../../lib/model/report';
import { renderText } from '../../lib/model/text';
import { runScan } from '../../lib/scan/run-scan';
import { startCluster, type RunningCluster } from '../cluster-harness/harness';
import { closeAgent, kubeOk } from '../cluster-harness/harness/kube-request';

const root = path.join(import.meta.dirname, '..', '..');
const catalog = loadCatalogFrom(path.join(root, 'data'));
let cluster: RunningCluster;

beforeAll(async () => {
  cluster = await startCluster();
}, 240_000);
afterAll(async () => {
  await cluster.stop();
  closeAgent(cluster.caPem);
});

const scan = (): Promise<Report> =>
  runScan(
    { kind: 'upload', kubeconfig: cluster.kubeconfigYaml, context: 'reader' },
    { target: '1.25', catalog, dataDir: path.join(root, 'data') },
  );
const summary = (r: Report) => r.findings.map((f) => `${f.id} ${f.severity} ${f.changeId}`).sort();

describe('a fresh, empty 1.24 cluster', () => {
  it('gives identical findings on two consecutive scans, none above info, although the first raised the PSP series', async () => {
    const first = await scan();
    const second = await scan();
    expect(second.findings.filter((f) => f.severity !== 'info').map((f) => renderText(f.message))).toEqual([]);
    expect(summary(second)).toEqual(summary(first));
    // The second scan saw the series the first one raised, and says where it came from.
    const note = second.notes.find((n) => n.kind === 'deprecated-api-read');
    expect(renderText(note?.message ?? [])).toMatch(/The series is present now; a scan .* explains it/);
  });

  it('grades an object written through a removed version and later through its replacement by another writer as action, naming both writes', async () => {
    const ns = 'time-order';
    await kubeOk(cluster, 'POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns },
    });
    const pdb = {
      apiVersion: 'policy/v1beta1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'web', namespace: ns },
      spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } },
    };
    await kubeOk(cluster, 'POST', `/apis/policy/v1beta1/namespaces/${ns}/poddisruptionbudgets`, pdb, undefined, {
      query: { fieldManager: 'kubectl-client-side-apply' },
    });
    // managedFields times have one-second resolution.
    await new Promise((r) => setTimeout(r, 1500));
    await kubeOk(
      cluster,
      'PATCH',
      `/apis/policy/v1/namespaces/${ns}/poddisruptionbudgets/web`,
      { spec: { minAvailable: 2 } },
      undefined,
      { query: { fieldManager: 'deploy-bot' } },
    );
    const report = await scan();
    const f = report.findings.find((x) => x.object.name === 'web' && x.object.namespace === ns);
    expect(f).toMatchObject({ ruleId: 'removed-api-objects', changeId: 'pdb-v1beta1-removal', severity: 'action' });
    const message = renderText(f?.message ?? []);
    expect(message).toMatch(/kubectl-client-side-apply through policy\/v1beta1 at \d{4}-/);
    expect(message).toMatch(/the latest write went through a served version: deploy-bot through policy\/v1 at \d{4}-/);
  });
});
