import { z } from 'zod';
import { TARGETS } from '../rules/types';

/** A scan request sent as JSON (every source except offline snapshot files, which come as a multipart form). */
export const scanRequestSchema = z.object({
  target: z.enum(TARGETS).default('1.25'),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('demo') }),
    z.object({ kind: z.literal('kubeconfig'), context: z.string().min(1).max(253).optional() }),
    z.object({
      kind: z.literal('upload'),
      kubeconfig: z.string().min(1, 'paste a kubeconfig'),
      context: z.string().min(1).max(253).optional(),
    }),
    z.object({ kind: z.literal('in-cluster') }),
  ]),
});
export type ScanRequest = z.output<typeof scanRequestSchema>;

/** One line of the NDJSON stream a scan answers with. */
export type ScanEvent =
  | {
      type: 'progress';
      phase: string;
      resource?: string;
      itemsSoFar: number;
      resourcesDone: number;
      resourcesTotal: number;
    }
  | { type: 'report'; report: unknown; changes: unknown }
  | { type: 'error'; error: { kind: string; message: string; field?: string } };
