import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

const pages = [
  '/',
  '/changes',
  '/changes?release=1.24&severity=breaking',
  '/changes/dockershim-removal',
  '/apis',
  '/upgrade?from=1.23&to=1.25',
];

test.describe('accessibility', () => {
  // axe is injected as a script, which the app's Content-Security-Policy would (rightly) block.
  test.use({ bypassCSP: true });

  for (const path of pages) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`${path} has no serious or critical axe violations (${colorScheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        expect(await seriousViolations(page)).toEqual([]);
      });
    }
  }
});

test.describe('keyboard, theme and small screens', () => {
  test('skip link and facets work from the keyboard', async ({ page }) => {
    await page.goto('/changes');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    const facet = page.getByRole('group', { name: 'Release' }).getByRole('checkbox', { name: /^1\.24/ });
    await facet.focus();
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/release=1\.24/);
  });

  test('the theme toggle switches to dark and the choice survives a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    const toggle = page.getByRole('button', { name: /theme/ });
    await toggle.click(); // system → light
    await toggle.click(); // light → dark
    await expect(page.locator('html')).toHaveClass(/dark/);
    await page.reload();
    await expect(page.locator('html')).toHaveClass(/dark/);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(255, 255, 255)');
  });

  test('sends a strict Content-Security-Policy and security headers', async ({ page }) => {
    const response = await page.goto('/');
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
  });
});

test.describe('every page on a phone', () => {
  // /fleet asks the API first and is told to sign in (401), which the browser logs.
  test.use({ allowedConsoleErrors: [/status of 401/] });
  test('pages fit a phone screen without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    for (const path of [
      '/',
      '/changes',
      '/changes?view=compact',
      '/changes/psp-removal',
      '/apis',
      '/upgrade',
      '/impact',
      '/reports',
      '/reports/compare',
      '/fleet',
    ]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
    }
  });
});
