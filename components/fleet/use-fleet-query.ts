'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { windowEvents } from '@/lib/query/window-events';
import { fleetQueryParams, parseFleetQuery, type FleetQuery } from '@/lib/fleet/query';

const CHANGED = 'release-lens:fleet-query';
const subscribe = windowEvents(CHANGED, 'popstate');

/** A link to a fleet query on this page. */
export function fleetHref(query: FleetQuery): string {
  const search = fleetQueryParams(query).toString();
  return search ? `?${search}` : '?';
}

/**
 * The fleet view's filters, kept in the URL so a filtered fleet is a link. Opening a cluster pushes a history
 * entry (Back closes it); typing and ticking replace the current one.
 */
export function useFleetQuery(): [FleetQuery, (next: FleetQuery, push?: boolean) => void] {
  const search = useSyncExternalStore(
    subscribe,
    () => window.location.search,
    () => '',
  );
  const query = useMemo(() => parseFleetQuery(new URLSearchParams(search)), [search]);
  const update = useCallback((next: FleetQuery, push = false) => {
    const s = fleetQueryParams(next).toString();
    const url = `${window.location.pathname}${s ? `?${s}` : ''}`;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(window.history.state, '', url);
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [query, update];
}
