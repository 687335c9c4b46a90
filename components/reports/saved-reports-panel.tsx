'use client';

import Link from 'next/link';
import { useSavedReports } from '@/lib/query/saved-reports';
import { CompareForm } from './compare-form';
import { ReportList } from './report-list';

/**
 * The reports this browser saved. The server lists nobody's reports: a report opens by its link, and only its
 * saver (who holds the manage token) can delete it.
 */
export function SavedReportsPanel() {
  const reports = useSavedReports();
  if (reports.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 dark:border-slate-700">
        This browser has not saved a report yet. <Link href="/impact">Scan a cluster</Link> and choose “Save report”;
        reports saved elsewhere open by their link.
      </p>
    );
  }
  return (
    <div className="space-y-6">
      {reports.length >= 2 ? <CompareForm reports={[...reports]} /> : null}
      <ReportList reports={[...reports]} />
    </div>
  );
}
