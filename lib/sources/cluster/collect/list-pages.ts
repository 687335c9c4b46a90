import 'server-only';
import type { ClusterConnection } from '../connect';
import { getWithRetry, type RetryPolicy } from '../http/retry';
import { expectJson, HttpStatusError, statusMessage } from './http-status';

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

/**
 * Paginated LIST: hands each page's items to `onPage` right away and keeps nothing but their uids, so memory stays
 * flat. A 410 Gone on a continue token restarts the list once, skipping items already handed over.
 */
export async function listPages(
  conn: ClusterConnection,
  req: ListRequest,
  onPage: (items: Record<string, unknown>[]) => void,
): Promise<ListResult> {
  const seen = new Set<string>();
  const result: ListResult = { count: 0, pages: 0, restarted: false };
  let token: string | undefined;
  for (;;) {
    const accept = req.metadataOnly ? METADATA_LIST_ACCEPT : 'application/json';
    const response = await getWithRetry(conn, pageUrl(req, token), { accept, signal: req.signal }, req.retry);
    if (response.status === 410 && token !== undefined) {
      if (result.restarted)
        throw new HttpStatusError(410, `The list expired twice while paging: ${statusMessage(response)}`);
      result.restarted = true;
      token = undefined;
      continue;
    }
    const body = expectJson(response);
    const raw = isRecord(body) && Array.isArray(body.items) ? body.items : [];
    const items: Record<string, unknown>[] = [];
    for (const item of raw) {
      if (!isRecord(item)) continue;
      const uid = uidOf(item);
      if (uid !== undefined) {
        if (seen.has(uid)) continue;
        seen.add(uid);
      }
      if (req.metadataOnly || item.apiVersion === undefined) {
        item.apiVersion = req.apiVersion;
        item.kind = req.kind;
      }
      if (req.stamp) Object.assign(item, req.stamp);
      items.push(item);
    }
    result.pages += 1;
    result.count += items.length;
    onPage(items);
    const meta = isRecord(body) ? body.metadata : undefined;
    token = isRecord(meta) && typeof meta.continue === 'string' && meta.continue !== '' ? meta.continue : undefined;
    if (token === undefined) return result;
  }
}
