import type { Report } from '../lib/model/report';
import { makeLargeReport } from '../lib/report/test-fixtures';
import { kubeconfigFor } from './cluster-info';
import { expect, test } from './fixtures';
import { ImpactPage } from './pages/impact-page';
import { scanAndSaveDemo } from './pages/report-page';

const count = (text: string | null) => Number(/\((\d+)/.exec(text ?? '')?.[1] ?? NaN);

test.describe('the findings workbench', () => {
  test('answers "can I upgrade?" and opens the findings behind each number', async ({ page }) => {
    const impact = new ImpactPage(page);
    await impact.scanDemo();
    const readiness = page.getByTestId('readiness');
    await expect(page.getByTestId('readiness-verdict')).toHaveAttribute('data-verdict', 'blocked');
    const blockers = Number(await readiness.getByTestId('phase-blocker').locator('dd a').textContent());
    expect(blockers).toBeGreaterThan(0);
    await readiness.getByTestId('phase-blocker').locator('dd a').click();
    await expect(page).toHaveURL(/[?&]sev=breaking/);
    await expect(page).toHaveURL(/[?&]state=open/);
    await expect(page.getByTestId('findings-count')).toHaveText(new RegExp(`^\\(${blockers} of \\d+\\)$`));
    await expect(page.locator('#findings-heading')).toBeFocused();
    // The chart by change: a severity count opens exactly that many findings.
    const bar = page.getByTestId('chart-by-change').locator('li').first();
    const link = bar.getByRole('link', { name: /breaking in/ });
    const n = Number(/^(\d+)/.exec((await link.textContent()) ?? '')?.[1]);
    await link.click();
    await expect(page).toHaveURL(/[?&]change=/);
    await expect(page.getByTestId('findings-count')).toHaveText(new RegExp(`^\\(${n} of \\d+\\)$`));
  });

  test('searches, filters by facet, and keeps the state in the URL', async ({ page }) => {
    const impact = new ImpactPage(page);
    await impact.scanDemo();
    const total = count(await page.getByTestId('findings-count').textContent());
    await page.getByLabel('Search findings').fill('docker');
    await expect(page).toHaveURL(/[?&]q=docker/);
    const searched = count(await page.getByTestId('findings-count').textContent());
    expect(searched).toBeGreaterThan(0);
    expect(searched).toBeLessThan(total);
    await page.getByLabel('Search findings').fill('');
    await page.getByTestId('facets').locator('summary').click();
    const kube = page.getByTestId('facet-namespace').getByRole('checkbox').first();
    const expected = Number(
      await page.getByTestId('facet-namespace').locator('li').first().locator('span').last().textContent(),
    );
    await kube.check();
    await expect(page).toHaveURL(/[?&]ns=/);
    await expect(page.getByTestId('findings-count')).toHaveText(new RegExp(`^\\(${expected} of ${total}\\)$`));
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Namespace:');
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await expect(page.getByTestId('findings-count')).toHaveText(`(${total})`);
  });

  test('shows advice once per change, with the objects it applies to under it', async ({ page }) => {
    const impact = new ImpactPage(page);
    await impact.scanDemo();
    await page.getByLabel('Search findings').fill('"PodSecurityPolicy"');
    // The list follows the search a frame behind: expand it once it has.
    await expect(page.getByTestId('findings-count')).toContainText(' of ');
    await impact.expandAllGroups();
    const group = page
      .getByTestId('advice-group')
      .filter({ hasText: /\(\d+ objects\)/ })
      .first();
    await expect(group).toBeVisible();
    const objects = Number(/\((\d+) objects\)/.exec((await group.locator('p').first().textContent()) ?? '')?.[1]);
    expect(objects).toBeGreaterThan(1);
    // The advice is said once, not once per object.
    await expect(group.getByTestId('finding').first()).not.toContainText('What to do');
    await expect(group.getByTestId('finding').nth(1).getByTestId('finding-specifics')).toBeVisible();
  });

  test('a saved report opens filtered in a dense, virtualized table from its link', async ({ page, request }) => {
    const link = await scanAndSaveDemo(page);
    const stored = (await (await request.get(`/api${link}`)).json()) as { report: Report };
    const breaking = stored.report.findings.filter((f) => f.severity === 'breaking').length;
    await page.goto(`${link}?sev=breaking&view=table&sort=object`);
    const table = page.getByTestId('findings-table');
    await expect(table).toBeVisible();
    await expect(page.getByTestId('findings-count')).toHaveText(`(${breaking} of ${stored.report.findings.length})`);
    const rows = table.getByTestId('finding-row');
    await expect(rows.first()).toBeVisible();
    // Sorted by object, as the link says.
    const objects = await rows.locator('td:nth-child(3)').allTextContents();
    expect(objects).toEqual([...objects].sort((a, b) => a.localeCompare(b)));
    // A row opens the whole finding, evidence included.
    await rows.first().getByRole('button').click();
    await expect(page.getByTestId('finding-detail').getByTestId('finding')).toBeVisible();
    // Sorting from a column header rewrites the link.
    await table.getByRole('button', { name: /^Severity/ }).click();
    await expect(page).not.toHaveURL(/sort=object/);
  });

  test('a saved report opens its personalized upgrade plan', async ({ page }) => {
    const link = await scanAndSaveDemo(page);
    await page.goto(link);
    await page.getByTestId('plan-link').click();
    await expect(page).toHaveURL(/\/upgrade\?.*report=/);
    await expect(page.getByTestId('plan-personalized')).toContainText('Demo cluster');
    await expect(page.locator('[data-item="1.24:before:dockershim-removal"]')).toContainText(/affects \d+ object/);
  });

  for (const [source, width, colorScheme] of [
    ['the seeded real cluster', 1440, 'light'],
    ['the seeded real cluster', 1440, 'dark'],
    ['the seeded real cluster', 390, 'light'],
    ['the seeded real cluster', 390, 'dark'],
    ['the demo', 1440, 'dark'],
    ['the demo', 390, 'light'],
  ] as const) {
    test(`filters ${source} by namespace and severity, and reloads to the same view (${width} px, ${colorScheme})`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      const impact = new ImpactPage(page);
      if (source === 'the demo') {
        await impact.scanDemo();
      } else {
        await impact.goto();
        await impact.pasteKubeconfig(kubeconfigFor('reader'));
        await impact.scan();
        await expect(impact.view).toBeVisible({ timeout: 60_000 });
      }
      const total = count(await page.getByTestId('findings-count').textContent());
      await page.getByTestId('facets').locator('summary').click();
      await page
        .getByTestId('facet-severity')
        .getByRole('checkbox', { name: /^breaking/i })
        .check();
      await expect(page).toHaveURL(/[?&]sev=breaking/);
      await page.getByTestId('facet-namespace').getByRole('checkbox').first().check();
      await expect(page).toHaveURL(/[?&]ns=/);
      const filtered = await page.getByTestId('findings-count').textContent();
      expect(count(filtered)).toBeLessThan(total);
      const url = page.url();
      await page.reload();
      await expect(page.getByTestId('findings-count')).toHaveText(filtered ?? '', { timeout: 30_000 });
      expect(page.url()).toBe(url);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(sideways).toBeLessThanOrEqual(0);
    });
  }

  test("finds one object in a 10,000-finding report with the page's own search", async ({ page, request }) => {
    const report = makeLargeReport(10_000);
    const saved = await request.post('/api/reports', { data: { report } });
    expect(saved.status()).toBe(201);
    const { url } = (await saved.json()) as { url: string };
    await page.goto(url);
    await expect(page.getByTestId('findings-count')).toHaveText('(10000)', { timeout: 30_000 });
    await page.getByLabel('Search findings').fill('worker-4242-');
    await expect(page.getByTestId('findings-count')).toHaveText('(1 of 10000)');
    await expect(page).toHaveURL(/[?&]q=worker-4242-/);
    await new ImpactPage(page).expandAllGroups();
    await expect(page.getByTestId('finding').filter({ hasText: 'worker-4242-' })).toHaveCount(1);
  });
});
