import { test as base, expect } from '@playwright/test';

interface Fixtures {
  /** Console errors a test expects (e.g. the browser reporting a deliberate 404); everything else fails it. */
  allowedConsoleErrors: RegExp[];
  pageErrors: string[];
}

/**
 * The test object every spec uses: it fails a test when the page throws or logs console.error (which includes
 * Content-Security-Policy violations and failed resource loads).
 */
export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [[], { option: true }],
  pageErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        const text = `console.error: ${m.text()} (${m.location().url})`;
        if (!allowedConsoleErrors.some((re) => re.test(text))) errors.push(text);
      });
      await use(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
