'use client';

import type { FleetClusterRow } from '@/lib/model/fleet';
import { ageText } from '@/lib/fleet/labels';
import { formatDuration } from '@/lib/fleet/period';
import { FleetTrend } from './fleet-trend';
import { VerdictBadge } from './verdict-badge';

const cell = 'px-2 py-2 align-top';

function RunState({ row }: { row: FleetClusterRow }) {
  const run = row.lastRun;
  if (!run)
    return (
      <span className="text-slate-600 dark:text-slate-400">{row.modes.includes('agent') ? 'agent uploads' : '–'}</span>
    );
  return (
    <span title={run.error}>
      {run.state}
      {run.state === 'failed' && run.error ? (
        <span className="block text-xs text-red-700 dark:text-red-300">{run.error}</span>
      ) : null}
    </span>
  );
}

/** Clusters × readiness: one row per cluster; its name opens its detail (trend, reports, last run). */
export function FleetTable({ rows, onOpen }: { rows: FleetClusterRow[]; onOpen: (id: string) => void }) {
  if (rows.length === 0) return <p>No cluster matches these filters.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Registered clusters and their readiness for the upgrade</caption>
        <thead className="border-b border-slate-200 dark:border-slate-800">
          <tr>
            <th className={cell}>Cluster</th>
            <th className={cell}>Upgrade</th>
            <th className={cell}>Kubernetes</th>
            <th className={`${cell} text-right`}>Blockers</th>
            <th className={`${cell} text-right`}>Before</th>
            <th className={`${cell} text-right`}>After</th>
            <th className={`${cell} text-right`}>Not checked</th>
            <th className={cell}>Newest scan</th>
            <th className={cell}>Schedule</th>
            <th className={cell}>Trend</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 dark:border-slate-900" data-cluster={r.id}>
              <td className={cell}>
                <button
                  type="button"
                  className="font-medium text-sky-800 underline dark:text-sky-300"
                  onClick={() => onOpen(r.id)}
                >
                  {r.name}
                </button>
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  {r.id} · to {r.latest?.target ?? r.target}
                </span>
                {r.identityWarning ? (
                  <span className="block text-xs text-red-700 dark:text-red-300">two clusters under one name</span>
                ) : null}
              </td>
              <td className={cell}>
                <VerdictBadge verdict={r.verdict} />
                {r.targetNote ? <span className="block text-xs">{r.targetNote}</span> : null}
              </td>
              <td className={cell}>{r.latest?.serverVersion ?? ''}</td>
              <td className={`${cell} text-right tabular-nums`}>{r.latest?.blockers ?? ''}</td>
              <td className={`${cell} text-right tabular-nums`}>{r.latest?.before ?? ''}</td>
              <td className={`${cell} text-right tabular-nums`}>{r.latest?.after ?? ''}</td>
              <td className={`${cell} text-right tabular-nums`}>{r.latest?.notChecked ?? ''}</td>
              <td className={cell}>
                {r.latest ? <a href={`/reports/${r.latest.reportId}`}>{ageText(r.latest.ageMs)} ago</a> : 'none yet'}
              </td>
              <td className={cell}>
                {r.everyMs === undefined ? null : <span className="block">every {formatDuration(r.everyMs)}</span>}
                <RunState row={r} />
              </td>
              <td className={cell}>
                <FleetTrend points={r.trend} compact label={`Trend of ${r.name}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
