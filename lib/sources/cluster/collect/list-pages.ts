import 'server-only';
import type { ClusterConnection } from '../connect';
import { getWithRetry, type RetryPolicy } from '../http/retry';
import { HttpStatusError, statusMessage } from './http-status';

/** Accept header for metadata-only lists: no spec, no data, same API version (so the same deprecation accounting). */
export const METADATA_LIST_ACCEPT = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';

export interface ListRequest {
  /** Collection path, e.g. /apis/apps/v1/namespaces/x/deployments. */
  path: string;
  pageSize: number;
  labelSelector?: string;
  fieldSelector?: string;
  metadataOnly: boolean;
  /** Stamped on items that lack them (typed lists omit apiVersion/kind; metadata lists say PartialObjectMetadata). */
  apiVersion: string;
  kind: string;
  /** Extra fields stamped on every item, e.g. a Secret type implied by the field selector. */
  stamp?: Record<string, string>;
  signal?: AbortSignal;
  retry?: RetryPolicy;
  /** An item over a read budget, not parsed. */
  onSkipped?: (reason: string) => void;
  /** Awaited after each page: lets the consumer catch up (Helm records decoding elsewhere) before the next. */
  afterPage?: () => Promise<void>;
}

export interface ListResult {
  count: number;
  pages: number;
  /** Set when the continue token expired (410) and the list was restarted once. */
  restarted: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function uidOf(item: Record<string, unknown>): string | undefined {
  const meta = item.metadata;
  return isRecord(meta) && typeof meta.uid === 'string' ? meta.uid : undefined;
}

function pageUrl(req: ListRequest, token: string | undefined): string {
  const q = new URLSearchParams({ limit: String(req.pageSize) });
  if (req.labelSelector) q.set('labelSelector', req.labelSelector);
  if (req.fieldSelector) q.set('fieldSelector', req.fieldSelector);
  if (token) q.set('continue', token);
  return `${req.path}?${q.toString()}`;
}

/** Items are handed over in batches of this many, so a page never exists whole. */
const BATCH = 100;

/**
 * Paginated LIST: each page is parsed as it arrives (lib/parsing/json-items.ts) and its items handed to `onPage` in
 * small batches, keeping nothing but their uids, so memory stays flat whatever the page size. A 410 Gone on a
 * continue token restarts the list once, skipping items already handed over (a retried page too).
 */
export async function listPages(
  conn: ClusterConnection,
  req: ListRequest,
  onPage: (items: Record<string, unknown>[]) => void,
): Promise<ListResult> {
  const seen = new Set<string>();
  const result: ListResult = { count: 0, pages: 0, restarted: false };
  let batch: Record<string, unknown>[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    result.count += batch.length;
    onPage(batch);
    batch = [];
  };
  const onItem = (item: unknown) => {
    if (!isRecord(item)) return;
    const uid = uidOf(item);
    if (uid !== undefined) {
      if (seen.has(uid)) return;
      seen.add(uid);
    }
    if (req.metadataOnly || item.apiVersion === undefined) {
      item.apiVersion = req.apiVersion;
      item.kind = req.kind;
    }
    if (req.stamp) Object.assign(item, req.stamp);
    batch.push(item);
    if (batch.length >= BATCH) flush();
  };
  const items = { onItem, onSkipped: (reason: string) => req.onSkipped?.(reason) };
  let token: string | undefined;
  for (;;) {
    const accept = req.metadataOnly ? METADATA_LIST_ACCEPT : 'application/json';
    const response = await getWithRetry(conn, pageUrl(req, token), { accept, signal: req.signal, items }, req.retry);
    flush();
    if (response.status === 410 && token !== undefined) {
      if (result.restarted)
        throw new HttpStatusError(410, `The list expired twice while paging: ${statusMessage(response)}`);
      result.restarted = true;
      token = undefined;
      continue;
    }
    if (response.status < 200 || response.status > 299) {
      throw new HttpStatusError(response.status, statusMessage(response));
    }
    result.pages += 1;
    await req.afterPage?.();
    const meta = response.fields?.metadata;
    token = isRecord(meta) && typeof meta.continue === 'string' && meta.continue !== '' ? meta.continue : undefined;
    if (token === undefined) return result;
  }
}
