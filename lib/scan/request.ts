import { z } from 'zod';
import { LATEST_RELEASE, TARGETS } from '../model/releases';
import type { ScanRequest } from '../model/scan';

/** A scan request sent as JSON (every source except offline snapshot files, which come as a multipart form). */
export const scanRequestSchema = z.object({
  target: z.enum(TARGETS).default(LATEST_RELEASE),
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
}) satisfies z.ZodType<ScanRequest, unknown>;
