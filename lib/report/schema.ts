import { z } from 'zod';
import { SEVERITIES } from '../model/catalog';
import { CONFIDENCES, EVIDENCE_SOURCES } from '../model/finding';
import { RELEASES, TARGETS } from '../model/releases';
import { CHANGE_STATUSES, REPORT_SCHEMA_VERSION, RULE_STATUSES, type Report } from '../model/report';
import { COVERAGE_STATUSES, RESOURCE_KEYS } from '../model/resources';
import { REPORT_LIMITS } from '../model/limits';
import { SOURCE_KINDS } from '../model/sources';
import { FACT_KINDS, IDENTITY_KINDS } from '../model/text';

/**
 * The validator of the report document (lib/model/report.ts holds its type). A report read from outside (a save
 * request, a stored row, an uploaded file) passes through it; the limits bound what one report may hold.
 */

const text = (max: number) => z.string().max(max);
const L = REPORT_LIMITS;

/** A sentence: literal parts and typed slots (lib/model/text.ts). */
export const textSchema = z
  .array(
    z.union([
      z.string().max(REPORT_LIMITS.partChars),
      z.object({ kind: z.enum([...IDENTITY_KINDS, ...FACT_KINDS]), value: z.string().max(REPORT_LIMITS.partChars) }),
    ]),
  )
  .max(REPORT_LIMITS.textParts + 1)
  .readonly();

export const objectRefSchema = z.object({
  apiVersion: text(L.refChars),
  kind: text(L.refChars),
  namespace: text(L.refChars).optional(),
  name: text(L.refChars),
});

export const evidenceSchema = z.object({
  source: z.enum(EVIDENCE_SOURCES),
  path: textSchema.optional(),
  value: textSchema.optional(),
  detail: textSchema,
});

const locationSchema = z.object({
  path: text(L.pathChars),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
});

export const findingSchema = z.object({
  id: text(L.findingIdChars),
  ruleId: text(L.idChars),
  changeId: text(L.idChars),
  severity: z.enum(SEVERITIES),
  confidence: z.enum(CONFIDENCES),
  object: objectRefSchema,
  owner: objectRefSchema.optional(),
  helmRelease: z.object({ name: text(L.refChars), namespace: text(L.refChars) }).optional(),
  location: locationSchema.optional(),
  accepted: z
    .object({
      reason: text(L.partChars),
      expires: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      entry: locationSchema,
    })
    .optional(),
  source: z
    .object({
      location: locationSchema,
      apiVersion: text(L.idChars),
      state: z.enum(['fixed', 'unfixed', 'defined']),
      via: z.enum(['name', 'helm-chart']),
    })
    .optional(),
  message: textSchema,
  remediation: textSchema,
  evidence: z.array(evidenceSchema).max(REPORT_LIMITS.evidence),
});

export const coverageSchema = z.object({
  resource: z.enum(RESOURCE_KEYS),
  status: z.enum(COVERAGE_STATUSES),
  apiVersion: text(L.refChars).optional(),
  count: z.number().int().nonnegative(),
  message: textSchema.optional(),
  deprecatedVersionRead: z.boolean().optional(),
  namespaces: z.array(text(L.refChars)).max(L.coverageNamespaces).optional(),
});

export const changeImpactSchema = z.object({
  changeId: text(L.idChars),
  status: z.enum(CHANGE_STATUSES),
  objects: z.number().int().nonnegative(),
  worstSeverity: z.enum(SEVERITIES).optional(),
  reason: textSchema.optional(),
});

export const ruleRunSchema = z.object({
  ruleId: text(L.idChars),
  status: z.enum(RULE_STATUSES),
  findings: z.number().int().nonnegative(),
  missing: z.array(z.enum(RESOURCE_KEYS)).default([]),
  message: textSchema.optional(),
});

export const reportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  generatedAt: z.iso.datetime(),
  tool: z.object({ name: z.literal('release-lens'), version: text(L.shortChars) }),
  catalogVersion: text(L.shortChars),
  target: z.enum(TARGETS),
  cluster: z.object({
    source: z.object({
      kind: z.enum(SOURCE_KINDS),
      label: text(L.sourceChars),
      server: text(L.sourceChars).optional(),
    }),
    serverVersion: text(L.shortChars).optional(),
    uid: text(L.shortChars).optional(),
    releasesInScope: z.array(z.enum(RELEASES)),
    provider: text(L.shortChars),
    providerEvidence: textSchema.optional(),
    policyEngines: z.array(text(L.shortChars)),
    nodes: z.number().int().nonnegative(),
    namespaces: z.number().int().nonnegative(),
    pods: z.number().int().nonnegative(),
    workloads: z.number().int().nonnegative(),
    helmCharts: z
      .array(z.object({ namespace: text(L.refChars), name: text(L.refChars), chart: text(L.refChars) }))
      .max(L.helmCharts)
      .optional(),
  }),
  findings: z.array(findingSchema),
  changes: z.array(changeImpactSchema),
  rules: z.array(ruleRunSchema),
  coverage: z.array(coverageSchema),
  notes: z.array(z.object({ kind: text(L.idChars), message: textSchema })).default([]),
  addons: z
    .array(
      z.object({
        object: objectRefSchema,
        addon: text(L.idChars),
        name: text(L.refChars),
        version: text(L.shortChars).optional(),
        versionFrom: z.enum(['tag', 'label', 'chart']).optional(),
        unknown: z.enum(['digest', 'not-a-version', 'no-label']).optional(),
        releases: z
          .array(
            z.object({
              release: z.enum(RELEASES),
              range: text(L.shortChars).optional(),
              verdict: z.enum(['inside', 'older', 'newer', 'unknown', 'no-statement']),
              basis: z.enum(['reference', 'derived']).optional(),
            }),
          )
          .max(10),
      }),
    )
    .max(L.addons)
    .optional(),
  redaction: z.object({ fields: z.array(text(L.idChars)) }).optional(),
}) satisfies z.ZodType<Report, unknown>;

// The validator and the model describe the same document: a difference either way fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.output<typeof reportSchema>, Report> = true;
void sameShape;
