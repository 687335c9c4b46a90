import { z } from 'zod';
import { REPORT_SCHEMA_URL } from './links';
import { findingSchema, reportSchema } from './schema';
import { REPORT_SCHEMA_VERSION } from '../model/report';

/** Where the generated schema is committed, relative to the repository root (served at /schema/report-v<version>.json; older versions stay published). */
export const REPORT_SCHEMA_FILE = `public/schema/report-v${REPORT_SCHEMA_VERSION}.json`;

/** A finding as exported to JSON: plus the KEP number of its change, joined from the catalog where there is one. */
export const exportedFindingSchema = findingSchema.extend({ kep: z.number().int().positive().optional() });

/** A report as exported to JSON: the report plus the `$schema` pointer and the findings' KEP numbers. */
export const exportedReportSchema = reportSchema.extend({
  $schema: z.string().optional(),
  findings: z.array(exportedFindingSchema),
  /** How complete the scan was (lib/report/completeness.ts): derived, so stored reports do not hold it. */
  completeness: z
    .object({
      status: z.enum(['complete', 'incomplete', 'unusable']),
      unreadable: z.array(z.string()),
      partial: z.array(z.string()),
      resourceTypes: z.number().int().nonnegative(),
      skippedObjects: z.number().int().nonnegative(),
      blindChecks: z.array(z.string()),
      notCheckable: z.array(z.string()),
      checks: z.number().int().nonnegative(),
      headline: z.string(),
    })
    .optional(),
});
export type ExportedReport = z.output<typeof exportedReportSchema>;

/**
 * The JSON Schema (draft-07, the dialect most editors and validators support) of an exported report, generated
 * from the zod schema so the two cannot drift. `scripts/write-report-schema.ts` writes it to REPORT_SCHEMA_FILE.
 */
export function reportJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(exportedReportSchema, { target: 'draft-7', io: 'output' });
  return {
    $schema,
    $id: REPORT_SCHEMA_URL,
    title: `Release Lens report, schema version ${REPORT_SCHEMA_VERSION}`,
    description:
      'Which Kubernetes 1.24/1.25 changes affect one cluster: findings per object with evidence, the impact of ' +
      'every catalog change, and what could not be checked. See docs/reports.md.',
    ...rest,
  };
}
