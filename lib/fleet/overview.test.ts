import { describe, expect, it } from 'vitest';
import type { RegisteredCluster } from '../model/fleet';
import type { Report } from '../model/report';
import type { ReportSummary } from '../model/saved-report';
import { makeTestCatalog, makeTestFinding, makeTestReport } from '../report/test-fixtures';
import { buildFleetOverview } from './overview';

const catalog = makeTestCatalog();
const NOW = Date.parse('2026-12-05T12:00:00Z');

const clusters: RegisteredCluster[] = [
  { id: 'prod', name: 'Production', target: '1.25', access: { kind: 'in-cluster' }, everyMs: 3_600_000 },
  { id: 'edge', name: 'Edge', target: '1.25', uploadTokenFile: '/t/edge' },
  { id: 'lab', name: 'Lab', target: '1.25', uploadTokenFile: '/t/lab' },
];

function summary(id: string, createdAt: string, report: Report): ReportSummary {
  const counts = { breaking: 0, action: 0, info: 0 };
  for (const f of report.findings) counts[f.severity] += 1;
  return { id, createdAt, clusterLabel: 'x', target: '1.25', counts, redacted: false };
}

const blocked = makeTestReport([makeTestFinding({ severity: 'breaking' })], {
  cluster: { ...makeTestReport().cluster, uid: 'uid-prod' },
});
const older = makeTestReport(
  [makeTestFinding({ severity: 'breaking' }), makeTestFinding({ severity: 'breaking', id: 'f2' })],
  {
    cluster: { ...makeTestReport().cluster, uid: 'uid-prod' },
  },
);
const clean = makeTestReport([], { cluster: { ...makeTestReport().cluster, uid: 'uid-edge' } });

describe('buildFleetOverview', () => {
  const overview = buildFleetOverview({
    clusters,
    reports: new Map([
      ['prod', [summary('r2', '2026-12-05T11:00:00Z', blocked), summary('r1', '2026-12-04T11:00:00Z', older)]],
      ['edge', [summary('e1', '2026-12-05T06:00:00Z', clean)]],
    ]),
    documents: new Map([
      ['prod', [blocked, older]],
      ['edge', [clean]],
    ]),
    runs: new Map([
      ['prod', { periodStart: '2026-12-05T11:00:00.000Z', state: 'done', attempts: 1, updatedAt: '', reportId: 'r2' }],
    ]),
    catalog,
    now: NOW,
  });

  it('gives each registered cluster its verdict from its newest report, blocked first', () => {
    expect(overview.clusters.map((c) => [c.id, c.verdict])).toEqual([
      ['prod', 'blocked'],
      ['lab', 'no-report'],
      ['edge', 'ready'],
    ]);
    const prod = overview.clusters[0];
    expect(prod?.latest).toMatchObject({ reportId: 'r2', blockers: 1, ageMs: 3_600_000, uid: 'uid-prod' });
    expect(prod?.modes).toEqual(['scheduled']);
    expect(prod?.lastRun?.state).toBe('done');
  });

  it('draws the trend oldest first from the saved reports', () => {
    expect(overview.clusters[0]?.trend.map((p) => [p.reportId, p.counts.breaking])).toEqual([
      ['r1', 2],
      ['r2', 1],
    ]);
  });

  it('lists each change with the clusters it still affects', () => {
    expect(overview.changes).toEqual([
      expect.objectContaining({ changeId: makeTestFinding().changeId, clusters: ['prod'] }),
    ]);
  });

  it('says when a registration holds reports of two clusters', () => {
    const moved = makeTestReport([], { cluster: { ...makeTestReport().cluster, uid: 'uid-other' } });
    const o = buildFleetOverview({
      clusters: clusters.slice(0, 1),
      reports: new Map([
        ['prod', [summary('n', '2026-12-05T11:30:00Z', moved), summary('r2', '2026-12-05T11:00:00Z', blocked)]],
      ]),
      documents: new Map([['prod', [moved, blocked]]]),
      runs: new Map(),
      catalog,
      now: NOW,
    });
    expect(o.clusters[0]?.identityWarning).toMatch(/different clusters/);
    // Redacted reports carry UIDs as tokens of their own salt: no warning can be drawn from them.
    const redacted = { ...moved, redaction: { fields: ['salt-id:0123456789abcdef'] } } as typeof moved;
    const r = buildFleetOverview({
      clusters: clusters.slice(0, 1),
      reports: new Map([
        ['prod', [summary('n', '2026-12-05T11:30:00Z', redacted), summary('r2', '2026-12-05T11:00:00Z', blocked)]],
      ]),
      documents: new Map([['prod', [redacted, blocked]]]),
      runs: new Map(),
      catalog,
      now: NOW,
    });
    expect(r.clusters[0]?.identityWarning).toBeUndefined();
    expect(overview.clusters.every((c) => c.identityWarning === undefined)).toBe(true);
  });

  it('judges every cluster against a chosen target: a 1.25 report speaks for 1.24, a 1.24 report not for 1.25', () => {
    const psp = makeTestFinding({ severity: 'breaking', changeId: 'psp-removal', id: 'psp' });
    const docker = makeTestFinding({ severity: 'breaking', changeId: 'dockershim-removal', id: 'ds' });
    const r125 = makeTestReport([psp, docker]);
    const r124 = makeTestReport([docker], { target: '1.24' });
    const inputs = (target: '1.24' | '1.25') =>
      buildFleetOverview({
        clusters: clusters.slice(0, 2),
        reports: new Map([
          ['prod', [summary('p', '2026-12-05T11:00:00Z', r125)]],
          ['edge', [summary('e', '2026-12-05T11:00:00Z', r124)]],
        ]),
        documents: new Map([
          ['prod', [r125]],
          ['edge', [r124]],
        ]),
        runs: new Map(),
        catalog,
        now: NOW,
        target,
      });
    const for124 = inputs('1.24');
    expect(for124.clusters.map((c) => [c.id, c.verdict, c.latest?.blockers])).toEqual([
      ['edge', 'blocked', 1],
      ['prod', 'blocked', 1],
    ]);
    expect(for124.changes.map((c) => c.changeId)).toEqual(['dockershim-removal']);
    const for125 = inputs('1.25');
    const edge = for125.clusters.find((c) => c.id === 'edge');
    expect(edge?.verdict).toBe('unknown');
    expect(edge?.targetNote).toMatch(/scanned for 1.24/);
    expect(for125.clusters.find((c) => c.id === 'prod')?.latest?.blockers).toBe(2);
    expect(for125.changes.find((c) => c.changeId === 'dockershim-removal')?.clusters).toEqual(['prod']);
  });
});
