'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { serializeFilters, type Filters } from '@/lib/catalog/filters';
import { LIST_SORTS, LIST_VIEWS, serializeListing, type Listing, type ListSort } from '@/lib/catalog/listing';

const SORT_LABEL: Record<ListSort, string> = {
  relevance: 'Best match, breaking first',
  severity: 'Severity',
  release: 'Release',
  title: 'Title',
  sig: 'SIG',
};

/** The list's order and view (cards or compact); a change goes back to the first page and keeps the filters. */
export function ListControls({ filters, listing }: { filters: Filters; listing: Listing }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const go = (next: Listing) => {
    const query = [serializeFilters(filters), serializeListing({ ...next, page: 1 })].filter(Boolean).join('&');
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-pending={pending ? 'true' : undefined}>
      <label className="flex items-center gap-1.5">
        Sort
        <select
          key={listing.sort}
          defaultValue={listing.sort}
          onChange={(e) => go({ ...listing, sort: e.target.value as ListSort })}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        >
          {LIST_SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      {/* Uncontrolled, reset by key when the URL answers: the choice shows at once while the page loads. */}
      <fieldset key={listing.view} className="flex items-center gap-2">
        <legend className="sr-only">View</legend>
        {LIST_VIEWS.map((v) => (
          <label key={v} className="flex items-center gap-1">
            <input
              type="radio"
              name="list-view"
              defaultChecked={listing.view === v}
              onChange={() => go({ ...listing, view: v })}
              className="accent-sky-600"
            />
            {v === 'cards' ? 'Cards' : 'Compact'}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
