import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangeCard } from '@/components/catalog/change-card';
import { ChangeFilters } from '@/components/catalog/change-filters';
import { ChangeRow } from '@/components/catalog/change-row';
import { FiltersDisclosure } from '@/components/catalog/filters-disclosure';
import { ListControls } from '@/components/catalog/list-controls';
import { Pager } from '@/components/catalog/pager';
import { CopyLinkButton } from '@/components/ui/copy-link-button';
import { PageHeader } from '@/components/ui/card';
import { getCatalog } from '@/lib/catalog';
import { FACET_KEYS, isEmpty, parseFilters, serializeFilters } from '@/lib/catalog/filters';
import { PAGE_SIZE, pageOf, parseListing, serializeListing } from '@/lib/catalog/listing';
import { facetCounts, queryChanges, sortChanges } from '@/lib/catalog/query';

export const metadata: Metadata = { title: 'Changes' };

export default async function ChangesPage({ searchParams }: PageProps<'/changes'>) {
  const query = await searchParams;
  const filters = parseFilters(query);
  const listing = parseListing(query);
  const { changes } = getCatalog();
  const results = sortChanges(queryChanges(changes, filters), listing.sort);
  const facets = facetCounts(changes, filters);
  const shown = pageOf(results, listing.page, PAGE_SIZE[listing.view]);
  const pageHref = (page: number) =>
    `/changes?${[serializeFilters(filters), serializeListing({ ...listing, page })].filter(Boolean).join('&')}`;
  const active =
    FACET_KEYS.reduce((n, k) => n + filters[k].length, 0) + (filters.actionRequired ? 1 : 0) + (filters.q ? 1 : 0);

  return (
    <>
      <PageHeader title="Changes in Kubernetes 1.24 and 1.25">
        Every enhancement and upgrade-relevant change of both releases. Filters combine across facets; values inside one
        facet widen the result. The address bar keeps the view, so you can share it.
      </PageHeader>
      <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
        <aside aria-label="Filters" className="min-w-0">
          <FiltersDisclosure active={active}>
            <ChangeFilters filters={filters} facets={facets} listing={listing} />
          </FiltersDisclosure>
        </aside>
        <section aria-labelledby="results-heading" className="min-w-0">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h2
              id="results-heading"
              tabIndex={-1}
              className="text-sm text-slate-600 outline-none dark:text-slate-400"
              aria-live="polite"
            >
              <span data-testid="result-count">{results.length}</span> of {changes.length} changes
              {shown.pages > 1 ? (
                <span data-testid="page-range">
                  {' '}
                  (showing {shown.from}–{shown.to})
                </span>
              ) : null}
            </h2>
            <div className="flex flex-wrap items-center gap-3">
              <ListControls filters={filters} listing={listing} />
              <CopyLinkButton />
            </div>
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
            <>
              {listing.view === 'compact' ? (
                <ul className="border-t border-slate-200 dark:border-slate-800" data-testid="compact-list">
                  {shown.items.map((c) => (
                    <ChangeRow key={c.id} change={c} />
                  ))}
                </ul>
              ) : (
                <ul className="space-y-3">
                  {shown.items.map((c) => (
                    <li key={c.id}>
                      <ChangeCard change={c} />
                    </li>
                  ))}
                </ul>
              )}
              <Pager page={shown.page} pages={shown.pages} href={pageHref} />
            </>
          )}
        </section>
      </div>
    </>
  );
}
