'use client';

import type { FleetClusterRow } from '@/lib/model/fleet';
import { ageText, VERDICT_LABEL } from '@/lib/fleet/labels';
import { FleetTrend } from './fleet-trend';

/** One cluster: where it stands, its trend over its saved reports, each report linked, its last scheduled scan. */
export function ClusterDetail({ row, onClose }: { row: FleetClusterRow; onClose: () => void }) {
  const newestFirst = [...row.trend].reverse();
  return (
    <section
      aria-labelledby="cluster-detail"
      className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="cluster-detail" className="text-lg font-semibold">
          {row.name}
        </h2>
        <button type="button" onClick={onClose} className="text-sm underline">
          Back to all clusters
        </button>
      </div>
      <p>
        Upgrade to {row.latest?.target ?? row.target}: <strong>{VERDICT_LABEL[row.verdict]}</strong>
        {row.latest
          ? `, ${row.latest.blockers} blockers, ${row.latest.before} actions before and ${row.latest.after} after the control-plane upgrade; ${row.latest.notChecked} checks or resource types could not be read.`
          : '. No report has been saved for this cluster yet.'}
      </p>
      {row.identityWarning ? <p className="text-red-700 dark:text-red-300">{row.identityWarning}</p> : null}
      {row.lastRun ? (
        <p>
          Last scheduled scan (period from {row.lastRun.periodStart.slice(0, 16).replace('T', ' ')} UTC):{' '}
          {row.lastRun.state}
          {row.lastRun.attempts > 1 ? ` after ${row.lastRun.attempts} attempts` : ''}
          {row.lastRun.error ? `: ${row.lastRun.error}` : '.'}
        </p>
      ) : null}
      <FleetTrend points={row.trend} label={`Trend of ${row.name}`} />
      <table className="text-sm">
        <caption className="text-left font-semibold">Saved reports, newest first</caption>
        <thead>
          <tr>
            <th className="px-2 text-left">Scanned</th>
            <th className="px-2 text-right">Breaking</th>
            <th className="px-2 text-right">Action</th>
            <th className="px-2 text-right">Info</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((p) => (
            <tr key={p.reportId}>
              <td className="px-2">
                <a href={`/reports/${p.reportId}`}>{p.createdAt.slice(0, 19).replace('T', ' ')} UTC</a>
                {row.latest?.reportId === p.reportId ? ` (${ageText(row.latest.ageMs)} ago)` : ''}
              </td>
              <td className="px-2 text-right tabular-nums">{p.counts.breaking}</td>
              <td className="px-2 text-right tabular-nums">{p.counts.action}</td>
              <td className="px-2 text-right tabular-nums">{p.counts.info}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
