import { expect, test } from './fixtures';
import { ImpactPage } from './pages/impact-page';
import { saveReport } from './pages/report-page';

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('shows every navigation item without scrolling the bar', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const link of await nav.getByRole('link').all()) await expect(link).toBeInViewport();
  });

  test('never scrolls the impact view or a saved report sideways', async ({ page }) => {
    const impact = new ImpactPage(page);
    await impact.scanDemo();
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await sideways()).toBeLessThanOrEqual(0);
    await page.getByRole('radio', { name: 'Table' }).check();
    await expect(page.getByTestId('findings-table')).toBeVisible();
    // The table scrolls inside its own box, never the page.
    expect(await sideways()).toBeLessThanOrEqual(0);
    const link = await saveReport(page);
    await page.goto(link);
    await expect(page.getByTestId('impact-view')).toBeVisible();
    expect(await sideways()).toBeLessThanOrEqual(0);
  });
});
