'use client';

import { SeverityBadge } from '../ui/badge';
import type { FleetOverview } from '@/lib/model/fleet';

/** The changes that still affect some cluster's newest report, most clusters first; each filters the table. */
export function FleetChanges({ overview, onPick }: { overview: FleetOverview; onPick: (changeId: string) => void }) {
  if (overview.changes.length === 0) return <p>No change affects the newest report of any cluster.</p>;
  const total = overview.clusters.length;
  return (
    <ul className="space-y-2">
      {overview.changes.map((c) => (
        <li key={c.changeId} className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={c.severity} />
          <button type="button" className="text-left underline" onClick={() => onPick(c.changeId)}>
            {c.title}
          </button>
          <span className="text-sm text-slate-600 dark:text-slate-400">
            {c.clusters.length} of {total} clusters
          </span>
          <a className="text-sm" href={`/changes/${c.changeId}`}>
            about this change
          </a>
        </li>
      ))}
    </ul>
  );
}
