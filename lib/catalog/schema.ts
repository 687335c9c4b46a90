import { z } from 'zod';
import { KINDS, SEVERITIES, STAGES } from '../model/catalog';
import { API_RELEASES, RELEASES } from '../model/releases';

export const LINK_KINDS = ['kep', 'docs', 'pr', 'issue', 'blog', 'changelog'] as const;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case kebab-case (a-z, 0-9 and single dashes)');

const prose = (min: number) =>
  z.string().trim().min(min, `must be at least ${min} characters`).max(1500, 'must be at most 1500 characters');

const gateDefault = z.strictObject({
  stage: z.enum(['alpha', 'beta', 'stable', 'deprecated']),
  enabled: z.boolean(),
  locked: z.boolean().optional(),
});

export const featureGateSchema = z.strictObject({
  name: z.string().regex(/^[A-Z][A-Za-z0-9]+$/, 'must be a PascalCase feature gate name'),
  defaults: z
    .strictObject({ '1.24': gateDefault.optional(), '1.25': gateDefault.optional() })
    .refine((d) => d['1.24'] !== undefined || d['1.25'] !== undefined, {
      message: 'needs the default for at least one release',
    }),
});

export const linkSchema = z.strictObject({
  kind: z.enum(LINK_KINDS),
  label: z.string().trim().min(2),
  url: z.url({ protocol: /^https$/, error: 'must be an https URL' }),
});

export const changeSchema = z
  .strictObject({
    id: slug,
    release: z.enum(RELEASES),
    title: z.string().trim().min(5).max(120),
    kep: z.number().int().positive().optional(),
    /** Other KEPs this entry covers (a framework KEP, a process KEP delivered by this one). */
    relatedKeps: z.array(z.number().int().positive()).default([]),
    sig: z.string().regex(/^sig-[a-z-]+$/, 'must look like sig-node'),
    participatingSigs: z.array(z.string().regex(/^sig-[a-z-]+$/)).optional(),
    stage: z.enum(STAGES).optional(),
    kind: z.enum(KINDS),
    severity: z.enum(SEVERITIES),
    featureGates: z.array(featureGateSchema).default([]),
    summary: prose(40),
    whoIsAffected: prose(20),
    action: z
      .strictObject({ before: prose(10).optional(), after: prose(10).optional() })
      .refine((a) => a.before !== undefined || a.after !== undefined, {
        message: 'needs "before" or "after"',
      }),
    links: z.array(linkSchema).min(1, 'needs at least one link to its source'),
    detectedBy: z.array(slug).default([]),
    notObservable: prose(20).optional(),
    sourceNote: prose(20).optional(),
    tags: z.array(z.string().min(2)).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.detectedBy.length === 0 && c.notObservable === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['notObservable'],
        message: 'a change with no detecting rule must say why it cannot be observed from the API',
      });
    }
    if (c.detectedBy.length > 0 && c.notObservable !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['notObservable'],
        message: 'a change is either detected by rules or not observable, not both',
      });
    }
    if (c.stage === undefined && (c.kind === 'enhancement' || c.kep !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['stage'], message: 'an enhancement or KEP needs the stage it reached' });
    }
    if (c.kep !== undefined && !c.links.some((l) => l.kind === 'kep')) {
      ctx.addIssue({ code: 'custom', path: ['links'], message: 'a change with a KEP number needs a kep link' });
    }
  });

/** A catalog entry as written in data/changes. */
export type ChangeInput = z.input<typeof changeSchema>;
/** A validated catalog entry. */
export type Change = z.output<typeof changeSchema>;
export type FeatureGate = z.output<typeof featureGateSchema>;
export type Link = z.output<typeof linkSchema>;

const count = z.number().int().nonnegative();

export const releaseSchema = z.strictObject({
  version: z.enum(RELEASES),
  name: z.string().min(2),
  date: z.iso.date(),
  announcement: z.url({ protocol: /^https$/ }),
  official: z.strictObject({
    total: count,
    stable: count,
    beta: count,
    alpha: count,
    deprecated: count.optional(),
    removed: count.optional(),
    deprecatedOrRemoved: count.optional(),
  }),
  countNote: prose(40),
  /** KEP (or enhancement issue) numbers the release announcement links; the catalog must hold each one. */
  announcedKeps: z.array(z.number().int().positive()).min(1),
});
export type ReleaseInfo = z.output<typeof releaseSchema>;

export const removedApiSchema = z.strictObject({
  group: z.string(),
  version: z.string().regex(/^v\d+((alpha|beta)\d+)?$/),
  kind: z.string().regex(/^[A-Z][A-Za-z]+$/),
  resource: z.string().regex(/^[a-z]+$/, 'must be the plural lower-case resource name'),
  removedIn: z.enum(API_RELEASES),
  deprecatedIn: z
    .string()
    .regex(/^1\.\d+$/)
    .optional(),
  replacement: z.string().nullable(),
  replacementSince: z
    .string()
    .regex(/^1\.\d+$/)
    .optional(),
  migration: prose(10),
  changeId: slug,
  lookAhead: z.boolean().default(false),
  links: z.array(linkSchema).min(1),
});
export type RemovedApi = z.output<typeof removedApiSchema>;
