'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { EMPTY_FILTERS, serializeFilters, toggleFacet, type FacetKey, type Filters } from '@/lib/catalog/filters';
import type { FacetCounts } from '@/lib/catalog/query';
import { serializeListing, type Listing } from '@/lib/catalog/listing';
import { FacetGroup } from './facet-group';

const groups: { key: FacetKey; legend: string; limit?: number }[] = [
  { key: 'release', legend: 'Release' },
  { key: 'severity', legend: 'Severity' },
  { key: 'stage', legend: 'Stage' },
  { key: 'kind', legend: 'Kind' },
  { key: 'sig', legend: 'SIG' },
  { key: 'gate', legend: 'Feature gate', limit: 10 },
];

/** Search box and facets; every change becomes a new URL so the view can be shared and the back button works. */
export function ChangeFilters({
  filters,
  facets,
  listing,
}: {
  filters: Filters;
  facets: FacetCounts;
  /** The view and order are kept when a filter changes; the page goes back to the first. */
  listing: Listing;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(filters.q);
  const [urlQ, setUrlQ] = useState(filters.q);
  // When the URL's query changes (back/forward, a link), the box shows it.
  if (filters.q !== urlQ) {
    setUrlQ(filters.q);
    setQ(filters.q);
  }

  function go(next: Filters, mode: 'push' | 'replace' = 'push') {
    const query = [serializeFilters(next), serializeListing({ ...listing, page: 1 })].filter(Boolean).join('&');
    const url = query ? `${pathname}?${query}` : pathname;
    startTransition(() => router[mode](url, { scroll: false }));
  }

  useEffect(() => {
    if (q === filters.q) return;
    const timer = setTimeout(() => go({ ...filters, q }, 'replace'), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text should restart the timer
  }, [q]);

  return (
    <div className="space-y-4" data-pending={pending ? 'true' : undefined}>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go({ ...filters, q });
        }}
      >
        <label htmlFor="change-search" className="mb-1 block text-sm font-medium">
          Search changes
        </label>
        <input
          id="change-search"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="dockershim, PSP, KEP-2799, gate name…"
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
        />
      </form>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          checked={filters.actionRequired}
          onChange={() => go({ ...filters, actionRequired: !filters.actionRequired })}
          className="h-4 w-4 accent-sky-600"
        />
        Action required only
      </label>
      {groups.map((g) => (
        <FacetGroup
          key={g.key}
          legend={g.legend}
          name={g.key}
          values={facets[g.key]}
          limit={g.limit}
          onToggle={(value) => go(toggleFacet(filters, g.key, value))}
        />
      ))}
      <button
        type="button"
        onClick={() => {
          setQ('');
          go(EMPTY_FILTERS);
        }}
        className="text-sm text-sky-700 underline dark:text-sky-300"
      >
        Clear all filters
      </button>
    </div>
  );
}
