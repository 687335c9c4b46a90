'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The filters in a disclosure: open on a wide screen, closed on a phone so the results come first. A skip link
 * leads keyboard users past the filters to the results.
 */
export function FiltersDisclosure({ active, children }: { active: number; children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (details.current && window.matchMedia('(max-width: 767px)').matches) details.current.open = false;
  }, []);
  return (
    <>
      <a
        href="#results-heading"
        className="sr-only focus:not-sr-only focus:mb-2 focus:inline-block focus:rounded focus:bg-white focus:p-1 dark:focus:bg-slate-900"
      >
        Skip to results
      </a>
      <details ref={details} open className="group" data-testid="filters-disclosure">
        <summary className="mb-3 cursor-pointer rounded-md border border-slate-300 px-3 py-2 text-sm font-medium md:hidden dark:border-slate-700">
          Filters{active > 0 ? ` (${active} active)` : ''}
        </summary>
        {children}
      </details>
    </>
  );
}
