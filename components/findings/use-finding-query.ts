'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { windowEvents } from '@/lib/query/window-events';
import { FACET_PARAM, FACETS, readQuery, writeQuery, type FindingQuery } from '@/lib/report/workbench';

/** The workbench's own parameters; anything else in the URL is left alone. */
const OWN = new Set(['q', 'sort', 'view', 'group', ...FACETS.map((f) => FACET_PARAM[f])]);

/** Fired on window when the workbench rewrites the URL (replaceState fires nothing by itself). */
const CHANGED = 'release-lens:finding-query';

/** A link to a query on this page (the same on the server and in the browser, so hydration matches). */
export function hrefFor(query: FindingQuery, hash = ''): string {
  return `?${writeQuery(query).toString()}${hash}`;
}

/** The current URL with the workbench's parameters replaced by a query's. */
function urlWith(query: FindingQuery): string {
  const params = new URLSearchParams(window.location.search);
  for (const key of [...params.keys()]) if (OWN.has(key)) params.delete(key);
  for (const [k, v] of writeQuery(query)) params.append(k, v);
  const search = params.toString();
  return `${window.location.pathname}${search === '' ? '' : `?${search}`}${window.location.hash}`;
}

const subscribe = windowEvents(CHANGED, 'popstate');

/**
 * The workbench's query, kept in the URL: the server renders the defaults (so hydration matches), the browser reads
 * the address; changes are written with history.replaceState so typing does not pile up history entries.
 */
export function useFindingQuery(): [FindingQuery, (next: FindingQuery) => void] {
  const search = useSyncExternalStore(
    subscribe,
    () => window.location.search,
    () => '',
  );
  const query = useMemo(() => readQuery(new URLSearchParams(search)), [search]);
  const update = useCallback((next: FindingQuery) => {
    window.history.replaceState(window.history.state, '', urlWith(next));
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [query, update];
}
