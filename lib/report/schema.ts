import { z } from 'zod';
import { SEVERITIES } from '../catalog/schema';
import { RESOURCE_KEYS } from '../snapshot/types';
import { TARGETS } from '../rules/types';

/** Bumped when the report document changes shape; stored reports keep the version they were written with. */
export const REPORT_SCHEMA_VERSION = 1;

const text = (max = 4000) => z.string().max(max);

export const objectRefSchema = z.object({
  apiVersion: text(200),
  kind: text(200),
  namespace: text(300).optional(),
  name: text(300),
});

export const evidenceSchema = z.object({
  source: z.enum([
    'field',
    'annotation',
    'label',
    'managed-fields',
    'last-applied',
    'helm-release',
    'metric',
    'node-info',
    'kubeconfig',
    'discovery',
  ]),
  path: text(500).optional(),
  value: text().optional(),
  detail: text(),
});

export const findingSchema = z.object({
  id: text(200),
  ruleId: text(100),
  changeId: text(100),
  severity: z.enum(SEVERITIES),
  confidence: z.enum(['certain', 'likely', 'possible']),
  object: objectRefSchema,
  owner: objectRefSchema.optional(),
  helmRelease: z.object({ name: text(300), namespace: text(300) }).optional(),
  message: text(),
  remediation: text(),
  evidence: z.array(evidenceSchema).max(50),
});

export const coverageSchema = z.object({
  resource: z.enum(RESOURCE_KEYS),
  status: z.enum(['ok', 'forbidden', 'unauthorized', 'timeout', 'error', 'not-served', 'not-provided']),
  apiVersion: text(200).optional(),
  count: z.number().int().nonnegative(),
  message: text().optional(),
  deprecatedVersionRead: z.boolean().optional(),
  namespaces: z.array(text(300)).max(1000).optional(),
});

export const changeImpactSchema = z.object({
  changeId: text(100),
  /** affected: findings exist; not-detected: every check ran with full input; not-checked: see reason. */
  status: z.enum(['affected', 'not-detected', 'not-checked']),
  objects: z.number().int().nonnegative(),
  worstSeverity: z.enum(SEVERITIES).optional(),
  reason: text().optional(),
});

export const ruleRunSchema = z.object({
  ruleId: text(100),
  status: z.enum(['ran', 'blind', 'failed']),
  findings: z.number().int().nonnegative(),
  /** Resources the rule needed but could not read. */
  missing: z.array(z.enum(RESOURCE_KEYS)).default([]),
  message: text().optional(),
});

export const reportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  generatedAt: z.iso.datetime(),
  tool: z.object({ name: z.literal('release-lens'), version: text(50) }),
  catalogVersion: text(50),
  target: z.enum(TARGETS),
  cluster: z.object({
    source: z.object({
      kind: z.enum(['kubeconfig', 'upload', 'in-cluster', 'snapshot', 'demo']),
      label: text(500),
      server: text(500).optional(),
    }),
    serverVersion: text(100).optional(),
    /** The releases between the cluster's version and the target, whose changes were evaluated. */
    releasesInScope: z.array(z.enum(['1.24', '1.25'])),
    provider: text(50),
    providerEvidence: text().optional(),
    policyEngines: z.array(text(50)),
    nodes: z.number().int().nonnegative(),
    namespaces: z.number().int().nonnegative(),
    pods: z.number().int().nonnegative(),
    workloads: z.number().int().nonnegative(),
  }),
  findings: z.array(findingSchema),
  changes: z.array(changeImpactSchema),
  rules: z.array(ruleRunSchema),
  coverage: z.array(coverageSchema),
  /** Things worth knowing that are not findings: duplicate deployed Helm revisions, undecodable records... */
  notes: z.array(z.object({ kind: text(100), message: text() })).default([]),
  redaction: z
    .object({
      /** What was replaced by stable tokens or dropped. */
      fields: z.array(text(100)),
    })
    .optional(),
});

export type Report = z.output<typeof reportSchema>;
export type ChangeImpact = z.output<typeof changeImpactSchema>;
export type RuleRun = z.output<typeof ruleRunSchema>;
export type ReportNote = Report['notes'][number];
