import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

const FLEET_TOKEN = 'e2e-fleet-token-0123456789';
const agentToken = (id: string) => readFileSync(path.join(import.meta.dirname, 'fleet', `${id}.token`), 'utf8').trim();

interface DemoReport {
  findings: { severity: string; changeId: string }[];
  changes: { changeId: string; status: string; objects: number; worstSeverity?: string }[];
}

/** The report with its breaking findings fixed: those findings gone, and their changes no longer affecting it. */
function withoutBreaking(report: DemoReport): DemoReport {
  const findings = report.findings.filter((f) => f.severity !== 'breaking');
  const still = new Set(findings.map((f) => f.changeId));
  const changes = report.changes.map((c) =>
    c.status !== 'affected' || still.has(c.changeId) ? c : { changeId: c.changeId, status: 'not-detected', objects: 0 },
  );
  return { ...report, findings, changes };
}

/** A demo scan through the API: the report an agent would upload. */
async function demoReport(request: APIRequestContext): Promise<DemoReport> {
  const res = await request.post('/api/scan', { data: { target: '1.25', source: { kind: 'demo' } } });
  expect(res.ok()).toBe(true);
  const lines = (await res.text()).trim().split('\n');
  const last = JSON.parse(lines.at(-1) ?? '{}') as { type: string; report: DemoReport };
  expect(last.type).toBe('report');
  return last.report;
}

async function upload(request: APIRequestContext, report: DemoReport, token: string) {
  return request.post('/api/reports', { data: { report }, headers: { Authorization: `Bearer ${token}` } });
}

async function signIn(page: Page, query = '') {
  await page.goto(`/fleet${query}`);
  await page.getByLabel('Fleet token').fill(FLEET_TOKEN);
  await page.getByRole('button', { name: 'Open the fleet' }).click();
  await expect(page.getByRole('table', { name: /Registered clusters/ })).toBeVisible();
}

test.describe('fleet', () => {
  test.describe.configure({ mode: 'serial' });

  test('agents upload with their own token; a wrong token is refused and files nothing', async ({ request }) => {
    const report = await demoReport(request);
    const wrong = await upload(request, report, 'e2e-agent-nobody-0123456789');
    expect(wrong.status()).toBe(403);
    // Shop production scanned twice: the second time with its blockers fixed, so its trend moves.
    expect((await upload(request, report, agentToken('shop-prod'))).status()).toBe(201);
    expect((await upload(request, withoutBreaking(report), agentToken('shop-prod'))).status()).toBe(201);
    expect((await upload(request, report, agentToken('shop-staging'))).status()).toBe(201);
    // The fleet API answers fleet tokens only; an agent token does not open it.
    expect((await request.get('/api/fleet')).status()).toBe(401);
    const asAgent = await request.get('/api/fleet', { headers: { Authorization: `Bearer ${agentToken('lab')}` } });
    expect(asAgent.status()).toBe(403);
  });

  test.describe('the page', () => {
    test.use({ allowedConsoleErrors: [/status of 40[13]/] });

    test('filters by verdict, keeps the filter over a reload, drills into a cluster and back', async ({ page }) => {
      await signIn(page);
      const rows = page.locator('tbody tr[data-cluster]');
      await expect(rows).toHaveCount(3);
      // Blocked first, then the cluster with no report, then the ready one.
      await expect(rows.nth(0)).toHaveAttribute('data-cluster', 'shop-staging');
      await expect(rows.nth(1)).toHaveAttribute('data-cluster', 'lab');
      await expect(rows.nth(2)).toHaveAttribute('data-cluster', 'shop-prod');

      await page.getByRole('checkbox', { name: /^blocked/ }).check();
      await expect(page).toHaveURL(/verdict=blocked/);
      await expect(rows).toHaveCount(1);
      await page.reload();
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toHaveAttribute('data-cluster', 'shop-staging');

      await page.getByRole('checkbox', { name: /^blocked/ }).uncheck();
      await page.getByRole('button', { name: 'Shop production' }).click();
      await expect(page).toHaveURL(/cluster=shop-prod/);
      const detail = page.getByRole('region', { name: 'Shop production' });
      // Oldest first; a retry of this group uploads again, so only the newest two are certain.
      await expect(
        detail.getByRole('img', { name: /Trend of Shop production: (\d+, )*71, 39 findings/ }),
      ).toBeVisible();
      const saved = detail.getByRole('table', { name: /Saved reports/ }).locator('tbody tr');
      // Newest first: its breaking column is 0.
      await expect(saved.first().locator('td').nth(1)).toHaveText('0');
      expect(await saved.count()).toBeGreaterThanOrEqual(2);
      await page.goBack();
      await expect(rows).toHaveCount(3);
    });

    test('filters by a change across clusters and exports what it shows', async ({ page }) => {
      await signIn(page);
      // Dockershim findings are all breaking: fixed on Shop production, still there on Shop staging.
      await page.getByRole('button', { name: /Dockershim removed/ }).click();
      await expect(page).toHaveURL(/change=/);
      await expect(page.locator('tbody tr[data-cluster]')).toHaveCount(1);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'CSV' }).click();
      const file = await (await download).path();
      const csv = readFileSync(file, 'utf8').trim().split('\r\n');
      expect(csv[0]).toMatch(/^cluster_id,name,target,verdict/);
      expect(csv).toHaveLength(2);
      expect(csv[1]).toMatch(/^shop-staging,/);
    });

    test("orders the overview's breaking changes by how many clusters each still affects", async ({ page }) => {
      await signIn(page);
      await page.goto('/');
      await expect(page.getByText(/Ordered by how many of your 3 registered clusters/)).toBeVisible();
      const counts = await page
        .getByRole('region', { name: /Breaking changes/ })
        .getByText(/^\d+ of 3 clusters$/)
        .allTextContents();
      const numbers = counts.map((t) => Number(t.split(' ')[0]));
      expect(numbers[0]).toBe(2);
      expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    });

    test('asks again for a token that is not a fleet token', async ({ page }) => {
      await page.goto('/fleet');
      await page.getByLabel('Fleet token').fill('not-the-fleet-token-0123');
      await page.getByRole('button', { name: 'Open the fleet' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'not a fleet token' })).toBeVisible();
    });
  });

  test.describe('on every screen', () => {
    test.use({ bypassCSP: true, allowedConsoleErrors: [/status of 40[13]/] });
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1440, 390]) {
        test(`has no serious axe violations and no sideways scroll (${colorScheme}, ${width} px)`, async ({ page }) => {
          await page.setViewportSize({ width, height: 900 });
          await page.emulateMedia({ colorScheme });
          await signIn(page);
          expect(await seriousViolations(page)).toEqual([]);
          const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(sideways).toBeLessThanOrEqual(0);
          await page.getByRole('button', { name: 'Shop production' }).click();
          expect(await seriousViolations(page)).toEqual([]);
        });
      }
    }
  });
});
