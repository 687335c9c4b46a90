'use client';

import { useSavedReports } from '@/lib/query/saved-reports';
import { CompareForm } from './compare-form';

/** The compare form over the reports this browser saved. */
export function SavedCompareForm({ base, head }: { base?: string; head?: string }) {
  const reports = useSavedReports();
  if (reports.length < 2) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 dark:border-slate-700">
        Save at least two reports of a cluster from this browser to compare them here, or open a comparison link.
      </p>
    );
  }
  return <CompareForm reports={[...reports]} {...(base ? { base } : {})} {...(head ? { head } : {})} />;
}
