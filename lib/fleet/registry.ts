import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { AppError } from '../errors';
import type { RegisteredCluster } from '../model/fleet';
import { LATEST_RELEASE, TARGETS } from '../model/releases';
import { formatDuration, MAX_PERIOD_MS, MIN_PERIOD_MS, parseDuration } from './period';

/** Most clusters one instance takes: the fleet view shows them all on one page. */
export const MAX_CLUSTERS = 500;

const ID = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const clusterSchema = z
  .object({
    id: z.string().regex(ID, 'must be lower-case letters, digits and dashes, 1 to 63 characters'),
    name: z.string().trim().min(1).max(200).optional(),
    target: z.enum(TARGETS).default(LATEST_RELEASE),
    kubeconfig: z.string().min(1).optional(),
    context: z.string().min(1).max(253).optional(),
    inCluster: z.boolean().optional(),
    every: z
      .string()
      .optional()
      .superRefine((v, ctx) => {
        if (v === undefined) return;
        const ms = parseDuration(v);
        if (ms === undefined) ctx.addIssue({ code: 'custom', message: 'must be a duration such as 30m, 6h or 1d' });
        else if (ms < MIN_PERIOD_MS || ms > MAX_PERIOD_MS) {
          ctx.addIssue({
            code: 'custom',
            message: `must be between ${formatDuration(MIN_PERIOD_MS)} and ${formatDuration(MAX_PERIOD_MS)}`,
          });
        }
      }),
    uploadTokenFile: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.kubeconfig !== undefined && c.inCluster === true) {
      ctx.addIssue({ code: 'custom', message: 'give kubeconfig or inCluster, not both', path: ['inCluster'] });
    }
    if (c.context !== undefined && c.kubeconfig === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a context needs a kubeconfig file', path: ['context'] });
    }
    const reachable = c.kubeconfig !== undefined || c.inCluster === true;
    if (c.every !== undefined && !reachable) {
      ctx.addIssue({ code: 'custom', message: 'a schedule needs kubeconfig or inCluster: true', path: ['every'] });
    }
    if (!reachable && c.uploadTokenFile === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'give kubeconfig or inCluster (the dashboard scans it) or uploadTokenFile (an agent uploads)',
      });
    }
  });

const fileSchema = z
  .object({ clusters: z.array(clusterSchema).max(MAX_CLUSTERS, `at most ${MAX_CLUSTERS} clusters`) })
  .strict();

/**
 * Reads the registered-clusters file (RELEASE_LENS_CLUSTERS), YAML or JSON. Relative file paths are relative to
 * the file's own directory, so a mounted ConfigMap can point at Secrets mounted beside it. Throws AppError
 * invalid-input naming the first bad field (`clusters[2].every`) or a repeated id.
 */
export function parseRegistry(text: string, file: string): RegisteredCluster[] {
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 0 });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new AppError('invalid-input', `${file} is not YAML: ${reason}`, file);
  }
  const result = fileSchema.safeParse(doc ?? { clusters: [] });
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = (issue?.path ?? [])
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
      .join('');
    throw new AppError('invalid-input', `${file}: ${where || '(root)'}: ${issue?.message ?? 'invalid'}.`, where);
  }
  const base = path.dirname(path.resolve(file));
  const seen = new Set<string>();
  return result.data.clusters.map((c, i) => {
    if (seen.has(c.id)) {
      throw new AppError('invalid-input', `${file}: clusters[${i}].id: "${c.id}" is registered twice.`, 'id');
    }
    seen.add(c.id);
    const every = c.every === undefined ? undefined : parseDuration(c.every);
    const access: RegisteredCluster['access'] =
      c.kubeconfig !== undefined
        ? {
            kind: 'kubeconfig',
            file: path.resolve(base, c.kubeconfig),
            ...(c.context === undefined ? {} : { context: c.context }),
          }
        : c.inCluster
          ? { kind: 'in-cluster' }
          : undefined;
    return {
      id: c.id,
      name: c.name ?? c.id,
      target: c.target,
      ...(access ? { access } : {}),
      ...(every === undefined ? {} : { everyMs: every }),
      ...(c.uploadTokenFile === undefined ? {} : { uploadTokenFile: path.resolve(base, c.uploadTokenFile) }),
    };
  });
}
