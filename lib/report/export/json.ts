import type { Catalog } from '../../catalog/load';
import { REPORT_SCHEMA_URL } from '../links';
import type { Report } from '../schema';

/**
 * The report itself as pretty-printed JSON, led by `$schema` (its JSON Schema) and `schemaVersion`. The catalog is
 * not needed: change ids are the join key, and the catalog version is in the report.
 */
export function exportJson(report: Report, _catalog?: Catalog): string {
  return `${JSON.stringify({ $schema: REPORT_SCHEMA_URL, ...report }, null, 2)}\n`;
}
