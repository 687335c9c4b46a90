'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { windowEvents } from './window-events';

/** The fleet token lives in this tab only (session storage), never in the URL or a cookie. */
const KEY = 'release-lens:fleet-token';
const EVENT = 'release-lens:fleet-token-changed';
const subscribe = windowEvents(EVENT, 'storage');

function readToken(): string {
  try {
    return window.sessionStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

/** The fleet token of this tab, and a setter ('' forgets it). */
export function useFleetToken(): [string, (token: string) => void] {
  const token = useSyncExternalStore(subscribe, readToken, () => '');
  const set = useCallback((next: string) => {
    try {
      if (next) window.sessionStorage.setItem(KEY, next);
      else window.sessionStorage.removeItem(KEY);
    } catch {
      // Storage refused (private mode): the token lasts until the page is left.
    }
    window.dispatchEvent(new Event(EVENT));
  }, []);
  return [token, set];
}
