'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { Stage } from '@/lib/model/catalog';
import type { FleetOverview } from '@/lib/model/fleet';
import { orderByFleet } from '@/lib/fleet/order';
import { useFleetToken } from '@/lib/query/fleet-token';
import { fetchFleet } from '@/lib/query/fleet-api';
import { StageBadge, Tag } from '../ui/badge';

/** What the list shows of a change. */
export interface BreakingItem {
  id: string;
  title: string;
  release: string;
  stage?: Stage;
  sig: string;
}

/** The fleet view, when this tab holds a fleet token; nothing otherwise (the list then keeps the catalog's order). */
function useFleetOverview(): FleetOverview | undefined {
  const [token] = useFleetToken();
  const [fleet, setFleet] = useState<FleetOverview>();
  useEffect(() => {
    if (!token) return;
    const abort = new AbortController();
    // Without a fleet view (a refused or stale token) the list keeps the catalog's order.
    fetchFleet(token, undefined, abort.signal).then(setFleet, () => undefined);
    return () => abort.abort();
  }, [token]);
  return token ? fleet : undefined;
}

/**
 * A compact list of breaking changes, one line each. With a fleet token in this tab it is ordered by how many
 * registered clusters each change still affects, and says how many.
 */
export function BreakingList({ changes }: { changes: BreakingItem[] }) {
  const fleet = useFleetOverview();
  const rows = fleet ? orderByFleet(changes, fleet) : changes.map((item) => ({ item, clusters: undefined }));
  return (
    <>
      {fleet ? (
        <p className="mb-2 text-sm">
          Ordered by how many of your {fleet.clusters.length} registered clusters each still affects (
          <Link href="/fleet">fleet</Link>).
        </p>
      ) : null}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {rows.map(({ item: c, clusters }) => (
          <li key={c.id} className="flex flex-wrap items-center gap-2 px-3 py-2">
            <Tag>{c.release}</Tag>
            <Link href={`/changes/${c.id}`} className="flex-1 font-medium no-underline hover:underline">
              {c.title}
            </Link>
            {clusters !== undefined ? (
              <span className="text-sm tabular-nums">
                {clusters} of {fleet?.clusters.length} clusters
              </span>
            ) : null}
            {c.stage ? <StageBadge stage={c.stage} /> : null}
            <span className="text-xs text-slate-500 dark:text-slate-400">{c.sig}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
