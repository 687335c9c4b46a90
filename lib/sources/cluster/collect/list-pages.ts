import 'server-only';
import type { ClusterConnection } from '../connect';
import { getWithRetry, type RetryPolicy } from '../http/retry';
import type { HttpResponse, Transport } from '../http/transport';
import { HttpStatusError, statusMessage } from './http-status';
import type { JsonBudgets } from '../../../parsing/json-items';
import type { FieldReads } from '../../../snapshot/project/field-reads';

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
  /** Uids already handed over, shared by the lists of one collection read namespace by namespace. */
  seen?: Set<string>;
  /** The projection never reads metadata.managedFields: each item's arrive as `[]`, unparsed. */
  dropManagedFields?: boolean;
  /** Ask for pods as protobuf (lib/sources/cluster/wire); a server that answers JSON is read as JSON. */
  protobuf?: boolean;
  /** The fields the consumer reads of each item: a protobuf answer decodes only these. Every field when absent. */
  reads?: FieldReads;
  /** Told of every 429 answer (retried as the policy says): the API server's priority and fairness asks to slow down. */
  onThrottled?: () => void;
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

/** The continue token of a page's metadata, when there is a next page. */
function continueOf(meta: unknown): string | undefined {
  return isRecord(meta) && typeof meta.continue === 'string' && meta.continue !== '' ? meta.continue : undefined;
}

/** One page request in flight; `next` is the page after it, asked for as soon as this one's token was read. */
interface InFlight {
  token: string | undefined;
  response: Promise<HttpResponse>;
  abort: AbortController;
  /** The continue token read from this page's metadata so far. */
  seenToken?: string;
  next?: InFlight;
  /** True once the pages before it are done: only then may it open the page after it (one page ahead at most). */
  current: boolean;
}

/**
 * Paginated LIST: each page is parsed as it arrives (lib/parsing/json-items.ts) and its items handed to `onPage` in
 * small batches, keeping nothing but their uids, so memory stays flat whatever the page size. The next page is
 * asked for as soon as this page's continue token is read (it precedes the items), so the API server prepares it
 * while this one is parsed: one page ahead at most, and none when `afterPage` asks to wait between pages. A 410
 * Gone on a continue token restarts the list once, skipping items already handed over (a retried page too).
 */
export async function listPages(
  conn: ClusterConnection,
  req: ListRequest,
  onPage: (items: Record<string, unknown>[]) => void,
): Promise<ListResult> {
  const seen = req.seen ?? new Set<string>();
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
  const pipelined = req.afterPage === undefined;
  // Loaded with the first list that asks for it: protobufjs and the message types stay out of every other start.
  const wire = req.protobuf && !req.metadataOnly ? await import('../wire/pod-wire') : undefined;
  const accept = req.metadataOnly ? METADATA_LIST_ACCEPT : wire ? wire.POD_LIST_ACCEPT : 'application/json';
  const protobuf = wire && {
    decoderFor: (budgets: JsonBudgets) => wire.podListDecoder({ budgets, ...(req.reads ? { reads: req.reads } : {}) }),
    statusJson: wire.statusJson,
  };
  const throttled = req.onThrottled;
  const transport: Transport = throttled
    ? {
        get: async (path, options) => {
          const res = await conn.get(path, options);
          if (res.status === 429) throttled();
          return res;
        },
      }
    : conn;
  const ahead = (page: InFlight) => {
    if (pipelined && page.current && page.next === undefined && page.seenToken !== undefined)
      page.next = open(page.seenToken);
  };
  const open = (token: string | undefined): InFlight => {
    const abort = new AbortController();
    const signal = req.signal ? AbortSignal.any([req.signal, abort.signal]) : abort.signal;
    const page: InFlight = { token, abort, current: false, response: Promise.resolve({ status: 0, body: '' }) };
    const onField = (name: string, value: unknown) => {
      if (name !== 'metadata') return;
      page.seenToken = continueOf(value);
      ahead(page);
    };
    const items = {
      onItem,
      onSkipped: (reason: string) => req.onSkipped?.(reason),
      onField,
      dropManagedFields: req.dropManagedFields === true,
      ...(protobuf ? { protobuf } : {}),
    };
    page.response = getWithRetry(transport, pageUrl(req, token), { accept, signal, items }, req.retry);
    // A page asked for ahead may fail before it is awaited (or never be, when an earlier page fails).
    page.response.catch(() => undefined);
    return page;
  };
  const drop = (page: InFlight | undefined) => page?.abort.abort();
  let page = open(undefined);
  page.current = true;
  for (;;) {
    let response: HttpResponse;
    try {
      response = await page.response;
    } catch (error) {
      drop(page.next);
      throw error;
    }
    flush();
    if (response.status === 410 && page.token !== undefined) {
      drop(page.next);
      if (result.restarted)
        throw new HttpStatusError(410, `The list expired twice while paging: ${statusMessage(response)}`);
      result.restarted = true;
      page = open(undefined);
      page.current = true;
      continue;
    }
    if (response.status < 200 || response.status > 299) {
      drop(page.next);
      throw new HttpStatusError(response.status, statusMessage(response));
    }
    result.pages += 1;
    await req.afterPage?.();
    const token = continueOf(response.fields?.metadata);
    if (token === undefined) {
      drop(page.next);
      return result;
    }
    // The page asked for ahead is the right one unless a retry of this page ended on another token.
    let next = page.next;
    if (next?.token !== token) {
      drop(next);
      next = open(token);
    }
    page = next;
    page.current = true;
    ahead(page);
  }
}
