import { execFileSync } from 'node:child_process';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { e2eCluster, kubeconfigFor } from './cluster-info';
import { expect, test } from './fixtures';
import { ImpactPage } from './pages/impact-page';

test.describe('checking a cluster', () => {
  test('runs the demo and shows the changes that affect it', async ({ page }) => {
    const impact = new ImpactPage(page);
    await impact.scanDemo();
    await expect(page.getByTestId('cluster-label')).toContainText('Demo cluster');
    expect(await impact.changeStatus('dockershim-removal')).toBe('affected');
    expect(await impact.changeStatus('psp-removal')).toBe('affected');
    expect(await impact.changeStatus('cronjob-v1beta1-removal')).toBe('affected');
    await expect(impact.findings().first()).toBeVisible();
    // The add-ons it runs, each with its standing at every step.
    const coredns = page.getByTestId('detected-addons').locator('[data-addon="coredns"]');
    await expect(coredns.locator('[data-release="1.24"]')).toHaveAttribute('data-verdict', 'inside');
    await expect(coredns.locator('[data-release="1.25"]')).toContainText('below the reference pairing');
  });

  test('scans the real cluster from a pasted kubeconfig, with progress, and finds the seeded problems', async ({
    page,
  }) => {
    const impact = new ImpactPage(page);
    await impact.goto();
    await impact.pasteKubeconfig(kubeconfigFor('reader'));
    await impact.scan();
    await expect(impact.progress).toBeVisible();
    await expect(impact.view).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('cluster-label')).toContainText('reader');
    for (const id of [
      'dockershim-removal',
      'psp-removal',
      'cronjob-v1beta1-removal',
      'pdb-v1beta1-removal',
      'storageos-removal',
      'registry-k8s-io',
    ]) {
      expect(await impact.changeStatus(id), id).toBe('affected');
    }
    // Reading the whole cluster as a cluster-wide reader leaves nothing unread.
    await expect(page.getByTestId('coverage-gap')).toHaveCount(0);
  });

  test('scans as a namespaced user and says first, above the fold, that the result is incomplete', async ({ page }) => {
    const impact = new ImpactPage(page);
    await impact.goto();
    await impact.pasteKubeconfig(kubeconfigFor('team-a'));
    await impact.scan();
    await expect(impact.view).toBeVisible({ timeout: 60_000 });
    const verdict = page.getByTestId('completeness');
    await expect(verdict).toHaveAttribute('data-status', 'incomplete');
    await expect(verdict).toContainText(/^Incomplete: \d+ of \d+ resource types unreadable/);
    await expect(verdict).toBeInViewport();
    const verdictTop = (await verdict.boundingBox())?.y ?? Infinity;
    const findingsTop = (await page.locator('#findings-heading').boundingBox())?.y ?? 0;
    expect(verdictTop).toBeLessThan(findingsTop);
    const panel = page.getByTestId('coverage-panel');
    await expect(panel.locator('[data-resource="nodes"]')).toHaveAttribute('data-status', 'forbidden');
    await expect(panel.locator('[data-resource="pods"]')).toHaveAttribute('data-status', 'partial');
    await expect(panel.getByTestId('blind-rule').first()).toBeVisible();
  });

  test('scans an uploaded offline snapshot', async ({ page }) => {
    const file = path.join(os.tmpdir(), `rl-e2e-snapshot-${process.pid}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [
          {
            apiVersion: 'v1',
            kind: 'Node',
            metadata: { name: 'worker-docker', uid: 'n-1' },
            status: {
              nodeInfo: {
                kubeletVersion: 'v1.23.9',
                containerRuntimeVersion: 'docker://20.10.17',
                operatingSystem: 'linux',
              },
            },
          },
        ],
      }),
    );
    const impact = new ImpactPage(page);
    await impact.goto();
    await impact.chooseSource('Upload a snapshot');
    await page.getByLabel(/^Snapshot files/).setInputFiles(file);
    await impact.scan();
    await expect(impact.view).toBeVisible({ timeout: 30_000 });
    expect(await impact.changeStatus('dockershim-removal')).toBe('affected');
    await expect(page.getByTestId('finding-object').filter({ hasText: 'worker-docker' }).first()).toBeVisible();
    // Kinds the file did not include are listed as not provided, not silently skipped.
    await expect(page.getByTestId('coverage-panel').locator('[data-resource="pods"]')).toHaveAttribute(
      'data-status',
      'not-provided',
    );
  });

  test('scans an uploaded repository archive: findings name their file and line, templates included', async ({
    page,
  }) => {
    const staging = mkdtempSync(path.join(os.tmpdir(), 'rl-e2e-repo-'));
    const archive = path.join(staging, 'shop-main.zip');
    cpSync(path.join(import.meta.dirname, '..', 'test', 'fixtures', 'repository'), path.join(staging, 'shop-main'), {
      recursive: true,
    });
    execFileSync('zip', ['-q', '-r', archive, 'shop-main'], { cwd: staging });
    try {
      const impact = new ImpactPage(page);
      await impact.goto();
      await impact.chooseSource('Scan a repository');
      await page.getByLabel('Repository archive (.zip or .tar.gz)').setInputFiles(archive);
      await impact.scan();
      await expect(impact.view).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('cluster-label')).toContainText('shop-main.zip');
      expect(await impact.changeStatus('pdb-v1beta1-removal')).toBe('affected');
      expect(await impact.changeStatus('helm-chart-kube-version')).toBe('affected');
      await impact.expandAllGroups();
      const locations = page.getByTestId('finding-location');
      await expect(locations.filter({ hasText: /^deploy\/web\.yaml:27$/ })).toHaveCount(1);
      await expect(locations.filter({ hasText: /^charts\/legacy\/Chart\.yaml:5$/ })).toHaveCount(1);
      // A template branch only an older cluster takes is graded, not hidden.
      await expect(locations.filter({ hasText: /^charts\/shop\/templates\/pdb\.yaml:1$/ })).toHaveCount(1);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  });

  test('joins the seeded real cluster with its repository: fix the source first, or redeploy', async ({ page }) => {
    const impact = new ImpactPage(page);
    await impact.goto();
    await impact.pasteKubeconfig(kubeconfigFor('reader'));
    await impact.scan();
    await expect(impact.view).toBeVisible({ timeout: 60_000 });
    await page.getByText('Join with the repository that deploys it').click();
    await page
      .getByLabel('Or paste the manifests to join')
      .fill(
        [
          '# deploy/apis.yaml of the team that owns rl-apis',
          'apiVersion: policy/v1',
          'kind: PodDisruptionBudget',
          'metadata:',
          '  name: legacy-pdb',
          '  namespace: rl-apis',
          'spec:',
          '  maxUnavailable: 1',
          '---',
          'apiVersion: batch/v1beta1',
          'kind: CronJob',
          'metadata:',
          '  name: nightly-report',
          '  namespace: rl-apis',
          'spec:',
          '  schedule: "0 2 * * *"',
        ].join('\n'),
      );
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(page.getByTestId('finding-source').first()).toBeAttached({ timeout: 30_000 });
    await impact.expandAllGroups();
    const finding = (name: string, change: string) =>
      impact
        .findings()
        .filter({ has: page.getByTestId('finding-object').filter({ hasText: name }) })
        .and(page.locator(`[data-change-id="${change}"]`));
    await expect(finding('rl-apis/legacy-pdb', 'pdb-v1beta1-removal').getByTestId('finding-source')).toHaveText(
      'In the repository: its source pasted.yaml:2 already says policy/v1: redeploy it',
    );
    await expect(finding('rl-apis/nightly-report', 'cronjob-v1beta1-removal').getByTestId('finding-source')).toHaveText(
      'In the repository: its source pasted.yaml:10 still says batch/v1beta1: fix the source first',
    );
  });

  test('scans pasted manifests', async ({ page }) => {
    const impact = new ImpactPage(page);
    await impact.goto();
    await impact.chooseSource('Scan a repository');
    await page
      .getByLabel('Or paste manifests (YAML or JSON, several documents allowed)')
      .fill(
        'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: nightly\n  namespace: ops\nspec:\n  schedule: "@daily"\n',
      );
    await impact.scan();
    await expect(impact.view).toBeVisible({ timeout: 30_000 });
    expect(await impact.changeStatus('cronjob-v1beta1-removal')).toBe('affected');
    await impact.expandAllGroups();
    await expect(
      page
        .getByTestId('finding-location')
        .filter({ hasText: /^pasted\.yaml:1$/ })
        .first(),
    ).toBeVisible();
  });

  test('says clearly when the API server cannot be reached', async ({ page }) => {
    const yaml = kubeconfigFor('reader').replace(/server: https:\/\/127\.0\.0\.1:\d+/, 'server: https://127.0.0.1:9');
    const impact = new ImpactPage(page);
    await impact.goto();
    await impact.pasteKubeconfig(yaml);
    await impact.scan();
    await expect(impact.error).toHaveAttribute('data-kind', 'unreachable', { timeout: 30_000 });
    await expect(impact.error).toContainText('127.0.0.1:9');
  });

  test('names a silent API server while it waits, and cancels the scan on request', async ({ page }) => {
    // A loopback server that accepts connections and never answers: a hung API server.
    const sockets: Socket[] = [];
    const hung = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const port = (hung.address() as AddressInfo).port;
    try {
      const yaml = kubeconfigFor('reader').replace(
        /server: https:\/\/127\.0\.0\.1:\d+/,
        `server: https://127.0.0.1:${port}`,
      );
      const impact = new ImpactPage(page);
      await impact.goto();
      await impact.pasteKubeconfig(yaml);
      await impact.scan();
      await expect(page.getByTestId('scan-quiet')).toContainText(/No answer for \d+ s/, { timeout: 10_000 });
      await expect(page.getByTestId('scan-quiet')).toContainText('up to 15 s');
      await page.getByRole('button', { name: 'Cancel scan' }).click();
      await expect(page.getByTestId('scan-cancelled')).toBeVisible();
      await expect(impact.progress).toBeHidden();
      await expect(page.getByRole('button', { name: /^Scan/ })).toBeEnabled();
    } finally {
      for (const s of sockets) s.destroy();
      hung.close();
    }
  });

  test('keeps the last result across a reload of the tab', async ({ page }) => {
    const impact = new ImpactPage(page);
    await impact.scanDemo();
    const findings = await page.getByTestId('findings-count').textContent();
    await page.reload();
    await expect(impact.view).toBeVisible();
    await expect(page.getByTestId('scan-restored')).toContainText('kept in this tab');
    await expect(page.getByTestId('findings-count')).toHaveText(findings ?? '');
  });

  test("reads a kubeconfig from a file, and says how to offer the server's own contexts", async ({ page }) => {
    const impact = new ImpactPage(page);
    await impact.goto();
    // This server runs with RELEASE_LENS_LOCAL_KUBECONFIG=false: the source is missing, and the page says why.
    await expect(page.getByTestId('local-kubeconfig-off')).toContainText('RELEASE_LENS_LOCAL_KUBECONFIG=true');
    await impact.chooseSource('Paste a kubeconfig');
    const yaml = kubeconfigFor('reader');
    await page.getByLabel('Or choose a kubeconfig file').setInputFiles({
      name: 'config',
      mimeType: 'text/plain',
      buffer: Buffer.from(yaml),
    });
    await expect(page.getByLabel('Kubeconfig', { exact: true })).toHaveValue(yaml);
    await impact.chooseSource('Upload a snapshot');
    await expect(page.locator('#snapshot-files')).toHaveAttribute('accept', /\.txt/);
  });

  test('says clearly when the token is rejected', async ({ page }) => {
    const { tokens } = e2eCluster();
    const yaml = kubeconfigFor('reader').replaceAll(tokens.reader, 'expired-or-wrong-token');
    const impact = new ImpactPage(page);
    await impact.goto();
    await impact.pasteKubeconfig(yaml);
    await impact.scan();
    await expect(impact.error).toHaveAttribute('data-kind', 'unauthorized', { timeout: 30_000 });
    await expect(impact.error).toContainText(/token/i);
  });

  test.describe('a refused kubeconfig', () => {
    test.use({ allowedConsoleErrors: [/status of 400/] });
    test('answers 400 before any scan starts', async ({ request }) => {
      const res = await request.post('/api/scan', {
        data: { target: '1.25', source: { kind: 'upload', kubeconfig: 'apiVersion: v1\nkind: Config\nclusters: []' } },
      });
      expect(res.status()).toBe(400);
      expect(((await res.json()) as { error: { kind: string } }).error.kind).toBe('invalid-input');
    });
  });

  test.describe('an exec kubeconfig', () => {
    test.use({ allowedConsoleErrors: [/status of 400/] });
    test('refuses an uploaded kubeconfig that runs a command, naming the field', async ({ page }) => {
      const yaml = [
        'apiVersion: v1',
        'kind: Config',
        'clusters: [{name: c, cluster: {server: "https://127.0.0.1:6443"}}]',
        'users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: aws}}}]',
        'contexts: [{name: x, context: {cluster: c, user: u}}]',
        'current-context: x',
      ].join('\n');
      const impact = new ImpactPage(page);
      await impact.goto();
      await impact.pasteKubeconfig(yaml);
      await impact.scan();
      await expect(impact.error).toHaveAttribute('data-kind', 'invalid-input');
      await expect(impact.error).toContainText('exec');
    });
  });
});
