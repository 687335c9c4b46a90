import type { Metadata } from 'next';
import Link from 'next/link';
import { CompareForm } from '@/components/reports/compare-form';
import { ReportList } from '@/components/reports/report-list';
import { PageHeader } from '@/components/ui/card';
import { getStore } from '@/lib/store/instance';

export const metadata: Metadata = { title: 'Reports' };
export const dynamic = 'force-dynamic';

export default async function ReportsPage() {
  const reports = await (await getStore()).list({ limit: 50 });
  return (
    <>
      <PageHeader title="Saved reports">
        Reports saved on this server, newest first. A saved report never changes; share its link, export it, or compare
        two scans of one cluster to see what was fixed.
      </PageHeader>
      {reports.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 dark:border-slate-700">
          No report saved yet. <Link href="/impact">Scan a cluster</Link> and choose “Save report”.
        </p>
      ) : (
        <div className="space-y-6">
          {reports.length >= 2 ? <CompareForm reports={reports} /> : null}
          <ReportList reports={reports} />
        </div>
      )}
    </>
  );
}
