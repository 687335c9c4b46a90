import { describe, expect, it } from 'vitest';
import { comparable, defaultPair, pickLabel, type PickableReport } from './compare-pick';

const report = (over: Partial<PickableReport> & { id: string }): PickableReport => ({
  createdAt: '2026-12-05T10:00:00.000Z',
  clusterLabel: 'prod',
  target: '1.25',
  counts: { breaking: 3, action: 1, info: 0 },
  redacted: false,
  ...over,
});

describe('picking reports to compare', () => {
  it('never pairs a report with its own redacted copy, and prefers the newest comparable one', () => {
    const reports = [
      report({ id: 'newRedacted', redacted: true, scannedAt: 's2', clusterLabel: 'redacted cluster' }),
      report({ id: 'newPlain', scannedAt: 's2' }),
      report({ id: 'oldRedacted', redacted: true, scannedAt: 's1', clusterLabel: 'redacted cluster' }),
      report({ id: 'oldPlain', scannedAt: 's1' }),
    ];
    expect(defaultPair(reports)).toEqual({ head: 'newRedacted', base: 'oldRedacted' });
    expect(defaultPair(reports.slice(1))).toEqual({ head: 'newPlain', base: 'oldPlain' });
    expect(defaultPair([report({ id: 'only' })])).toEqual({ head: 'only' });
    expect(defaultPair([])).toEqual({});
  });

  it('takes two contexts of one server for one cluster, and one context name on two servers for two', () => {
    const a = report({ id: 'a', clusterLabel: 'admin@prod', server: 'https://10.0.0.1:6443' });
    expect(comparable(a, report({ id: 'b', clusterLabel: 'reader@prod', server: 'https://10.0.0.1:6443' }))).toBe(true);
    expect(comparable(a, report({ id: 'c', clusterLabel: 'admin@prod', server: 'https://10.9.9.9:6443' }))).toBe(false);
    expect(comparable(report({ id: 'd' }), report({ id: 'e' }))).toBe(true);
  });

  it('labels each report so two saves of one minute still differ', () => {
    expect(pickLabel(report({ id: 'abcdef123', createdAt: '2026-12-05T10:00:42.123Z', redacted: true }))).toBe(
      '2026-12-05 10:00:42 · prod (redacted) · to 1.25 · 3 breaking · #abcdef',
    );
  });
});
