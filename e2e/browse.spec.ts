import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { ChangesPage } from './pages/changes-page';

test.describe('browsing the catalog', () => {
  test('filters by release, SIG and stage, keeps them in the URL and restores them on reload', async ({ page }) => {
    const changes = new ChangesPage(page);
    await changes.goto();
    const total = await changes.resultCount();
    expect(total).toBeGreaterThan(100);

    await changes.toggle('Release', '1.25', 'release');
    await expect(page).toHaveURL(/release=1\.25/);
    await changes.toggle('SIG', 'sig-node', 'sig');
    await expect(page).toHaveURL(/sig=sig-node/);
    await changes.toggle('Stage', 'alpha', 'stage');
    await expect(page).toHaveURL(/stage=alpha/);

    const filtered = await changes.resultCount();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(total);
    await expect(changes.cards).toHaveCount(filtered);
    for (const tags of await changes.cardTags()) {
      expect(tags).toEqual(expect.arrayContaining(['1.25', 'sig-node', 'alpha']));
    }

    const url = page.url();
    await page.reload();
    await expect(page).toHaveURL(url);
    expect(await changes.resultCount()).toBe(filtered);
    await expect(changes.facet('Release', '1.25')).toBeChecked();
    await expect(changes.facet('SIG', 'sig-node')).toBeChecked();
    await expect(changes.facet('Stage', 'alpha')).toBeChecked();
  });

  test('OR inside a facet widens, back and forward restore the views', async ({ page }) => {
    const changes = new ChangesPage(page);
    await changes.goto('?sig=sig-auth');
    const auth = await changes.resultCount();
    await changes.toggle('SIG', 'sig-storage', 'sig');
    const both = await changes.resultCount();
    expect(both).toBeGreaterThan(auth);

    await page.goBack();
    await expect(page).toHaveURL(/sig=sig-auth$/);
    await expect.poll(() => changes.resultCount()).toBe(auth);
    await page.goForward();
    await expect(page).toHaveURL(/sig=sig-storage/);
    await expect.poll(() => changes.resultCount()).toBe(both);
  });

  test('searches the catalog and offers to clear filters when nothing matches', async ({ page }) => {
    const changes = new ChangesPage(page);
    await changes.goto('?q=dockershim');
    await expect(changes.cards.first()).toContainText(/dockershim/i);

    await changes.goto('?q=no-such-thing-anywhere');
    await expect(page.getByText('No change matches these filters.')).toBeVisible();
    await page.getByRole('link', { name: 'Clear all filters' }).click();
    await expect(page).toHaveURL(/\/changes$/);
    expect(await changes.resultCount()).toBeGreaterThan(100);
  });

  test('pages the list, and shows it compact, one change per line, keeping filters and order', async ({ page }) => {
    const changes = new ChangesPage(page);
    await changes.goto('?release=1.24');
    const total = await changes.resultCount();
    expect(total).toBeGreaterThan(20);
    await expect(changes.cards).toHaveCount(20);
    await expect(page.getByTestId('page-range')).toHaveText('(showing 1–20)');
    await page.getByTestId('pager').getByRole('link', { name: 'Next →' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId('page-range')).toContainText('(showing 21–');
    await page.getByRole('radio', { name: 'Compact' }).check();
    await expect(page).toHaveURL(/view=compact/);
    await expect(page).not.toHaveURL(/page=/);
    await expect(page).toHaveURL(/release=1\.24/);
    await expect(page.getByTestId('change-row')).toHaveCount(Math.min(total, 100));
    await page.getByLabel('Sort').selectOption('title');
    await expect(page).toHaveURL(/sort=title/);
    const titles = await page.getByTestId('change-row').locator('a').allTextContents();
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 } });
    test('puts the first result on the first screen, the filters one tap away', async ({ page }) => {
      const changes = new ChangesPage(page);
      await changes.goto();
      await expect(changes.cards.first()).toBeInViewport();
      await expect(page.getByRole('group', { name: 'Release' })).toBeHidden();
      await page.getByTestId('filters-disclosure').locator(':scope > summary').click();
      await expect(page.getByRole('group', { name: 'Release' })).toBeVisible();
    });
  });

  test('lets a keyboard user skip the filters to the results', async ({ page }) => {
    const changes = new ChangesPage(page);
    await changes.goto();
    let reached = false;
    // From the top of the page: past the site navigation, the skip link is the first stop of the filters.
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page
        .getByRole('link', { name: 'Skip to results' })
        .evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#results-heading$/);
  });

  test('opens a change from the list and shows its details and sources', async ({ page }) => {
    const changes = new ChangesPage(page);
    await changes.goto('?q=PodSecurityPolicy&release=1.25');
    await page.getByRole('link', { name: 'PodSecurityPolicy API and admission plugin removed' }).click();
    await expect(page).toHaveURL(/\/changes\/psp-removal$/);
    const detail = page.getByTestId('change-detail');
    await expect(detail.getByRole('heading', { level: 1 })).toHaveText(
      'PodSecurityPolicy API and admission plugin removed',
    );
    await expect(detail.getByRole('heading', { name: 'Who is affected' })).toBeVisible();
    await expect(detail.getByRole('heading', { name: 'What to do' })).toBeVisible();
    await expect(detail.getByRole('link', { name: /enhancements#5/ })).toHaveAttribute(
      'href',
      /github\.com\/kubernetes\/enhancements\/issues\/5/,
    );
  });

  test('shows feature gates with their default per release', async ({ page }) => {
    await page.goto('/changes/legacy-service-account-tokens');
    const table = page.getByRole('table', { name: /Feature gates/ });
    await expect(table.getByRole('row', { name: /LegacyServiceAccountTokenNoAutoGeneration/ })).toContainText(
      'beta, on by default',
    );
  });

  test.describe('an unknown change id', () => {
    test.use({ allowedConsoleErrors: [/status of 404 .*\/changes\/no-such-change/] });
    test('answers with a 404 page', async ({ page }) => {
      const response = await page.goto('/changes/no-such-change');
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: 'No such change' })).toBeVisible();
    });
  });

  test('plans the 1.23 → 1.25 upgrade step by step, before, during and after each control-plane move', async ({
    page,
  }) => {
    await page.goto('/upgrade');
    await page.getByLabel('From', { exact: true }).selectOption('1.23');
    await page.getByLabel('To', { exact: true }).selectOption('1.25');
    await page.getByRole('button', { name: 'Show changes' }).click();
    await expect(page).toHaveURL(/from=1\.23&to=1\.25/);
    const steps = page.getByTestId('plan-step');
    await expect(steps).toHaveCount(2);
    await expect(steps.nth(0)).toHaveAttribute('data-step', '1.23-1.24');
    const before24 = steps.nth(0).locator('fieldset[data-phase="before"]');
    await expect(before24.locator('[data-item="1.24:before:dockershim-removal"]')).toBeVisible();
    await expect(steps.nth(0).locator('fieldset[data-phase="during"]')).toContainText(
      'Upgrade the control plane to 1.24',
    );
    await expect(steps.nth(1).locator('[data-item="1.25:before:psp-removal"]')).toBeVisible();
    // Every change stays one click away, collapsed.
    await page.getByTestId('all-changes').locator('summary').click();
    const breaking = page.getByRole('region', { name: /Breaking changes/ });
    await expect(breaking.locator('[data-change-id="psp-removal"]')).toBeVisible();

    await page.getByLabel('From', { exact: true }).selectOption('1.24');
    await page.getByRole('button', { name: 'Show changes' }).click();
    await expect(steps).toHaveCount(1);
    await expect(page.locator('[data-item="1.24:before:dockershim-removal"]')).toHaveCount(0);
  });

  test('keeps the ticks of the plan and downloads it as a Markdown checklist', async ({ page }) => {
    await page.goto('/upgrade?from=1.23&to=1.25');
    const item = page.locator('[data-item="1.24:before:dockershim-removal"]').getByRole('checkbox');
    await item.check();
    await expect(page.getByTestId('plan-progress')).toHaveText(/^1 of \d+ done$/);
    await page.reload();
    await expect(item).toBeChecked();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download as a Markdown checklist' }).click();
    const file = await (await download).path();
    const md = readFileSync(file, 'utf8');
    expect(md).toContain('# Upgrade plan: Kubernetes 1.23 → 1.25');
    expect(md).toMatch(/^- \[x\] \*\*Dockershim/m);
    expect(md).toMatch(/^## 1\.24 → 1\.25$/m);
    await page.getByRole('button', { name: 'Untick all' }).click();
    await expect(item).not.toBeChecked();
  });

  test('says so when a version is outside the catalog instead of quietly picking another', async ({ page }) => {
    await page.goto('/upgrade?from=1.23&to=1.30');
    await expect(page.getByTestId('path-problems')).toContainText('"1.30" is not a version this catalog covers');
    await expect(page.getByLabel('To', { exact: true })).toHaveValue('1.25');
  });

  test('lists removed APIs with their replacement', async ({ page }) => {
    await page.goto('/apis');
    const row = page.getByRole('row', { name: /batch\/v1beta1 CronJob/ });
    await expect(row).toContainText('batch/v1');
    await expect(row).toContainText('1.25');
  });

  test('lists each add-on with the versions that support each step, linked to the project', async ({ page }) => {
    await page.goto('/upgrade?from=1.23&to=1.25');
    const table = page.getByTestId('addon-ranges');
    await expect(table.getByRole('columnheader', { name: 'Kubernetes 1.24' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Kubernetes 1.25' })).toBeVisible();
    const nginx = table.locator('[data-addon="ingress-nginx"]');
    await expect(nginx).toContainText('>=1.4.0 <1.10.0');
    await expect(nginx.getByRole('link', { name: '>=1.4.0 <1.10.0' })).toHaveAttribute(
      'href',
      /github\.com\/kubernetes\/ingress-nginx/,
    );
    await expect(table.locator('tbody tr')).toHaveCount(24);
    // Ranges that are not the project's own statement say where they come from.
    await expect(table.locator('[data-addon="gatekeeper"]')).toContainText('(derived)');
    await expect(table.locator('[data-addon="coredns"]')).toContainText('(reference)');
  });

  test('shows both releases and the breaking changes on the overview', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: /Kubernetes 1\.24.*Stargazer/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Kubernetes 1\.25.*Combiner/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Breaking changes/ })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Check your cluster' })).toHaveAttribute('href', '/impact');
  });

  test('reconciles the announced totals stage by stage, naming the entries that differ', async ({ page }) => {
    await page.goto('/');
    // Folded on the overview: the reconciliation is there for those who ask.
    for (const totals of await page.getByTestId('official-totals').all())
      await totals.locator(':scope > summary').click();
    const alpha125 = page
      .getByTestId('stage-reconciliation')
      .filter({ hasText: /^Alpha: 15 announced, \d+ in the catalog/ })
      .last();
    await alpha125.locator('summary').click();
    await expect(alpha125.getByRole('link', { name: /^KEP-1979: / })).toHaveAttribute('href', /^\/changes\//);
  });
});
