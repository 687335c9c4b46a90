import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangeCard } from '@/components/catalog/change-card';
import { ChangeFilters } from '@/components/catalog/change-filters';
import { CopyLinkButton } from '@/components/ui/copy-link-button';
import { PageHeader } from '@/components/ui/card';
import { getCatalog } from '@/lib/catalog';
import { isEmpty, parseFilters } from '@/lib/catalog/filters';
import { facetCounts, queryChanges } from '@/lib/catalog/query';

export const metadata: Metadata = { title: 'Changes' };

export default async function ChangesPage({ searchParams }: PageProps<'/changes'>) {
  const filters = parseFilters(await searchParams);
  const { changes } = getCatalog();
  const results = queryChanges(changes, filters);
  const facets = facetCounts(changes, filters);

  return (
    <>
      <PageHeader title="Changes in Kubernetes 1.24 and 1.25">
        Every enhancement and upgrade-relevant change of both releases. Filters combine across facets; values inside one
        facet widen the result. The address bar keeps the view, so you can share it.
      </PageHeader>
      <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
        <aside aria-label="Filters" className="min-w-0">
          <ChangeFilters filters={filters} facets={facets} />
        </aside>
        <section aria-labelledby="results-heading" className="min-w-0">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h2 id="results-heading" className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
              <span data-testid="result-count">{results.length}</span> of {changes.length} changes
            </h2>
            <CopyLinkButton />
          </div>
          {results.length === 0 ? (
            <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
              <p className="font-medium">No change matches these filters.</p>
              {isEmpty(filters) ? null : (
                <p className="mt-2">
                  <Link href="/changes">Clear all filters</Link>
                </p>
              )}
            </div>
          ) : (
            <ul className="space-y-3">
              {results.map((c) => (
                <li key={c.id}>
                  <ChangeCard change={c} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
