import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadCatalogFrom } from '../lib/catalog/load';
import { isReadableName } from '../lib/report/redact/readable';
import type { Report } from '../lib/model/report';
import { closeAgent, kubeOk } from '../test/cluster-harness/harness/kube-request';
import { e2eCluster, kubeconfigFor } from './cluster-info';
import { expect, test } from './fixtures';
import { ImpactPage } from './pages/impact-page';
import { findingObjects, saveReport, scanAndSaveDemo } from './pages/report-page';

const execFileAsync = promisify(execFile);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordRe = (name: string) => new RegExp(`(^|[^A-Za-z0-9-])${escape(name)}([^A-Za-z0-9-]|$)`);

/**
 * The catalog's own text, which report pages and exports quote. A cluster name that is also an ordinary word there
 * ("monitoring") cannot show a leak, so the redaction test leaves such names out.
 */
const catalogText = JSON.stringify(loadCatalogFrom(path.join(import.meta.dirname, '..', 'data')));

/** Namespaces and names a cluster owner chose, as they appear in a report. */
function originalNames(report: Report): string[] {
  const names = new Set<string>();
  for (const f of report.findings) {
    for (const ref of [f.object, f.owner]) {
      if (!ref) continue;
      if (ref.namespace) names.add(ref.namespace);
      if (!ref.name.includes(' ')) names.add(ref.name);
    }
    if (f.helmRelease) names.add(f.helmRelease.name).add(f.helmRelease.namespace);
  }
  return [...names].filter((n) => n.length >= 4 && !isReadableName(n));
}

