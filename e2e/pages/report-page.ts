import { expect, type Page } from '@playwright/test';
import { ImpactPage } from './impact-page';

/** Saves the scan shown in the impact view and returns the report's path (/reports/<id>). */
export async function saveReport(page: Page, options: { redact?: boolean } = {}): Promise<string> {
  const panel = page.getByTestId('save-report');
  const before = await panel.getByTestId('report-link').count();
  const redact = panel.getByRole('checkbox', { name: /^Redact names/ });
  if (options.redact) await redact.check();
  else await redact.uncheck();
  await panel.getByRole('button', { name: /^Save (redacted )?report$/ }).click();
  await expect(panel.getByTestId('report-link')).toHaveCount(before + 1);
  const link = panel.getByTestId('report-link').last();
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
