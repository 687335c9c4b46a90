'use client';

import { useQuery } from '@tanstack/react-query';
import type { AppErrorData } from '../model/errors';
import type { FleetOverview } from '../model/fleet';
import type { Target } from '../model/releases';

/** A failed answer of /api/fleet, with the server's sentence. */
export class FleetError extends Error {
  constructor(
    readonly status: number,
    readonly data: AppErrorData,
  ) {
    super(data.message);
  }
}

async function get(path: string, token: string): Promise<Response> {
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (response.ok) return response;
  const body = (await response.json().catch(() => undefined)) as { error?: AppErrorData } | undefined;
  throw new FleetError(
    response.status,
    body?.error ?? { kind: 'internal', message: `The server answered ${response.status}.` },
  );
}

/** The fleet view (all clusters: the page filters them itself), judged for `target`, refreshed every minute. */
export function useFleet(token: string, target?: Target) {
  const path = target ? `/api/fleet?target=${target}` : '/api/fleet';
  return useQuery<FleetOverview, FleetError>({
    queryKey: ['fleet', token, target ?? ''],
    queryFn: async () => (await (await get(path, token)).json()) as FleetOverview,
    refetchInterval: 60_000,
    retry: false,
  });
}

/** Downloads an export of the fleet (the API needs the token, so a plain link cannot). */
export async function downloadFleet(format: 'csv' | 'md' | 'json', params: URLSearchParams, token: string) {
  const query = new URLSearchParams(params);
  query.set('format', format);
  const response = await get(`/api/fleet?${query.toString()}`, token);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `fleet.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
