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

/** GET on /api/fleet with the fleet token; a refusal or failure is a FleetError. No React Query: the overview uses it. */
export async function getFleet(query: string, token: string, signal?: AbortSignal): Promise<Response> {
  const response = await fetch(`/api/fleet${query ? `?${query}` : ''}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(signal ? { signal } : {}),
  });
  if (response.ok) return response;
  const body = (await response.json().catch(() => undefined)) as { error?: AppErrorData } | undefined;
  throw new FleetError(
    response.status,
    body?.error ?? { kind: 'internal', message: `The server answered ${response.status}.` },
  );
}

/** The fleet view judged for `target` (each cluster's own when absent). */
export async function fetchFleet(token: string, target?: Target, signal?: AbortSignal): Promise<FleetOverview> {
  return (await (await getFleet(target ? `target=${target}` : '', token, signal)).json()) as FleetOverview;
}
