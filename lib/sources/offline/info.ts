import { z } from 'zod';
import { RESOURCE_KEYS } from '../../model/resources';
import type { ResourceKey } from '../../model/resources';
import type { ServerVersion, DeprecatedApiRequest } from '../../model/snapshot';

/** The kind of our own optional document that adds server facts to an offline snapshot. */
export const SNAPSHOT_INFO_KIND = 'ReleaseLensSnapshotInfo';

const serverVersionSchema = z.object({
  gitVersion: z.string().min(1).max(100),
  major: z.string().max(20),
  minor: z.string().max(20),
  platform: z.string().max(100).optional(),
});

/**
 * `{"kind": "ReleaseLensSnapshotInfo", ...}`: facts kubectl get cannot produce. `resources` declares kinds that
 * were collected even if the cluster has none of them, so they count as read rather than not provided.
 */
export const snapshotInfoSchema = z.object({
  kind: z.literal(SNAPSHOT_INFO_KIND),
  apiVersion: z.string().optional(),
  label: z.string().max(200).optional(),
  collectedAt: z.iso.datetime({ offset: true }).optional(),
  serverVersion: serverVersionSchema.optional(),
  servedGroupVersions: z.array(z.string().max(200)).max(2000).optional(),
  deprecatedApiRequests: z
    .array(
      z.object({
        group: z.string(),
        version: z.string(),
        resource: z.string(),
        subresource: z.string().optional(),
        removedRelease: z.string(),
      }),
    )
    .max(1000)
    .optional(),
  resources: z.array(z.enum(RESOURCE_KEYS)).optional(),
});

export interface SnapshotInfo {
  label?: string;
  collectedAt?: string;
  serverVersion?: ServerVersion;
  servedGroupVersions?: string[];
  deprecatedApiRequests?: DeprecatedApiRequest[];
  resources?: ResourceKey[];
}

/** Validates an info document; the zod issue, as text, when it is malformed. */
export function readSnapshotInfo(v: unknown): { ok: true; info: SnapshotInfo } | { ok: false; message: string } {
  const parsed = snapshotInfoSchema.safeParse(v);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `field ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}` };
  }
  const { kind: _kind, apiVersion: _apiVersion, ...info } = parsed.data;
  return { ok: true, info };
}

/** The server version from `kubectl version -o json` output ({clientVersion, serverVersion}), if that is what v is. */
export function readKubectlVersion(v: unknown): ServerVersion | undefined {
  if (typeof v !== 'object' || v === null || !('serverVersion' in v) || 'kind' in v) return undefined;
  const parsed = serverVersionSchema.safeParse(v.serverVersion);
  if (!parsed.success) return undefined;
  const { gitVersion, major, minor, platform } = parsed.data;
  return { gitVersion, major, minor, ...(platform === undefined ? {} : { platform }) };
}
