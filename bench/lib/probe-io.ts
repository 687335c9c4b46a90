import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * What the scan-scale parent hands its child probes (as a 0600 JSON file, so the token never shows up in `ps`), and
 * what each probe prints back as its last stdout line. Both sides validate, so a broken child fails loudly.
 */

/**
 * One LIST the scan made: the first page's path and query (limit, selectors) and its Accept header. `single` marks
 * a one-item count probe (lanes.ts): one request, not a chain of pages.
 */
export const listCallSchema = z.object({
  path: z.string().startsWith('/'),
  accept: z.string(),
  single: z.boolean().optional(),
});
export type ListCall = z.output<typeof listCallSchema>;

export const probeInputSchema = z.object({
  server: z.string().url(),
  caPem: z.string().min(1),
  token: z.string().min(1),
  kubeconfigPath: z.string().min(1),
  context: z.string().min(1),
  pageSize: z.number().int().positive(),
  concurrency: z.number().int().positive(),
  dataDir: z.string().min(1),
  /** The LISTs a scan makes, in the order it starts them (the floor replays these). */
  plan: z.array(listCallSchema).default([]),
  requestTimeoutMs: z.number().int().positive(),
});
export type ProbeInput = z.output<typeof probeInputSchema>;

const memory = { wallMs: z.number(), maxRssBytes: z.number(), heapUsedBytes: z.number() };

export const scanOutputSchema = z.object({
  mode: z.literal('scan'),
  ...memory,
  collectMs: z.number(),
  evaluateMs: z.number(),
  objects: z.number(),
  pods: z.number(),
  workloads: z.number(),
  distinctSpecs: z.number(),
  findings: z.number(),
  /** findingsKey of the report's findings: what every other scan of the round must find too. */
  findingsKey: z.string(),
  /** Resources whose coverage is not 'ok' (a benchmark must not time a half-read cluster). */
  problems: z.array(z.string()),
  plan: z.array(listCallSchema),
});
export type ScanOutput = z.output<typeof scanOutputSchema>;

export const floorOutputSchema = z.object({
  mode: z.literal('floor'),
  ...memory,
  objects: z.number(),
  pages: z.number(),
  bodyBytes: z.number(),
});
export type FloorOutput = z.output<typeof floorOutputSchema>;

/**
 * The findings of a report as one comparable string: each finding's stable id (rule, change and object) with its
 * severity and confidence, sorted, hashed. Two scans that found the same things on the same objects share it.
 */
export function findingsKey(findings: readonly { id: string; severity: string; confidence: string }[]): string {
  const lines = findings.map((f) => `${f.id} ${f.severity} ${f.confidence}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** Reads and validates the input file named on the command line. */
export function readProbeInput(file: string | undefined): ProbeInput {
  if (!file) throw new Error('usage: <probe> <input.json>');
  return probeInputSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Peak RSS of this process so far (resourceUsage reports kilobytes) and live heap after a full GC when exposed. */
export function memoryFigures(): { maxRssBytes: number; heapUsedBytes: number } {
  globalThis.gc?.();
  return { maxRssBytes: process.resourceUsage().maxRSS * 1024, heapUsedBytes: process.memoryUsage().heapUsed };
}

/** Prints the result as the last stdout line, for the parent to parse. */
export function emit(result: ScanOutput | FloorOutput): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
