import 'server-only';
import type { ClusterConnection } from '../connect';
import { getWithRetry, type RetryPolicy } from '../http/retry';
import { expectJson } from './http-status';

/** What the API server serves: its group/versions, and the resources of a group/version on demand (cached). */
export interface Discovery {
  /** 'v1', 'apps/v1', ... ; empty when discovery failed. */
  servedGroupVersions: string[];
  /** Undefined when discovery failed: callers then try versions in order and fall back on 404. */
  served?: Set<string>;
  /** Resource names in one group/version, or undefined when it cannot be read. */
  resourcesOf(groupVersion: string): Promise<Set<string> | undefined>;
}

interface Ctx {
  signal?: AbortSignal;
  retry?: RetryPolicy;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const array = (v: unknown, key: string): unknown[] => (isRecord(v) && Array.isArray(v[key]) ? v[key] : []);
const strings = (list: unknown[], key: string): string[] =>
  list.flatMap((x) => (isRecord(x) && typeof x[key] === 'string' ? [x[key]] : []));

const pathOf = (gv: string): string => (gv.includes('/') ? `/apis/${gv}` : `/api/${gv}`);

/** GET /api and /apis (throws on failure; the caller records coverage). */
export async function readDiscovery(conn: ClusterConnection, ctx: Ctx = {}): Promise<Discovery> {
  const get = async (path: string) => expectJson(await getWithRetry(conn, path, { signal: ctx.signal }, ctx.retry));
  const core = await get('/api');
  const groups = await get('/apis');
  const coreVersions = array(core, 'versions').filter((v): v is string => typeof v === 'string');
  const groupVersions = array(groups, 'groups').flatMap((g) => strings(array(g, 'versions'), 'groupVersion'));
  const servedGroupVersions = [...coreVersions, ...groupVersions];
  return withResources(conn, servedGroupVersions, new Set(servedGroupVersions), ctx);
}

/** A Discovery for when /api or /apis could not be read: nothing is known to be served. */
export function unknownDiscovery(conn: ClusterConnection, ctx: Ctx = {}): Discovery {
  return withResources(conn, [], undefined, ctx);
}

function withResources(conn: ClusterConnection, gvs: string[], served: Set<string> | undefined, ctx: Ctx): Discovery {
  const cache = new Map<string, Promise<Set<string> | undefined>>();
  const load = async (gv: string): Promise<Set<string> | undefined> => {
    try {
      const body = expectJson(await getWithRetry(conn, pathOf(gv), { signal: ctx.signal }, ctx.retry));
      return new Set(strings(array(body, 'resources'), 'name'));
    } catch {
      return undefined;
    }
  };
  return {
    servedGroupVersions: gvs,
    ...(served ? { served } : {}),
    resourcesOf(gv) {
      if (served && !served.has(gv)) return Promise.resolve(new Set());
      let pending = cache.get(gv);
      if (!pending) {
        pending = load(gv);
        cache.set(gv, pending);
      }
      return pending;
    },
  };
}
