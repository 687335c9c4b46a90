import Link from 'next/link';
import { planQuery } from '@/lib/report/plan-link';
import type { StoredReport } from '@/lib/model/saved-report';
import { CopyLinkButton } from '../ui/copy-link-button';
import { DeleteReportButton } from './delete-report-button';
import { ExportLinks } from './export-links';
import { PrintButton } from './print-button';

/** The head of a saved report: when it was saved, what was redacted, and what you can do with it. */
export function ReportHeader({ stored }: { stored: StoredReport }) {
  const saved = stored.createdAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  return (
    <div className="mb-6">
      <p className="no-print mb-2 text-sm">
        <Link href="/reports">← Your reports</Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight">Impact report</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Saved {saved}. This report never changes; scan again for a newer picture.
      </p>
      {stored.redacted ? (
        <p
          className="mt-2 rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
          data-testid="redaction-note"
        >
          Redacted: every name of the cluster (namespaces, objects, nodes, images, Helm releases, users, addresses and
          values) is replaced by a stable token; the same name gets the same token throughout, and in every redacted
          report of this server.
        </p>
      ) : null}
      <div className="no-print mt-4 flex flex-wrap items-center gap-3">
        <CopyLinkButton label="Copy link to this report" />
        <ExportLinks id={stored.id} />
        <PrintButton />
        <Link href={`/reports/compare?head=${stored.id}`} className="text-sm">
          Compare with another report
        </Link>
        <Link href={`/upgrade?${planQuery(stored.report, stored.id)}`} className="text-sm" data-testid="plan-link">
          Upgrade plan for this cluster
        </Link>
        <DeleteReportButton id={stored.id} label="this report" then="/reports" />
      </div>
    </div>
  );
}