test.describe('saved reports', () => {
  test('a saved report opens in a fresh browser with the same findings', async ({ page, browser }) => {
    const link = await scanAndSaveDemo(page);
    expect(link).toMatch(/^\/reports\/[A-Za-z0-9_-]{22,}$/);
    const before = await findingObjects(page);
    expect(before.length).toBeGreaterThan(10);

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(link);
    await expect(other.getByTestId('impact-view')).toBeVisible();
    expect(await findingObjects(other)).toEqual(before);
    await fresh.close();
  });

  test('a redacted report shows no original namespace or name, in the page or any export', async ({
    page,
    request,
  }) => {
    const plainLink = await scanAndSaveDemo(page);
    const plain = ((await (await request.get(`/api${plainLink}`)).json()) as { report: Report }).report;
    const originals = originalNames(plain).filter((n) => !wordRe(n).test(catalogText));
    expect(originals.length).toBeGreaterThan(5);

    await page.getByRole('button', { name: /^Scan/ }).click();
    await expect(page.getByTestId('impact-view')).toBeVisible();
    const redactedLink = await saveReport(page, { redact: true });
    await page.goto(redactedLink);
    await expect(page.getByTestId('redaction-note')).toBeVisible();
    await new ImpactPage(page).expandAllGroups();
    const texts = [`page: ${await page.content()}`];
    for (const format of ['md', 'json', 'csv', 'sarif']) {
      const res = await request.get(`/api${redactedLink}/export?format=${format}`);
      expect(res.status()).toBe(200);
      texts.push(`${format}: ${await res.text()}`);
    }
    for (const name of originals) {
      const re = wordRe(name);
      for (const text of texts) expect(re.test(text), `"${name}" in ${text.slice(0, 8)}`).toBe(false);
    }
  });

  test('offers every export of a saved report', async ({ page, request }) => {
    const link = await scanAndSaveDemo(page);
    await page.goto(link);
    const expected = {
      md: /^## Release Lens: upgrade to Kubernetes 1\.2[45]$/m,
      json: /"schemaVersion": 2/,
      csv: /^severity,change_id/,
      sarif: /"version": "2\.1\.0"/,
    };
    for (const [format, pattern] of Object.entries(expected)) {
      const href = await page.getByTestId(`export-${format}`).getAttribute('href');
      const res = await request.get(href ?? '');
      expect(res.status(), format).toBe(200);
      expect(await res.text()).toMatch(pattern);
      // Named by cluster and scan date, so downloads of several clusters do not overwrite each other.
      expect(res.headers()['content-disposition']).toMatch(
        /filename="release-lens-[A-Za-z0-9._-]+-\d{4}-\d{2}-\d{2}\./,
      );
    }
  });

  test.describe('an unknown report id', () => {
    test.use({ allowedConsoleErrors: [/status of 404 .*\/reports\/AAAA/] });
    test('answers with the 404 page', async ({ page }) => {
      const response = await page.goto('/reports/AAAAAAAAAAAAAAAAAAAAAA');
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: 'No such report' })).toBeVisible();
    });
  });

  test('the CLI uploads a scan and prints a link that opens it', async ({ page, baseURL }) => {
    const bin = path.join(import.meta.dirname, '..', 'bin', 'release-lens.mjs');
    const out = path.join(os.tmpdir(), `rl-e2e-upload-${process.pid}.md`);
    // Exit 1: the demo has breaking findings; the report is written and uploaded all the same.
    const result = await execFileAsync(process.execPath, [
      bin,
      'scan',
      '--demo',
      '-q',
      '-o',
      out,
      '--upload',
      baseURL ?? '',
    ])
      .then(() => ({ code: 0, stdout: '' }))
      .catch((error: { code: number; stdout: string }) => error);
    expect(result.code).toBe(1);
    const link = result.stdout.trim();
    expect(link).toMatch(new RegExp(`^${escape(baseURL ?? '')}/reports/[A-Za-z0-9_-]{22,}$`));
    expect(readFileSync(out, 'utf8')).toMatch(/^## Release Lens: upgrade to Kubernetes 1\.25$/m);
    await page.goto(link);
    await expect(page.getByTestId('impact-view')).toBeVisible();
    expect((await findingObjects(page)).length).toBeGreaterThan(10);
  });

  test('only the saving browser lists and deletes its report; nobody else can list or delete it', async ({
    page,
    browser,
    request,
  }) => {
    const link = await scanAndSaveDemo(page);
    const id = link.split('/').pop() ?? '';

    // Anonymous: no listing, no deleting, but the link opens the report.
    const list = await request.get('/api/reports');
    expect(list.status()).toBe(403);
    expect(await list.text()).not.toContain(id);
    expect((await request.delete(`/api/reports/${id}`)).status()).toBe(401);
    const wrong = await request.delete(`/api/reports/${id}`, { headers: { Authorization: 'Bearer not-the-token' } });
    expect(wrong.status()).toBe(403);
    const other = await browser.newContext();
    const stranger = await other.newPage();
    await stranger.goto('/reports');
    await expect(stranger.locator(`[data-report-id="${id}"]`)).toHaveCount(0);
    await stranger.goto(link);
    await expect(stranger.getByTestId('impact-view')).toBeVisible();
    await expect(stranger.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    await other.close();

    // The saver: listed in "your reports", deleted after confirmation.
    await page.goto('/reports');
    const row = page.locator(`[data-report-id="${id}"]`);
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: 'Delete' }).click();
    await row.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(row).toHaveCount(0);
    expect((await request.get(`/api${link}`)).status()).toBe(404);
  });

  test('refuses requests from other sites and for other host names', async ({ request, baseURL }) => {
    const report = ((await (await request.get('/schema/report-v2.json')).json()) as { $id: string }).$id;
    expect(report).toMatch(/report-v2\.json$/);
    const body = JSON.stringify({ target: '1.25', source: { kind: 'demo' } });
    const foreign = await request.post('/api/scan', {
      data: body,
      headers: { Origin: 'https://attacker.example', 'Content-Type': 'application/json' },
    });
    expect(foreign.status()).toBe(403);
    const crossSite = await request.post('/api/reports', {
      data: body,
      headers: { 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/json' },
    });
    expect(crossSite.status()).toBe(403);
    const plain = await request.post('/api/scan', { data: body, headers: { 'Content-Type': 'text/plain' } });
    expect(plain.status()).toBe(415);
    const rebound = await request.get('/', { headers: { Host: 'rebind.attacker.example' } });
    expect(rebound.status()).toBe(421);
    const own = await request.post('/api/scan', {
      data: body,
      headers: { Origin: baseURL ?? '', 'Content-Type': 'application/json' },
    });
    expect(own.status()).toBe(200);
  });

  test('the printed report holds every finding and no button', async ({ page, request }) => {
    const link = await scanAndSaveDemo(page);
    const stored = (await (await request.get(`/api${link}`)).json()) as { report: Report };
    await page.goto(link);
    await page.emulateMedia({ media: 'print' });
    // A person prints long after the page is interactive; the test may be faster than hydration, so it asks again.
    await expect
      .poll(async () => {
        await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
        return page.getByTestId('finding').count();
      })
      .toBe(stored.report.findings.length);
    for (const button of await page.getByRole('button', { name: /^Show \d+ more/ }).all())
      await expect(button).toBeHidden();
  });

  test('shows text from the cluster as text, never as HTML', async ({ page }) => {
    const payload = '<img src=x onerror="window.__pwned=1">';
    const dir = os.tmpdir();
    const file = path.join(dir, `rl-e2e-html-${process.pid}.json`);
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'agent',
        namespace: 'tools',
        uid: 'd-1',
        annotations: { 'meta.helm.sh/release-name': payload, 'meta.helm.sh/release-namespace': 'tools' },
      },
      spec: {
        replicas: 1,
        template: {
          metadata: { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': payload } },
          spec: {
            containers: [
              { name: 'agent', image: 'agent:1', volumeMounts: [{ name: 'sock', mountPath: '/var/run/docker.sock' }] },
            ],
            volumes: [{ name: 'sock', hostPath: { path: '/var/run/docker.sock' } }],
          },
        },
      },
    };
    writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [deployment] }));
    const impact = new ImpactPage(page);
    await impact.goto();
    await impact.chooseSource('Upload a snapshot');
    await page.getByLabel(/^Snapshot files/).setInputFiles(file);
    await impact.scan();
    await expect(impact.view).toBeVisible();
    const link = await saveReport(page);
    await page.goto(link);
    await impact.expandAllGroups();
    await expect(page.getByText(payload).first()).toBeVisible();
    await expect(page.locator('main img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test('the comparison of two scans shows what was fixed', async ({ page }) => {
    const cluster = e2eCluster();
    const ns = `rl-e2e-compare-${Date.now()}`;
    await kubeOk(cluster, 'POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns },
    });
    await kubeOk(cluster, 'POST', `/apis/apps/v1/namespaces/${ns}/daemonsets`, {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'docker-gc' },
      spec: {
        selector: { matchLabels: { app: 'docker-gc' } },
        template: {
          metadata: { labels: { app: 'docker-gc' } },
          spec: {
            containers: [
              { name: 'gc', image: 'gc:1', volumeMounts: [{ name: 'sock', mountPath: '/var/run/docker.sock' }] },
            ],
            volumes: [{ name: 'sock', hostPath: { path: '/var/run/docker.sock' } }],
          },
        },
      },
    });
    const impact = new ImpactPage(page);
    const scanSave = async () => {
      await impact.goto();
      await impact.pasteKubeconfig(kubeconfigFor('reader'));
      await impact.scan();
      await expect(impact.view).toBeVisible({ timeout: 60_000 });
      return saveReport(page);
    };
    const first = await scanSave();
    await kubeOk(cluster, 'DELETE', `/apis/apps/v1/namespaces/${ns}/daemonsets/docker-gc`);
    const second = await scanSave();
    closeAgent(cluster.caPem);

    await page.goto(`/reports/compare?base=${first.split('/').pop() ?? ''}&head=${second.split('/').pop() ?? ''}`);
    const fixed = page.getByTestId('compare-fixed');
    await expect(fixed.getByTestId('finding-object').filter({ hasText: `${ns}/docker-gc` })).toBeVisible();
    await expect(page.getByTestId('compare-new').getByTestId('finding-object').filter({ hasText: ns })).toHaveCount(0);
    await expect(page.getByTestId('compare-remaining').getByTestId('finding').first()).toBeVisible();
  });

  test('starts the compare form on two scans of one cluster, never a report and its own redacted copy', async ({
    page,
  }) => {
    const impact = new ImpactPage(page);
    const ids: string[] = [];
    for (let scan = 0; scan < 2; scan += 1) {
      await impact.goto();
      await impact.chooseSource('Demo cluster');
      await impact.scan();
      await expect(impact.view).toBeVisible({ timeout: 30_000 });
      ids.push(await saveReport(page));
      ids.push(await saveReport(page, { redact: true }));
    }
    await page.goto('/reports/compare');
    const base = page.getByLabel('Older scan');
    const head = page.getByLabel('Newer scan');
    // Newest first: the second scan's redacted copy, compared with the first scan's redacted copy.
    await expect(head).toHaveValue(ids[3]?.split('/').pop() ?? '');
    await expect(base).toHaveValue(ids[1]?.split('/').pop() ?? '');
    const labels = await base.locator('option').allTextContents();
    expect(new Set(labels).size).toBe(labels.length);
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page.getByTestId('compare-remaining').getByTestId('finding').first()).toBeVisible();
  });
});
