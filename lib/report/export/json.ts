import type { Catalog } from '../../catalog/load';
import type { Finding } from '../../model/finding';
import type { ExportedReport } from '../json-schema';
import { REPORT_SCHEMA_URL } from '../links';
import type { Report } from '../../model/report';
import { completenessOf } from '../completeness';

type ExportedFinding = ExportedReport['findings'][number];

function withKep(f: Finding, keps: ReadonlyMap<string, number>): ExportedFinding {
  const kep = keps.get(f.changeId);
  if (kep === undefined) return f;
  // The KEP right after the change id, where a reader looks for it.
  const { id, ruleId, changeId, ...rest } = f;
  return { id, ruleId, changeId, kep, ...rest };
}

/**
 * The report as pretty-printed JSON, led by `$schema` (its JSON Schema) and `schemaVersion`. With the catalog, each
 * finding also carries the KEP number of its change (`kep`), so a CI consumer needs no catalog to cite it.
 */
export function exportJson(report: Report, catalog?: Catalog): string {
  const keps = new Map<string, number>();
  for (const c of catalog?.changes ?? []) if (c.kep !== undefined) keps.set(c.id, c.kep);
  const doc: ExportedReport = {
    $schema: REPORT_SCHEMA_URL,
    ...report,
    completeness: completenessOf(report),
    findings: report.findings.map((f) => withKep(f, keps)),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
