import { describe, expect, it } from 'vitest';
import type { Catalog } from '../catalog/load';
import { makeChange } from '../catalog/test-fixtures';
import { plainReport } from '../report/render';
import { reportSchema } from '../report/schema';
import { t } from '../model/text';
import { makeFinding } from '../rules/support/finding';
import type { Rule } from '../rules/support/check';
import { node, snapshot, withForbidden } from '../snapshot/test-fixtures';
import { evaluate } from './evaluate';

const catalog: Catalog = {
  version: 'abcdef123456',
  releases: [],
  addons: [],
  removedApis: [],
  changes: [
    makeChange({
      id: 'node-thing',
      release: '1.24',
      severity: 'breaking',
      detectedBy: ['nodes-rule'],
      notObservable: undefined,
    }),
    makeChange({ id: 'quiet-thing', release: '1.25', detectedBy: ['quiet-rule'], notObservable: undefined }),
    makeChange({ id: 'invisible', release: '1.25' }),
    makeChange({ id: 'broken-thing', release: '1.25', detectedBy: ['throwing-rule'], notObservable: undefined }),
  ],
};

const nodesRule: Rule = {
  id: 'nodes-rule',
  title: 'Flags every node twice',
  changeIds: ['node-thing'],
  needs: ['nodes'],
  run: (s) =>
    s.nodes.flatMap((n) =>
      ['a', 'b'].map((d) =>
        makeFinding({
          ruleId: 'nodes-rule',
          changeId: 'node-thing',
          severity: 'breaking',
          confidence: 'certain',
          object: { apiVersion: 'v1', kind: 'Node', name: n.metadata.name },
          message: t`m`,
          remediation: t`r`,
          evidence: [],
          discriminator: d,
        }),
      ),
    ),
};
const quietRule: Rule = {
  id: 'quiet-rule',
  title: 'Finds nothing',
  changeIds: ['quiet-thing'],
  needs: ['pods', 'cronjobs'],
  run: () => [],
};
const throwingRule: Rule = {
  id: 'throwing-rule',
  title: 'Throws',
  changeIds: ['broken-thing'],
  needs: [],
  run: () => {
    throw new Error('boom');
  },
};
const rules = [nodesRule, quietRule, throwingRule];
const cluster = snapshot({ nodes: [node('n1', 'docker://20.10', 'v1.23.9'), node('n2', 'docker://20.10', 'v1.23.9')] });
const now = new Date('2026-01-02T03:04:05Z');

const impact = (r: ReturnType<typeof evaluate>, id: string) => plainReport(r).changes.find((c) => c.changeId === id);

describe('evaluate', () => {
  it('marks changes affected, not detected and not checked, and builds a valid report', () => {
    const report = evaluate(cluster, { target: '1.25', catalog, rules, now });
    expect(reportSchema.parse(report)).toEqual(report);
    expect(report.generatedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(report.cluster.releasesInScope).toEqual(['1.24', '1.25']);
    expect(impact(report, 'node-thing')).toEqual({
      changeId: 'node-thing',
      status: 'affected',
      objects: 2,
      worstSeverity: 'breaking',
    });
    expect(report.findings).toHaveLength(4);
    expect(impact(report, 'quiet-thing')).toEqual({ changeId: 'quiet-thing', status: 'not-detected', objects: 0 });
    expect(impact(report, 'invisible')).toMatchObject({
      status: 'not-checked',
      reason: expect.stringMatching(/^Not observable from the API/),
    });
  });

  it('records a failing check and keeps going', () => {
    const report = evaluate(cluster, { target: '1.25', catalog, rules, now });
    expect(plainReport(report).rules.find((r) => r.ruleId === 'throwing-rule')).toMatchObject({
      status: 'failed',
      message: 'the check failed: boom',
    });
    expect(impact(report, 'broken-thing')).toMatchObject({
      status: 'not-checked',
      reason: expect.stringContaining('throwing-rule'),
    });
  });

  it('says which resources a blind check could not read', () => {
    const report = evaluate(withForbidden(cluster, 'cronjobs'), { target: '1.25', catalog, rules, now });
    expect(plainReport(report).rules.find((r) => r.ruleId === 'quiet-rule')).toMatchObject({
      status: 'blind',
      missing: ['cronjobs'],
    });
    expect(impact(report, 'quiet-thing')).toMatchObject({
      status: 'not-checked',
      reason: 'quiet-rule: could not read cronjobs (forbidden)',
    });
  });

  it('does not count an API the cluster does not serve as a blind spot', () => {
    const s = {
      ...cluster,
      coverage: cluster.coverage.map((c) => (c.resource === 'cronjobs' ? { ...c, status: 'not-served' as const } : c)),
    };
    expect(impact(evaluate(s, { target: '1.25', catalog, rules, now }), 'quiet-thing')?.status).toBe('not-detected');
  });

  it('keeps findings of a blind check but says they may be incomplete', () => {
    const report = evaluate(withForbidden(cluster, 'nodes'), { target: '1.25', catalog, rules, now });
    expect(impact(report, 'node-thing')).toMatchObject({
      status: 'affected',
      reason: expect.stringMatching(/^Findings may be incomplete/),
    });
  });

  it('leaves out releases the cluster has already crossed', () => {
    const upgraded = snapshot({
      serverVersion: { gitVersion: 'v1.24.3', major: '1', minor: '24' },
      nodes: [node('n1', 'containerd://1.6.8', 'v1.24.3')],
    });
    const report = evaluate(upgraded, { target: '1.25', catalog, rules, now });
    expect(report.cluster.releasesInScope).toEqual(['1.25']);
    expect(report.changes.map((c) => c.changeId)).not.toContain('node-thing');
  });

  it('keeps a release in scope while an old kubelet has not crossed it', () => {
    const skewed = snapshot({
      serverVersion: { gitVersion: 'v1.24.3', major: '1', minor: '24' },
      nodes: [node('old', 'docker://20.10', 'v1.23.9')],
    });
    const report = evaluate(skewed, { target: '1.25', catalog, rules, now });
    expect(report.cluster.releasesInScope).toEqual(['1.24', '1.25']);
    expect(impact(report, 'node-thing')?.status).toBe('affected');
  });
});
