import 'server-only';
import type { ClusterConnection } from '../connect';
import { getWithRetry, type RetryPolicy } from '../http/retry';
import { listPages, METADATA_LIST_ACCEPT, type ListResult } from './list-pages';
import { runPool } from './pool';

/**
 * A collection the API server counts above this is read namespace by namespace, several lists at a time, instead of
 * as one chain of pages: the server answers lists side by side while each one is parsed here. Below it, one chain
 * is as fast and makes fewer requests.
 */
export const LANE_THRESHOLD = 5_000;

interface Call {
  signal?: AbortSignal;
  retry?: RetryPolicy;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * How many objects a collection holds, by the API server's own count: a one-item metadata page and its
 * `remainingItemCount`. Undefined when the server does not say (a selector, an old server) or does not answer 200;
 * the list itself then reports what is wrong.
 */
export async function countOf(conn: ClusterConnection, path: string, call: Call): Promise<number | undefined> {
  const res = await getWithRetry(
    conn,
    `${path}?limit=1`,
    { accept: METADATA_LIST_ACCEPT, ...(call.signal ? { signal: call.signal } : {}) },
    call.retry,
  );
  if (res.status !== 200) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    return undefined;
  }
  const meta = isRecord(parsed) ? parsed.metadata : undefined;
  const items = isRecord(parsed) && Array.isArray(parsed.items) ? parsed.items.length : 0;
  const remaining = isRecord(meta) ? meta.remainingItemCount : undefined;
  return typeof remaining === 'number' && Number.isFinite(remaining) ? items + remaining : undefined;
}

/** Every namespace's name, from a metadata-only list. */
export async function namespaceNames(conn: ClusterConnection, pageSize: number, call: Call): Promise<string[]> {
  const names: string[] = [];
  await listPages(
    conn,
    {
      path: '/api/v1/namespaces',
      pageSize,
      metadataOnly: true,
      apiVersion: 'v1',
      kind: 'Namespace',
      ...(call.signal ? { signal: call.signal } : {}),
      ...(call.retry ? { retry: call.retry } : {}),
    },
    (items) => {
      for (const item of items) {
        const meta = item.metadata;
        if (isRecord(meta) && typeof meta.name === 'string') names.push(meta.name);
      }
    },
  );
  return names;
}

export interface LanesResult extends ListResult {
  namespaces: number;
  /** From the first list started to the last one done: the window the lists together span. */
  ms: number;
  /** How many answers were 429, the API server asking to slow down. */
  throttled: number;
  /** Lists at a time at the end: halved at each 429, never below one. */
  lanes: number;
}

/**
 * Reads a collection namespace by namespace, `lanes` lists at a time, then reads the namespaces created meanwhile
 * (listed again at the end), so none is missed. Each namespace is one consistent list; together they span `ms`.
 * A list that is told to slow down (`throttled`, on a 429 from the API server's priority and fairness) halves the
 * lists at a time for the rest of the read: lanes above the new count stop after their current namespace.
 */
export async function readInLanes(
  names: () => Promise<string[]>,
  lanes: number,
  listIn: (namespace: string, throttled: () => void) => Promise<ListResult>,
): Promise<LanesResult> {
  const started = performance.now();
  const total: LanesResult = {
    count: 0,
    pages: 0,
    restarted: false,
    namespaces: 0,
    ms: 0,
    throttled: 0,
    lanes: Math.max(1, lanes),
  };
  const throttled = () => {
    total.throttled += 1;
    total.lanes = Math.max(1, Math.floor(total.lanes / 2));
  };
  const read = new Set<string>();
  const run = (list: readonly string[]) =>
    runPool(
      list,
      () => total.lanes,
      async (ns) => {
        read.add(ns);
        const r = await listIn(ns, throttled);
        total.count += r.count;
        total.pages += r.pages;
        total.restarted ||= r.restarted;
      },
    );
  await run(await names());
  await run((await names()).filter((ns) => !read.has(ns)));
  total.namespaces = read.size;
  total.ms = Math.round(performance.now() - started);
  return total;
}
