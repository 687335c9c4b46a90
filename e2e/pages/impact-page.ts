import { expect, type Locator, type Page } from '@playwright/test';

/** The /impact page: choose a source, scan, read the result. */
export class ImpactPage {
  readonly view: Locator;
  readonly error: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('impact-view');
    this.error = page.getByTestId('scan-error');
    this.progress = page.getByTestId('scan-progress');
  }

  async goto(): Promise<void> {
    await this.page.goto('/impact');
  }

  async chooseSource(label: string): Promise<void> {
    await this.page.getByRole('radio', { name: label }).check();
  }

  /** Starts a scan; returns once the result on screen (a tab may show its kept last scan) is no longer the old one. */
  async scan(): Promise<void> {
    const shown = () =>
      this.page.evaluate(
        () => document.querySelector('[data-testid="impact-view"]')?.getAttribute('data-generated-at') ?? null,
      );
    const before = await shown();
    await this.page.getByRole('button', { name: /^Scan/ }).click();
    if (before !== null) await expect.poll(shown).not.toBe(before);
  }

  async scanDemo(): Promise<void> {
    await this.goto();
    await this.chooseSource('Demo cluster');
    await this.scan();
    await expect(this.view).toBeVisible({ timeout: 30_000 });
  }

  async pasteKubeconfig(yaml: string, context?: string): Promise<void> {
    await this.chooseSource('Paste a kubeconfig');
    await this.page.getByLabel('Kubeconfig', { exact: true }).fill(yaml);
    if (context) await this.page.getByLabel('Context (optional)').fill(context);
  }

  /** The status line of one change in the "changes in scope" list (all statuses shown). */
  async changeStatus(changeId: string): Promise<string | null> {
    await this.page.getByRole('button', { name: /^All \(/ }).click();
    return this.page
      .getByTestId('change-status-list')
      .locator(`[data-change-id="${changeId}"]`)
      .getAttribute('data-status');
  }

  findings(): Locator {
    return this.page.getByTestId('finding');
  }

  async expandAllGroups(): Promise<void> {
    for (const d of await this.page.getByTestId('finding-group').all()) {
      await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    }
    // Each click replaces its button with the rest of the list: click the first one left until none is.
    const showAll = this.page.getByRole('button', { name: /^Show \d+ more/ });
    for (let left = await showAll.count(); left > 0; left = await showAll.count()) await showAll.first().click();
  }
}
