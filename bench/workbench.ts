/**
 * Findings workbench benchmark, on a 10,000-finding report:
 * - the pure work in Node: matching (search, facets, counts), advice groups, readiness (medians of 20);
 * - the page in Chromium, against the production build: the saved report's load until the findings show, a search
 *   until the count answers, the table view until its first row shows, and a scroll to its last row;
 * - /changes in Chromium: open until the first change shows, time to interactive, and a facet until the count answers.
 * Run `npm run build` first, then `npm run bench:workbench`.
 */
import { chromium } from '@playwright/test';
import { groupByAdvice } from '../lib/report/advice';
import { readinessOf } from '../lib/report/readiness';
import { makeLargeReport } from '../lib/report/test-fixtures';
import { emptyQuery, matchFindings, withFacet } from '../lib/report/workbench';
import { startApp, summarize } from './lib/next-server';

const FINDINGS = 10_000;
const ms = (n: number) => `${n.toFixed(1)} ms`;

function time(runs: number, f: () => void): { median: number; p95: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    f();
    times.push(performance.now() - start);
  }
  return summarize(times);
}

const report = makeLargeReport(FINDINGS);
const title = (id: string) => id;

console.log(`Pure work on ${FINDINGS} findings (Node, medians of 20):`);
const cold = performance.now();
matchFindings(report.findings, { ...emptyQuery(), q: 'worker' }, title);
console.log('  first search (builds the search text)'.padEnd(52), ms(performance.now() - cold));
const cases: [string, () => void][] = [
  ['match, no filter (counts of every facet)', () => matchFindings(report.findings, emptyQuery(), title)],
  [
    'match, search "worker-12 team-3"',
    () => matchFindings(report.findings, { ...emptyQuery(), q: 'worker-12 team-3' }, title),
  ],
  [
    'match, two facets and a search',
    () =>
      matchFindings(
        report.findings,
        withFacet(withFacet({ ...emptyQuery(), q: 'docker' }, 'severity', ['breaking']), 'namespace', [
          'team-1',
          'team-2',
        ]),
        title,
      ),
  ],
  ['advice groups of every finding', () => groupByAdvice(report.findings)],
  ['readiness (verdict, phases, charts)', () => readinessOf(report, [])],
];
for (const [name, f] of cases) {
  const s = time(20, f);
  console.log(`  ${name}`.padEnd(52), `median ${ms(s.median)}`, `p95 ${ms(s.p95)}`);
}

const app = await startApp({ RELEASE_LENS_SQLITE_PATH: `/tmp/release-lens-bench-workbench-${process.pid}.sqlite` });
const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const saved = await fetch(`${app.url}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ report, redact: false }),
  });
  if (!saved.ok) throw new Error(`saving the report failed: ${saved.status} ${await saved.text()}`);
  const { id } = (await saved.json()) as { id: string };
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const rounds: Record<string, number[]> = { load: [], search: [], table: [], scroll: [] };
  for (let round = 0; round < 5; round += 1) {
    let start = performance.now();
    await page.goto(`${app.url}/reports/${id}`);
    await page.getByTestId('finding').first().waitFor();
    rounds.load?.push(performance.now() - start);

    const count = page.getByTestId('findings-count');
    start = performance.now();
    await page.getByLabel('Search findings').fill('worker-12');
    await count.filter({ hasText: ' of ' }).waitFor();
    rounds.search?.push(performance.now() - start);

    start = performance.now();
    await page.getByRole('radio', { name: 'Table' }).check();
    await page.getByTestId('finding-row').first().waitFor();
    rounds.table?.push(performance.now() - start);
    await page.getByLabel('Search findings').fill('');
    await count.filter({ hasNotText: ' of ' }).waitFor();

    start = performance.now();
    await page.getByTestId('findings-table').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.locator(`[data-testid="finding-row"][aria-rowindex="${FINDINGS + 1}"]`).waitFor();
    rounds.scroll?.push(performance.now() - start);
    const rendered = await page.getByTestId('finding-row').count();
    if (round === 0) console.log(`\nTable rows in the page after scrolling to the end: ${rendered} of ${FINDINGS}`);
    await page.getByRole('radio', { name: 'Grouped' }).check();
  }
  console.log(`Saved report of ${FINDINGS} findings in Chromium (production build, medians of 5):`);
  const label: Record<string, string> = {
    load: 'open the report until a finding shows',
    search: 'type a search until the count answers',
    table: 'switch to the table until a row shows',
    scroll: 'scroll the table to its last row',
  };
  for (const [k, v] of Object.entries(rounds)) {
    const s = summarize(v);
    console.log(`  ${label[k] ?? k}`.padEnd(52), `median ${ms(s.median)}`, `p95 ${ms(s.p95)}`);
  }

  // /changes: the whole catalog, server-rendered; a facet is a link to the filtered page.
  const changes: Record<string, number[]> = { open: [], interactive: [], filter: [] };
  for (let round = 0; round < 5; round += 1) {
    const start = performance.now();
    await page.goto(`${app.url}/changes`);
    await page.getByTestId('change-card').first().waitFor();
    changes.open?.push(performance.now() - start);
    changes.interactive?.push(
      await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return nav ? nav.domInteractive - nav.startTime : Number.NaN;
      }),
    );
    const count = page.getByTestId('result-count');
    const before = await count.textContent();
    const t = performance.now();
    // A facet navigates to the filtered page: click, then wait for the count of the new page.
    await page
      .getByRole('group', { name: 'Release' })
      .getByRole('checkbox', { name: /^1\.24/ })
      .click();
    await count.filter({ hasNotText: new RegExp(`^${before ?? ''}$`) }).waitFor();
    changes.filter?.push(performance.now() - t);
  }
  console.log('\n/changes in Chromium (production build, medians of 5):');
  const changeLabel: Record<string, string> = {
    open: 'open until the first change shows',
    interactive: 'time to interactive (domInteractive)',
    filter: 'tick "1.24" until the count answers',
  };
  for (const [k, v] of Object.entries(changes)) {
    const s = summarize(v);
    console.log(`  ${changeLabel[k] ?? k}`.padEnd(52), `median ${ms(s.median)}`, `p95 ${ms(s.p95)}`);
  }
} finally {
  await browser.close();
  await app.stop();
}
