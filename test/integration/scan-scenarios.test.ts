import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogFrom } from '../../lib/catalog/load';
import type { Report } from '../../lib/model/report';
import { runScan } from '../../lib/scan/run-scan';
import {
  allScenarios,
  EXPECTATION_TARGET,
  type ExpectedFinding,
  type ObjectKey,
} from '../cluster-harness/scenarios/index';
import { describeFinding, matchesExpectation, sameObject } from './scenario-match';
import { testCluster } from './test-cluster';
import { renderText } from '../../lib/model/text';

const cluster = testCluster();
const root = path.join(import.meta.dirname, '..', '..');
type Finding = Report['findings'][number];

const findingsOn = (report: Report, key: ObjectKey): Finding[] =>
  report.findings.filter((f) => sameObject(f.object, key));
const label = (key: ObjectKey) => `${key.kind} ${key.namespace ? `${key.namespace}/` : ''}${key.name}`;

/**
 * One scan of the seeded cluster as the cluster-wide reader, the way a pasted kubeconfig is scanned, compared with
 * what every scenario says it must (and must not) produce.
 */
describe(`a scan of the seeded cluster (target ${EXPECTATION_TARGET})`, () => {
  let report: Report;

  beforeAll(async () => {
    const catalog = loadCatalogFrom(path.join(root, 'data'));
    report = await runScan(
      { kind: 'upload', kubeconfig: cluster.kubeconfigYaml, context: 'reader' },
      { target: EXPECTATION_TARGET, catalog, dataDir: path.join(root, 'data') },
    );
  });

  it('read everything: no coverage gap and no blind check', () => {
    expect(report.coverage.filter((c) => !['ok', 'not-served'].includes(c.status))).toEqual([]);
    expect(report.rules.filter((r) => r.status === 'failed')).toEqual([]);
  });

  describe.each(allScenarios.map((s) => [s.name, s] as const))('scenario %s', (_name, scenario) => {
    it.each(scenario.expect.map((e) => [`${e.changeId} on ${label(e)}`, e] as const))(
      'reports %s',
      (_title, expected: ExpectedFinding) => {
        const onObject = findingsOn(report, expected);
        const match = onObject.find((f) => matchesExpectation(f, expected));
        const reported = onObject.map(describeFinding).join('\n  ') || '(none)';
        expect(
          match,
          `${scenario.name}: expected ${expected.changeId} (${expected.severity}) on ${label(expected)} because ` +
            `${expected.why}; reported on that object:\n  ${reported}`,
        ).toBeDefined();
      },
    );

    if (scenario.clean.length > 0) {
      it.each(scenario.clean.map((c) => [label(c), c] as const))('leaves %s clean', (_title, key) => {
        expect(
          findingsOn(report, key).map(describeFinding),
          `${scenario.name}: ${label(key)} must not be flagged`,
        ).toEqual([]);
      });
    }

    for (const anomaly of scenario.anomalies ?? []) {
      it(`notes ${anomaly.anomaly} on ${label(anomaly)}`, () => {
        const release = anomaly.namespace ? `${anomaly.namespace}/${anomaly.name}` : anomaly.name;
        const notes = report.notes.filter((n) => n.kind === anomaly.anomaly && renderText(n.message).includes(release));
        expect(notes, `${scenario.name}: ${anomaly.why}`).toHaveLength(1);
      });
    }
  });

  it('marks every change a scenario expects as affected', () => {
    const expected = new Set(allScenarios.flatMap((s) => s.expect.map((e) => e.changeId)));
    const status = Object.fromEntries(report.changes.map((c) => [c.changeId, c.status]));
    for (const id of expected) expect(status[id], id).toBe('affected');
  });
});
