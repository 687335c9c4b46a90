import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { compareReports } from './compare';
import { redactReport } from './redact';
import { makeTestFinding, makeTestReport } from './test-fixtures';

const kept = makeTestFinding();
const gone = makeTestFinding();
const added = makeTestFinding({ changeId: 'psp-removal' });
const older = makeTestReport([kept, gone], {
  changes: [
    { changeId: 'dockershim-removal', status: 'affected', objects: 2, worstSeverity: 'breaking' },
    { changeId: 'psp-removal', status: 'not-detected', objects: 0 },
    { changeId: 'grpc-probes-beta', status: 'not-checked', objects: 0, reason: ['pods forbidden'] },
  ],
});
const newer = makeTestReport([{ ...kept, message: ['still there'] }, added], {
  generatedAt: '2025-11-27T10:00:00.000Z',
  changes: [
    { changeId: 'dockershim-removal', status: 'affected', objects: 1, worstSeverity: 'breaking' },
    { changeId: 'psp-removal', status: 'affected', objects: 1, worstSeverity: 'breaking' },
    { changeId: 'volume-expansion-ga', status: 'not-detected', objects: 0 },
  ],
});

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('compareReports', () => {
  it('splits findings into new, fixed and remaining by id', () => {
    const diff = compareReports(older, newer);
    expect(diff.new.map((f) => f.id)).toEqual([added.id]);
    expect(diff.fixed.map((f) => f.id)).toEqual([gone.id]);
    expect(diff.remaining).toEqual([{ ...kept, message: ['still there'] }]);
  });

  it('lists changes whose impact status moved, including ones only one scan lists', () => {
    const moved = compareReports(older, newer).impactChanges;
    expect(moved.map((m) => [m.changeId, m.before?.status, m.after?.status])).toEqual([
      ['psp-removal', 'not-detected', 'affected'],
      ['grpc-probes-beta', 'not-checked', undefined],
      ['volume-expansion-ga', undefined, 'not-detected'],
    ]);
  });

  it('refuses reports of different clusters', () => {
    const other = makeTestReport([], {
      cluster: { ...older.cluster, source: { kind: 'kubeconfig', label: 'staging', server: 'https://staging:6443' } },
    });
    const error = refusal(() => compareReports(older, other));
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toContain('different clusters: "prod-eu"');
  });

  it('takes two contexts that reach one API server for one cluster', () => {
    const source = older.cluster.source;
    const viaOtherContext = {
      ...newer,
      cluster: { ...newer.cluster, source: { ...source, label: `reader@${source.label}` } },
    };
    expect(source.server).toBeDefined();
    expect(compareReports(older, viaOtherContext).remaining.length).toBe(1);
  });

  it('knows a cluster by its kube-system UID first: one UID is one cluster, two are two, whatever the server', () => {
    const as = (r: typeof older, uid: string, server: string) => ({
      ...r,
      cluster: { ...r.cluster, uid, source: { ...r.cluster.source, server } },
    });
    expect(() => compareReports(as(older, 'u-1', 'https://a:6443'), as(newer, 'u-1', 'https://b:6443'))).not.toThrow();
    expect(
      refusal(() => compareReports(as(older, 'u-1', 'https://a:6443'), as(newer, 'u-2', 'https://a:6443'))).message,
    ).toContain('different clusters');
  });

  it('compares redacted reports by token when they share a salt', () => {
    const diff = compareReports(redactReport(older, { salt: 'team' }), redactReport(newer, { salt: 'team' }));
    expect([diff.new.length, diff.fixed.length, diff.remaining.length]).toEqual([1, 1, 1]);
    expect(diff.new[0]?.id).not.toBe(added.id);
  });

  it('refuses redacted reports with different salts, and mixed redacted and plain ones', () => {
    const salts = refusal(() => compareReports(redactReport(older, { salt: 'a' }), redactReport(newer, { salt: 'b' })));
    expect(salts.message).toContain('different salts');
    const mixed = refusal(() => compareReports(older, redactReport(newer, { salt: 'a' })));
    expect(mixed.message).toContain('Only one of these reports is redacted');
  });
});
