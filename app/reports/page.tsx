import type { Metadata } from 'next';
import { SavedReportsPanel } from '@/components/reports/saved-reports-panel';
import { PageHeader } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Reports' };

export default function ReportsPage() {
  return (
    <>
      <PageHeader title="Your saved reports">
        Reports saved from this browser, newest first. A saved report never changes and opens only by its link: share
        the link, export it, or compare two scans of one cluster to see what was fixed.
      </PageHeader>
      <SavedReportsPanel />
    </>
  );
}
