'use client';

import Link from 'next/link';
import type { ReportSummary } from '@/lib/model/saved-report';
import { DeleteReportButton } from './delete-report-button';
import { HeaderRow } from '../ui/header-row';

const when = (iso: string) => iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');

/** Saved reports, newest first. */
export function ReportList({ reports }: { reports: ReportSummary[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="min-w-full text-left text-sm" data-testid="report-list">
        <caption className="sr-only">Saved reports</caption>
        <thead className="bg-slate-50 dark:bg-slate-900">
          <HeaderRow
            cell="px-3 py-2"
            columns={[
              { label: 'Saved' },
              { label: 'Cluster' },
              { label: 'Version → target' },
              { label: 'Breaking', numeric: true },
              { label: 'Action', numeric: true },
              { label: 'Info', numeric: true },
              { label: 'Actions', hidden: true },
            ]}
          />
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
