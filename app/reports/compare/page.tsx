import type { Metadata } from 'next';
import Link from 'next/link';
import { ErrorBox } from '@/components/impact/error-box';
import { SavedCompareForm } from '@/components/reports/saved-compare-form';
import { ComparisonView } from '@/components/reports/comparison-view';
import { PageHeader } from '@/components/ui/card';
import { getCatalog } from '@/lib/catalog';
import { compareSaved, type SavedComparison } from '@/lib/report/compare-saved';
import { readReport } from '@/lib/store/read-report';

export const metadata: Metadata = { title: 'Compare reports' };
export const dynamic = 'force-dynamic';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function Result({ result }: { result: SavedComparison }) {
  if (!result.ok) return <ErrorBox error={result.error} />;
  const { older, newer } = result;
  return (
    <>
      <p className="mt-4 text-sm">
        <Link href={`/reports/${older.id}`}>Older scan</Link> ({when(older.report.generatedAt)}) →{' '}
        <Link href={`/reports/${newer.id}`}>newer scan</Link> ({when(newer.report.generatedAt)}) of{' '}
        {newer.report.cluster.source.label}
      </p>
      <ComparisonView comparison={result.comparison} changes={result.changes} />
    </>
  );
}

export default async function ComparePage({ searchParams }: PageProps<'/reports/compare'>) {
  const query = await searchParams;
  const base = one(query.base);
  const head = one(query.head);
  const result = base && head ? compareSaved(await readReport(base), await readReport(head), getCatalog()) : undefined;
  return (
    <>
      <PageHeader title="Compare two scans">
        Pick an older and a newer report of the same cluster: findings that disappeared are fixed, new ones appeared
        since, and the rest remain.
      </PageHeader>
      <SavedCompareForm {...(base ? { base } : {})} {...(head ? { head } : {})} />
      {result ? <Result result={result} /> : null}
    </>
  );
}
