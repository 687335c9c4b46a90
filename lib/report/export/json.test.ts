import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema } from '../json-schema';
import { REPORT_SCHEMA_URL } from '../links';
import { redactReport } from '../redact';
import { reportSchema } from '../schema';
import { makeLargeReport, makeTestCatalog, makeTestFinding, makeTestReport } from '../test-fixtures';
import { exportJson } from './json';

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(reportJsonSchema());

const reports = {
  small: makeTestReport([makeTestFinding()]),
  large: makeLargeReport(200),
  redacted: redactReport(makeLargeReport(20), { salt: 'salt' }),
  empty: makeTestReport([], { cluster: { ...makeTestReport().cluster, source: { kind: 'demo', label: 'demo' } } }),
};

describe('exportJson', () => {
  for (const [name, report] of Object.entries(reports)) {
    it(`exports a ${name} report that validates against reportSchema and the JSON Schema`, () => {
      const doc: unknown = JSON.parse(exportJson(report, makeTestCatalog()));
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      expect(reportSchema.parse(doc)).toEqual(report);
    });
  }

  it('leads with $schema and schemaVersion, pretty-printed', () => {
    const text = exportJson(reports.small);
    expect(text.split('\n').slice(0, 3)).toEqual([
      '{',
      `  "$schema": "${REPORT_SCHEMA_URL}",`,
      '  "schemaVersion": 2,',
    ]);
  });

  it("gives each finding its change's KEP number from the catalog, right after the change id", () => {
    const report = makeTestReport([makeTestFinding(), makeTestFinding({ changeId: 'psp-removal' })]);
    const parse = (text: string) => JSON.parse(text) as { findings: Record<string, unknown>[] };
    const doc = parse(exportJson(report, makeTestCatalog()));
    expect(doc.findings.map((f) => f.kep)).toEqual([2221, undefined]);
    expect(Object.keys(doc.findings[0] ?? {}).slice(0, 4)).toEqual(['id', 'ruleId', 'changeId', 'kep']);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(parse(exportJson(report)).findings[0]).not.toHaveProperty('kep');
  });

  it('is rejected by the JSON Schema when a field is wrong', () => {
    const doc = { ...reports.small, findings: [{ ...reports.small.findings[0], severity: 'fatal' }] };
    expect(validate(doc)).toBe(false);
  });
});
