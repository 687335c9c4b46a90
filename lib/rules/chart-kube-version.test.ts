import { describe, expect, it } from 'vitest';
import type { ChartFacts } from '../model/snapshot';
import { snapshot } from '../snapshot/test-fixtures';
import { rule as check } from './chart-kube-version';
import { ruleContext } from './testing/context';
import { plainRule } from './testing/plain';

const rule = plainRule(check);

const chart = (constraint: string, admits: Record<string, boolean | undefined>): ChartFacts => ({
  location: { path: 'charts/batch/Chart.yaml', line: 1, column: 1 },
  name: 'batch',
  version: '0.9.0',
  kubeVersion: { constraint, location: { path: 'charts/batch/Chart.yaml', line: 5, column: 14 }, admits },
  rendering: { notRendered: 'helm is not installed' },
});

describe('chart-kube-version', () => {
  it('says a chart whose kubeVersion excludes the target is refused by helm, at the line of the constraint', () => {
    const [finding, ...rest] = rule.run(
      snapshot({ charts: [chart('<1.25.0-0', { '1.24': true, '1.25': false })] }),
      ruleContext(),
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      changeId: 'helm-chart-kube-version',
      severity: 'breaking',
      confidence: 'certain',
      location: { path: 'charts/batch/Chart.yaml', line: 5 },
    });
    expect(finding?.message).toContain('declares kubeVersion <1.25.0-0, which Kubernetes 1.25 does not satisfy');
  });

  it('is quiet when the range admits the target, and says so when the range cannot be read', () => {
    expect(
      rule.run(
        snapshot({ charts: [chart('<1.25.0-0', { '1.24': true, '1.25': false })] }),
        ruleContext({ target: '1.24' }),
      ),
    ).toEqual([]);
    const [unreadable] = rule.run(snapshot({ charts: [chart('~> banana', {})] }), ruleContext());
    expect(unreadable).toMatchObject({ severity: 'info', confidence: 'possible' });
  });

  it('has nothing to say about a chart without a kubeVersion', () => {
    const { kubeVersion: _, ...plain } = chart('x', {});
    expect(rule.run(snapshot({ charts: [plain] }), ruleContext())).toEqual([]);
  });
});
