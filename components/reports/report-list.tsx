'use client';

import Link from 'next/link';
import type { ReportSummary } from '@/lib/model/saved-report';
import { DeleteReportButton } from './delete-report-button';

const when = (iso: string) => iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');

/** Saved reports, newest first. */
export function ReportList({ reports }: { reports: ReportSummary[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="min-w-full text-left text-sm" data-testid="report-list">
        <caption className="sr-only">Saved reports</caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            <th scope="col" className="px-3 py-2">
              Saved
            </th>
            <th scope="col" className="px-3 py-2">
              Cluster
            </th>
            <th scope="col" className="px-3 py-2">
              Version → target
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Breaking
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Action
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Info
            </th>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr
              key={r.id}
              className="border-t border-slate-100 align-top dark:border-slate-800"
              data-testid="report-row"
              data-report-id={r.id}
            >
              <td className="px-3 py-2 whitespace-nowrap">
                <Link href={`/reports/${r.id}`}>{when(r.createdAt)}</Link>
              </td>
              <td className="px-3 py-2 break-all">
                {r.clusterLabel}
                {r.redacted ? (
                  <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">(redacted)</span>
                ) : null}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {r.serverVersion ?? '?'} → {r.target}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{r.counts.breaking}</td>
              <td className="px-3 py-2 text-right tabular-nums">{r.counts.action}</td>
              <td className="px-3 py-2 text-right tabular-nums">{r.counts.info}</td>
              <td className="px-3 py-2">
                <DeleteReportButton id={r.id} label={`the report of ${when(r.createdAt)}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
