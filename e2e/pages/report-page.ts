import { expect, type Page } from '@playwright/test';
import { ImpactPage } from './impact-page';

/** Saves the scan shown in the impact view and returns the report's path (/reports/<id>). */
export async function saveReport(page: Page, options: { redact?: boolean } = {}): Promise<string> {
  const panel = page.getByTestId('save-report');
  if (options.redact) await panel.getByLabel('Redact namespaces and names').check();
  await panel.getByRole('button', { name: 'Save report' }).click();
  const link = panel.getByTestId('report-link');
  await expect(link).toBeVisible();
  const href = await link.getAttribute('href');
  if (!href) throw new Error('the saved report has no link');
  return href;
}

/** Scans the demo and saves it. */
export async function scanAndSaveDemo(page: Page, options: { redact?: boolean } = {}): Promise<string> {
  await new ImpactPage(page).scanDemo();
  return saveReport(page, options);
}

/** The object labels of every finding on the page, in order. */
export async function findingObjects(page: Page): Promise<string[]> {
  await new ImpactPage(page).expandAllGroups();
  return page.getByTestId('finding-object').allTextContents();
}
