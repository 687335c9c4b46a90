import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogFrom } from '../catalog/load';
import { CUT_MARK, REPORT_LIMITS } from '../model/limits';
import type { Evidence } from '../model/finding';
import { evaluate } from '../scan/evaluate';
import { container, node, pod, snapshot } from '../snapshot/test-fixtures';
import { fitReport, fitString, fitText } from './fit';
import { reportSchema } from './schema';

const catalog = loadCatalogFrom(path.join(__dirname, '..', '..', 'data'));

describe('fitString and fitText', () => {
  it('leave values within the limits alone', () => {
    expect(fitString('abc', 10)).toBe('abc');
    const text = ['a ', { kind: 'name', value: 'b' }] as const;
    expect(fitText(text)).toBe(text);
  });

  it('cut long values to the limit and mark the cut', () => {
    const cut = fitString('x'.repeat(50), 20);
    expect(cut).toHaveLength(20);
    expect(cut.endsWith(CUT_MARK)).toBe(true);
    const [slot] = fitText([{ kind: 'value', value: 'y'.repeat(REPORT_LIMITS.partChars * 3) }]);
    expect(typeof slot === 'object' && slot.kind).toBe('value');
    expect(typeof slot === 'object' && slot.value.length).toBe(REPORT_LIMITS.partChars);
  });

  it('drops parts beyond the limit after a cut mark', () => {
    const text = Array.from({ length: REPORT_LIMITS.textParts + 40 }, (_, i) => `p${i}`);
    const fitted = fitText(text);
    expect(fitted).toHaveLength(REPORT_LIMITS.textParts + 1);
    expect(fitted.at(-1)).toBe(CUT_MARK);
  });
});

describe('fitReport', () => {
  // Names as long as an API server lets through, and longer (a crafted snapshot has no server to refuse them).
  const long = (c: string, n: number) => c.repeat(n);
  const hostile = snapshot({
    nodes: [node(long('n', 900), 'docker://20.10.7', 'v1.23.4')],
    pods: [
      pod(long('p', 700), long('s', 400), {
        volumes: Array.from({ length: 120 }, (_, i) => ({
          name: `${long('v', 600)}-${i}`,
          source: { type: 'hostPath' as const, path: '/var/run/docker.sock' },
        })),
        containers: [container(long('c', 500), { image: `registry.example.com/${long('i', 5000)}:1` })],
      }),
    ],
  });

  it('makes every report a scan writes valid for the save endpoint, however long its names', () => {
    const report = evaluate(hostile, { target: '1.25', catalog });
    expect(report.findings.length).toBeGreaterThan(0);
    const parsed = reportSchema.safeParse(report);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
  });

  it('keeps at most the evidence limit per finding, the last item saying how many were left out', () => {
    const report = evaluate(hostile, { target: '1.25', catalog });
    const evidence: Evidence[] = Array.from({ length: 120 }, (_, i) => ({ source: 'field', detail: [`e${i}`] }));
    const first = report.findings[0];
    if (!first) throw new Error('expected a finding');
    const fitted = fitReport({ ...report, findings: [{ ...first, evidence }] });
    const kept = fitted.findings[0]?.evidence ?? [];
    expect(kept).toHaveLength(REPORT_LIMITS.evidence);
    expect(kept.at(-1)?.detail[0]).toContain(`${120 - (REPORT_LIMITS.evidence - 1)} more`);
  });
});
