import type { Locator, Page } from '@playwright/test';

/** The /changes browse page. */
export class ChangesPage {
  readonly cards: Locator;
  readonly count: Locator;

  constructor(private readonly page: Page) {
    this.cards = page.getByTestId('change-card');
    this.count = page.getByTestId('result-count');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/changes${query}`);
  }

  facet(legend: string, value: string): Locator {
    return this.page.getByRole('group', { name: legend }).getByRole('checkbox', { name: new RegExp(`^${value}\\b`) });
  }

  /** Toggles a facet value and waits for the URL to reflect it. */
  async toggle(legend: string, value: string, param: string): Promise<void> {
    const before = this.page.url();
    await this.facet(legend, value).click();
    await this.page.waitForURL((url) => url.toString() !== before && url.searchParams.getAll(param).length >= 0);
    await this.page.waitForLoadState('networkidle');
  }

  async resultCount(): Promise<number> {
    return Number(await this.count.textContent());
  }

  /** The release, SIG and stage tags of every visible card. */
  async cardTags(): Promise<string[][]> {
    return this.cards.evaluateAll((cards) =>
      cards.map((c) => Array.from(c.querySelectorAll('span.rounded-full')).map((s) => s.textContent?.trim() ?? '')),
    );
  }
}
