/**
 * The screenshots in README and docs/: the impact summary with readiness at a glance, and the findings table, light
 * and dark, from a demo scan in the production build. Run `npm run build` first, then `npm run screenshots`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startApp } from '../bench/lib/next-server';

const out = path.join(import.meta.dirname, '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

/** Where an element is on the page (not the viewport): the page may have scrolled to the result. */
function boxOf(page: Page, testId: string) {
  return page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
  });
}

/** A full-width shot from `top` (less `above` pixels) to the end of `bottom`. */
async function shoot(page: Page, name: string, top: string, bottom: string, above = 8) {
  const a = await boxOf(page, top);
  const b = await boxOf(page, bottom);
  const y = Math.max(0, a.top - above);
  await page.screenshot({
    path: path.join(out, `${name}.png`),
    fullPage: true,
    clip: { x: 0, y, width: page.viewportSize()?.width ?? 1280, height: b.bottom + 8 - y },
  });
  console.log(`wrote docs/screenshots/${name}.png`);
}

const app = await startApp({ RELEASE_LENS_LOCAL_KUBECONFIG: 'false' });
const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
    await page.goto(`${app.url}/impact`);
    await page.getByRole('radio', { name: 'Demo cluster' }).check();
    await page.getByRole('button', { name: /^Scan/ }).click();
    await page.getByTestId('readiness').waitFor({ timeout: 60_000 });
    // From the summary card (its heading is the cluster's name) to the end of "Can I upgrade?" and its charts.
    await shoot(page, `impact-summary-${colorScheme}`, 'cluster-label', 'readiness', 28);
    // The kept result comes back with the table view in the URL.
    await page.goto(`${app.url}/impact?view=table&sev=breaking&sort=object`);
    await page.getByTestId('finding-row').first().waitFor({ timeout: 30_000 });
    await shoot(page, `findings-table-${colorScheme}`, 'findings-count', 'findings-table', 16);
    await page.close();
  }
} finally {
  await browser.close();
  await app.stop();
}
