import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ImpactView } from '@/components/impact/impact-view';
import { ReportHeader } from '@/components/reports/report-header';
import { getCatalog } from '@/lib/catalog';
import { changeSummaries } from '@/lib/report/change-summaries';
import { readReport } from '@/lib/store/read-report';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/reports/[id]'>): Promise<Metadata> {
  const stored = await readReport((await params).id);
  // Deciding before the response starts lets an unknown id answer with a real 404 status.
  if (!stored) notFound();
  return { title: `Report: ${stored.report.cluster.source.label}`, robots: { index: false } };
}

export default async function ReportPage({ params }: PageProps<'/reports/[id]'>) {
  const stored = await readReport((await params).id);
  if (!stored) notFound();
  return (
    <>
      <ReportHeader stored={stored} />
      <ImpactView report={stored.report} changes={changeSummaries(stored.report, getCatalog())} />
    </>
  );
}
