import 'server-only';
import { fixed, join, slot, t, type Text } from '../../../model/text';
import type { CoverageEntry } from '../../../model/snapshot';
import type { ClusterConnection } from '../connect';
import { getWithRetry, type RetryPolicy } from '../http/retry';
import { TransportError } from '../http/transport-error';
import type { Discovery } from './discovery';
import { failureCoverage, HttpStatusError } from './http-status';
import { countOf, namespaceNames, readInLanes, type LanesResult } from './lanes';
import { listPages, type ListResult } from './list-pages';
import { readsManagedFields, type ResourceSpec } from '../../../model/resources';
import { selectVersions, type VersionCandidate } from './select-version';
import { fieldsRead } from '../../../snapshot/project-item';

/** What collecting one resource needs; `addItems` goes to the SnapshotBuilder. */
export interface ResourceContext {
  conn: ClusterConnection;
  discovery: Discovery;
  pageSize: number;
  /** Namespaces to read one by one when a cluster-wide list is forbidden (the context's namespace). */
  fallbackNamespaces: readonly string[];
  /** Namespaces the user narrowed the scan to (--namespace): namespaced resources are read in these only. */
  onlyNamespaces?: readonly string[];
  addItems: (spec: ResourceSpec, items: readonly unknown[]) => void;
  /** An object over a read budget, not read. */
  skipped: (spec: ResourceSpec, reason: string) => void;
  /** Awaited before reading through a version (a deprecated one waits until /metrics is read). */
  beforeRead?: (c: VersionCandidate) => Promise<void>;
  /** Awaited after each page of Helm records (the builder lets pending decodes catch up). */
  afterPage?: () => Promise<void>;
  /** Whether kinds that can be are asked for as protobuf (RELEASE_LENS_PROTOBUF). */
  protobuf: boolean;
  /** How many namespaces a large collection is read in at once, and above how many objects it is (lanes.ts). */
  lanes: number;
  laneThreshold: number;
  signal?: AbortSignal;
  retry?: RetryPolicy;
}

const SA_TOKEN_TYPE = 'kubernetes.io/service-account-token';

const prefix = (gv: string) => (gv.includes('/') ? `/apis/${gv}` : `/api/${gv}`);
const enc = encodeURIComponent;

/** The collection path of a resource through a group/version, optionally in one namespace. */
export function collectionPath(spec: ResourceSpec, gv: string, namespace?: string): string {
  return `${prefix(gv)}${namespace ? `/namespaces/${enc(namespace)}` : ''}/${spec.resource}`;
}

function list(
  ctx: ResourceContext,
  spec: ResourceSpec,
  c: VersionCandidate,
  namespace?: string,
  seen?: Set<string>,
  onThrottled?: () => void,
): Promise<ListResult> {
  const reads = fieldsRead(spec);
  return listPages(
    ctx.conn,
    {
      path: collectionPath(spec, c.groupVersion, namespace),
      pageSize: Math.min(ctx.pageSize, spec.pageSize ?? ctx.pageSize),
      labelSelector: spec.labelSelector,
      fieldSelector: spec.fieldSelector,
      metadataOnly: spec.view === 'metadata',
      // Often half of a pod's bytes; parsed only for the kinds whose projection reads them.
      dropManagedFields: !readsManagedFields(spec),
      protobuf: ctx.protobuf && spec.protobuf === true,
      ...(reads ? { reads } : {}),
      apiVersion: c.groupVersion,
      kind: spec.kind,
      // A metadata-only list has no `type`; the field selector guarantees it.
      ...(spec.key === 'serviceaccounttokens' ? { stamp: { type: SA_TOKEN_TYPE } } : {}),
      signal: ctx.signal,
      retry: ctx.retry,
      onSkipped: (reason) => ctx.skipped(spec, reason),
      // Only Helm records are decoded elsewhere and need the reader to wait; every other list reads a page ahead.
      ...(ctx.afterPage && spec.projection === 'helm-record' ? { afterPage: ctx.afterPage } : {}),
      ...(seen ? { seen } : {}),
      ...(onThrottled ? { onThrottled } : {}),
    },
    (items) => ctx.addItems(spec, items),
  );
}

/** Reads the fallback namespaces one by one after a forbidden cluster-wide read. */
async function fallback(
  ctx: ResourceContext,
  spec: ResourceSpec,
  c: VersionCandidate,
  namespaces: readonly string[] = ctx.fallbackNamespaces,
): Promise<ListResult> {
  const total: ListResult = { count: 0, pages: 0, restarted: false };
  for (const ns of namespaces) {
    if (spec.key === 'namespaces') {
      const path = `${prefix(c.groupVersion)}/namespaces/${enc(ns)}`;
      const res = await getWithRetry(ctx.conn, path, { signal: ctx.signal }, ctx.retry);
      if (res.status !== 200) throw new HttpStatusError(res.status, `reading namespace ${ns} failed too`);
      ctx.addItems(spec, [{ apiVersion: c.groupVersion, kind: spec.kind, ...(JSON.parse(res.body) as object) }]);
      total.count += 1;
      continue;
    }
    const r = await list(ctx, spec, c, ns);
    total.count += r.count;
    total.pages += r.pages;
    total.restarted ||= r.restarted;
  }
  return total;
}

