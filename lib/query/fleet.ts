'use client';

import { useQuery } from '@tanstack/react-query';
import type { FleetOverview } from '../model/fleet';
import type { Target } from '../model/releases';
import { fetchFleet, getFleet, type FleetError } from './fleet-api';

/** The fleet view (all clusters: the page filters them itself), judged for `target`, refreshed every minute. */
export function useFleet(token: string, target?: Target) {
  return useQuery<FleetOverview, FleetError>({
    queryKey: ['fleet', token, target ?? ''],
    queryFn: () => fetchFleet(token, target),
    refetchInterval: 60_000,
    retry: false,
  });
}

/** Downloads an export of the fleet (the API needs the token, so a plain link cannot). */
export async function downloadFleet(format: 'csv' | 'md' | 'json', params: URLSearchParams, token: string) {
  const query = new URLSearchParams(params);
  query.set('format', format);
  const response = await getFleet(query.toString(), token);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `fleet.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
