import { SnapshotBuilder } from '../../snapshot/builder';
import { offlineCoverage } from './coverage';
import type { OfflineFacts } from './coverage';
import { readDocuments } from './documents';
import type { OfflineDocument } from './documents';
import { empty, OfflineSnapshotError, tooLarge } from './errors';
import type { SnapshotInfo } from './info';
import { resourceKeyFor, resourceKeyForList } from './resource-key';
import type { ObjectResourceKey } from '../../model/resources';
import type { ResourceKey } from '../../model/resources';
import type { ServerVersion, Snapshot } from '../../model/snapshot';
import type { SnapshotSource } from '../../model/sources';

export { OfflineSnapshotError } from './errors';
export type { OfflineSnapshotErrorKind } from './errors';
export { SNAPSHOT_COMMANDS, commandFor, snapshotCommandsFor } from './commands';
export type { SnapshotCommand } from '../../model/scan';
export { resourceKeyFor } from './resource-key';
export { SNAPSHOT_INFO_KIND } from './info';

/** One uploaded file: its name (for messages) and its text. */
export interface OfflineFile {
  name: string;
  text: string;
}

export interface OfflineOptions {
  /** Defaults to `{kind: 'snapshot', label: <file names>}`. */
  source?: SnapshotSource;
  /** Defaults to the info document's collectedAt, else now. */
  collectedAt?: Date;
  /** Total size limit over all files, in bytes (UTF-8). */
  maxBytes?: number;
}

/** Objects of kinds the checks do not read, counted by kind, so the UI can say what was left out. */
export interface IgnoredKind {
  kind: string;
  count: number;
}

export type OfflineResult =
  { ok: true; snapshot: Snapshot; ignored: IgnoredKind[] } | { ok: false; errors: OfflineSnapshotError[] };

/** 200 MiB: a large cluster's full snapshot is well under this; beyond it, scan live (it pages). */
export const MAX_OFFLINE_SNAPSHOT_BYTES = 200 * 1024 * 1024;

function readAll(
  files: readonly OfflineFile[],
  maxBytes: number,
): { docs: OfflineDocument[]; errors: OfflineSnapshotError[] } {
  const docs: OfflineDocument[] = [];
  const errors: OfflineSnapshotError[] = [];
  let total = 0;
  for (const f of files) {
    const bytes = Buffer.byteLength(f.text, 'utf8');
    total += bytes;
    if (bytes > maxBytes) {
      errors.push(tooLarge(f.name, bytes, maxBytes));
      continue;
    }
    // Stop parsing once the set is over the limit: the answer is already "too large".
    if (total > maxBytes) break;
    try {
      docs.push(...readDocuments(f.name, f.text));
    } catch (e) {
      if (e instanceof OfflineSnapshotError) errors.push(e);
      else throw e;
    }
  }
  if (errors.length === 0 && total > maxBytes) {
    const all = files.reduce((n, f) => n + Buffer.byteLength(f.text, 'utf8'), 0);
    errors.push(tooLarge(undefined, all, maxBytes));
  }
  return { docs, errors };
}

/**
 * Parses the output of `kubectl get <kinds> -A -o json --show-managed-fields` (one or several files, plus the
 * optional version, api-versions and /metrics outputs or a ReleaseLensSnapshotInfo document) into a Snapshot.
 * Coverage is `ok` for every resource with at least one object or whose typed list appeared, and `not-provided`,
 * naming the kubectl command to add, for the rest. The server version is never guessed from the kubelets.
 */
export function parseOfflineSnapshot(files: readonly OfflineFile[], options: OfflineOptions = {}): OfflineResult {
  if (files.length === 0) return { ok: false, errors: [empty(undefined)] };
  const { docs, errors } = readAll(files, options.maxBytes ?? MAX_OFFLINE_SNAPSHOT_BYTES);
  if (errors.length > 0) return { ok: false, errors };

  const info: SnapshotInfo = {};
  for (const d of docs) if (d.type === 'info') Object.assign(info, d.info);
  const collectedAt = options.collectedAt ?? (info.collectedAt ? new Date(info.collectedAt) : new Date());
  const source = options.source ?? { kind: 'snapshot', label: info.label ?? files.map((f) => f.name).join(', ') };
  const builder = new SnapshotBuilder(source, collectedAt);
  const seen = new Set<ResourceKey>(info.resources ?? []);
  const ignored = new Map<string, number>();
  let objects = 0;

  for (const d of docs) {
    if (d.type === 'version') builder.setServerVersion(d.serverVersion);
    else if (d.type === 'discovery') builder.setServedGroupVersions(d.groupVersions);
    else if (d.type === 'metrics') builder.setDeprecatedApiRequests(d.requests);
    else if (d.type === 'objects') {
      const listKey = d.listKind === undefined ? undefined : resourceKeyForList(d.apiVersion, d.listKind);
      if (listKey) seen.add(listKey);
      objects += d.items.length;
      for (const item of d.items) {
        const key = routeOf(item, d.apiVersion, d.listKind);
        if (key) {
          builder.addItems(key, [item]);
          seen.add(key);
        } else {
          const kind = kindOf(item, d.listKind);
          ignored.set(kind, (ignored.get(kind) ?? 0) + 1);
        }
      }
    }
  }
  if (info.serverVersion) builder.setServerVersion(info.serverVersion);
  if (info.servedGroupVersions) builder.setServedGroupVersions(info.servedGroupVersions);
  if (info.deprecatedApiRequests) builder.setDeprecatedApiRequests(info.deprecatedApiRequests);

  if (objects === 0 && docs.every((d) => d.type === 'objects')) return { ok: false, errors: [empty(undefined)] };

  const serverVersion = info.serverVersion ?? findVersion(docs);
  const minor = Number(/^\d+/.exec(serverVersion?.minor ?? '')?.[0] ?? NaN);
  const facts: OfflineFacts = {
    seen,
    ...(Number.isNaN(minor) ? {} : { serverMinor: minor }),
    version: serverVersion !== undefined,
    discovery: info.servedGroupVersions !== undefined || docs.some((d) => d.type === 'discovery'),
    metrics: info.deprecatedApiRequests !== undefined || docs.some((d) => d.type === 'metrics'),
  };
  for (const entry of offlineCoverage(facts)) builder.recordCoverage(entry);
  return {
    ok: true,
    snapshot: builder.build(),
    ignored: [...ignored].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count),
  };
}

function findVersion(docs: readonly OfflineDocument[]): ServerVersion | undefined {
  for (const d of docs) if (d.type === 'version') return d.serverVersion;
  return undefined;
}

function routeOf(item: unknown, listApiVersion: string, listKind: string | undefined): ObjectResourceKey | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const o = item as Record<string, unknown>;
  // Items of a typed list (PodList) may omit their type; they take it from the list.
  const kind = typeof o.kind === 'string' ? o.kind : listKind?.replace(/List$/, '');
  const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : listApiVersion;
  return kind === undefined ? undefined : resourceKeyFor(apiVersion, kind, item);
}

function kindOf(item: unknown, listKind: string | undefined): string {
  const kind = typeof item === 'object' && item !== null && 'kind' in item ? item.kind : undefined;
  return typeof kind === 'string' ? kind : (listKind?.replace(/List$/, '') ?? 'unknown');
}