function okEntry(
  spec: ResourceSpec,
  c: VersionCandidate,
  r: ListResult,
  notes: Text[],
  onlyNamespaces?: string[],
): CoverageEntry {
  if (r.restarted)
    notes.push(
      t`The continue token expired while paging (410 Gone); the list was restarted once, so it spans two moments.`,
    );
  if (c.deprecated) {
    notes.push(
      spec.deprecatedNote === undefined
        ? t`Read through deprecated ${slot('api', c.groupVersion)}: no newer version of ${slot('api', spec.kind)} is served here.`
        : fixed(spec.deprecatedNote),
    );
  }
  return {
    resource: spec.key,
    status: 'ok',
    apiVersion: c.groupVersion,
    count: r.count,
    ...(notes.length ? { message: join(notes, ' ') } : {}),
    ...(c.deprecated ? { deprecatedVersionRead: true } : {}),
    ...(onlyNamespaces ? { namespaces: onlyNamespaces } : {}),
  };
}

async function readThrough(ctx: ResourceContext, spec: ResourceSpec, c: VersionCandidate): Promise<CoverageEntry> {
  const only = ctx.onlyNamespaces;
  if (only && only.length > 0 && (spec.namespaced || spec.key === 'namespaces') && !spec.namespace) {
    const names = join(only.map((n) => slot('namespace', n)));
    return okEntry(
      spec,
      c,
      await fallback(ctx, spec, c, only),
      [t`Only namespace ${names} was read, as asked.`],
      [...only],
    );
  }
  try {
    const lanes = await inLanes(ctx, spec, c);
    if (lanes) {
      const seconds = (lanes.ms / 1000).toFixed(1);
      const note = t`Read namespace by namespace (${slot('value', String(lanes.namespaces))} namespaces, ${slot('value', String(ctx.lanes))} at a time) to go faster: each namespace is one consistent list, and together they span ${slot('value', seconds)} s.`;
      const slowed = t`The API server asked to slow down (HTTP 429) on ${slot('value', String(lanes.throttled))} of these requests: the last namespaces were read ${slot('value', String(lanes.lanes))} at a time.`;
      return okEntry(spec, c, lanes, lanes.throttled > 0 ? [note, slowed] : [note]);
    }
    return okEntry(spec, c, await list(ctx, spec, c, spec.namespace), []);
  } catch (error) {
    const canFallBack =
      (spec.namespaced || spec.key === 'namespaces') && !spec.namespace && ctx.fallbackNamespaces.length;
    if (!(error instanceof HttpStatusError && error.status === 403 && canFallBack)) throw error;
    const names = join(ctx.fallbackNamespaces.map((n) => slot('namespace', n)));
    try {
      const r = await fallback(ctx, spec, c);
      return okEntry(
        spec,
        c,
        r,
        [t`Only namespace ${names} was read; reading all namespaces is forbidden (${slot('value', error.message)}).`],
        [...ctx.fallbackNamespaces],
      );
    } catch {
      throw error;
    }
  }
}

/**
 * Reads a large namespaced collection in lanes (lanes.ts) when the API server counts it above the threshold;
 * undefined when it should be read as one chain (small, selected, cluster-scoped, or a count the server withholds).
 */
async function inLanes(
  ctx: ResourceContext,
  spec: ResourceSpec,
  c: VersionCandidate,
): Promise<LanesResult | undefined> {
  // Pods and workload controllers are the collections that grow with a cluster; the rest stay small.
  const large = spec.projection === 'pod' || spec.projection === 'workload';
  if (!large || !spec.namespaced || spec.namespace || spec.labelSelector || spec.fieldSelector || ctx.lanes < 2)
    return undefined;
  const call = { ...(ctx.signal ? { signal: ctx.signal } : {}), ...(ctx.retry ? { retry: ctx.retry } : {}) };
  // A count the server cannot give in one small answer is no reason to fail: the list itself then says what is wrong
  // (a budget, a status). Only a server that does not answer at all ends it here, so it is not waited for twice.
  const count = await countOf(ctx.conn, collectionPath(spec, c.groupVersion), call).catch((error: unknown) => {
    const silent = error instanceof TransportError && (error.failure === 'timeout' || error.failure === 'aborted');
    if (silent || ctx.signal?.aborted) throw error;
    return undefined;
  });
  if (count === undefined || count <= ctx.laneThreshold) return undefined;
  // Without the namespaces' names (a reader allowed pods but not namespaces), one chain it is.
  const first = await namespaceNames(ctx.conn, ctx.pageSize, call).catch(() => undefined);
  if (first === undefined) return undefined;
  const seen = new Set<string>();
  let asked = 0;
  return readInLanes(
    // The first call has the names already; the second looks for namespaces created meanwhile.
    async () => (asked++ === 0 ? first : namespaceNames(ctx.conn, ctx.pageSize, call)),
    ctx.lanes,
    (ns, throttled) => list(ctx, spec, c, ns, seen, throttled),
  );
}

/** Lists one resource into the builder and says how it went; never throws except when the scan is cancelled. */
export async function collectResource(spec: ResourceSpec, ctx: ResourceContext): Promise<CoverageEntry> {
  const candidates = await selectVersions(spec, ctx.discovery);
  let last: CoverageEntry | undefined;
  for (const c of candidates) {
    try {
      await ctx.beforeRead?.(c);
      return await readThrough(ctx, spec, c);
    } catch (error) {
      if (ctx.signal?.aborted) throw error;
      last = failureCoverage(spec.key, error, c.groupVersion);
      // Without discovery, a 404 means "try the next version"; anything else is the answer.
      if (!(error instanceof HttpStatusError && error.status === 404)) return last;
    }
  }
  const tried = spec.versions.map((v) => (spec.group ? `${spec.group}/${v.version}` : v.version)).join(', ');
  return (
    last ?? {
      resource: spec.key,
      status: 'not-served',
      count: 0,
      message: t`${slot('api', spec.kind)} is not served by this API server (looked for ${slot('api', tried)}).`,
    }
  );
}
