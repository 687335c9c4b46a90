import { describe, expect, it } from 'vitest';
import type { FleetClusterRow, FleetOverview } from '../model/fleet';
import { fleetCsv, fleetMarkdown } from './export';
import { ageText } from './labels';
import { filterClusters, fleetQueryParams, parseFleetQuery } from './query';

const row = (id: string, verdict: FleetClusterRow['verdict'], ageMs?: number): FleetClusterRow => ({
  id,
  name: id === 'prod' ? '=HYPERLINK("x")|<b>' : id,
  target: '1.25',
  modes: ['scheduled'],
  everyMs: 21_600_000,
  verdict,
  trend: [],
  ...(ageMs === undefined
    ? {}
    : {
        latest: {
          reportId: `r-${id}`,
          createdAt: '2026-12-05T10:00:00.000Z',
          ageMs,
          target: '1.25',
          serverVersion: 'v1.24.17',
          blockers: verdict === 'blocked' ? 2 : 0,
          before: 1,
          after: 0,
          notChecked: 0,
          unreadable: 0,
          counts: { breaking: 2, action: 1, info: 0 },
        },
      }),
});

const overview: FleetOverview = {
  generatedAt: '2026-12-05T12:00:00.000Z',
  clusters: [row('prod', 'blocked', 7_200_000), row('lab', 'no-report'), row('edge', 'ready', 3 * 86_400_000)],
  changes: [{ changeId: 'psp-removal', title: 'PSP removed', severity: 'breaking', clusters: ['prod', 'edge'] }],
};

describe('fleet query', () => {
  it('round-trips through the URL and drops what it does not understand', () => {
    const q = parseFleetQuery(
      new URLSearchParams('q=pro&verdict=blocked,bogus,ready&change=psp-removal&stale=24&cluster=../x'),
    );
    expect(q).toEqual({ q: 'pro', verdicts: ['blocked', 'ready'], change: 'psp-removal', staleHours: 24 });
    expect(parseFleetQuery(fleetQueryParams(q))).toEqual(q);
  });

  it('filters by words, verdict, change and age of the newest scan', () => {
    const ids = (s: string) => filterClusters(overview, parseFleetQuery(new URLSearchParams(s))).map((c) => c.id);
    expect(ids('')).toEqual(['prod', 'lab', 'edge']);
    expect(ids('verdict=blocked,no-report')).toEqual(['prod', 'lab']);
    expect(ids('change=psp-removal')).toEqual(['prod', 'edge']);
    expect(ids('stale=24')).toEqual(['lab', 'edge']);
    expect(ids('q=ED')).toEqual(['edge']);
  });
});

describe('fleet exports', () => {
  it('CSV has one safe row per cluster', () => {
    const csv = fleetCsv(overview.clusters);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")|<b>"`);
    expect(lines[1]).toContain('blocked,v1.24.17,2,1,0,0,0,/reports/r-prod');
    expect(lines[2]).toContain('no report yet');
  });

  it('Markdown lists the clusters and where each change still bites, escaped', () => {
    const md = fleetMarkdown(overview, overview.clusters.slice(0, 2));
    expect(md).toContain('2 clusters');
    expect(md).not.toContain('<b>');
    expect(md).toContain('**PSP removed** (breaking): 1 of 2: prod');
    expect(md).toContain('2 h ago');
  });

  it('says ages as people do', () => {
    expect([ageText(59_000), ageText(3_600_000), ageText(47 * 3_600_000), ageText(49 * 3_600_000)]).toEqual([
      '0 min',
      '1 h',
      '47 h',
      '2 d',
    ]);
  });
});
