'use client';

import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Finding } from '@/lib/model/finding';
import { GROUPINGS, type Grouping } from '@/lib/report/group';
import {
  emptyQuery,
  FACET_LABEL,
  FACETS,
  isFiltered,
  matchFindings,
  SORTS,
  toggleFacet,
  withFacet,
  type Facet,
  type FacetCount,
  type FindingQuery,
  type Sort,
} from '@/lib/report/workbench';
import { FindingGroups } from './finding-groups';
import dynamic from 'next/dynamic';
import { SelectField } from '../ui/select-field';

// The dense table (react-table, react-virtual) loads when it is first shown, not with every impact view.
const FindingsTable = dynamic(() => import('./findings-table').then((m) => m.FindingsTable), {
  ssr: false,
  loading: () => <p role="status">Loading the table…</p>,
});

const GROUPING_LABEL: Record<Grouping, string> = {
  severity: 'Severity',
  change: 'Change',
  namespace: 'Namespace',
  owner: 'Owner workload',
  helm: 'Helm release',
};

const SORT_LABEL: Record<Sort, string> = {
  severity: 'Severity',
  change: 'Change',
  namespace: 'Namespace',
  object: 'Object',
  confidence: 'Confidence',
};

/** Values a facet lists before "Show all". */
const FACET_TOP = 8;

/**
 * True while the page is being printed: every group opens and shows every finding, so a printout holds the whole
 * report and no button that does nothing on paper.
 */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // The print snapshot is taken right after beforeprint: render synchronously so it has every finding.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

function FacetList({
  facet,
  values,
  selected,
  onToggle,
}: {
  facet: Facet;
  values: FacetCount[];
  /** Ticked values, from the live query: the counts may lag a frame behind while a long list catches up. */
  selected: readonly string[];
  onToggle: (value: string) => void;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? values : values.slice(0, FACET_TOP);
  return (
    <fieldset className="min-w-0" data-testid={`facet-${facet}`}>
      <legend className="mb-1 text-sm font-semibold">{FACET_LABEL[facet]}</legend>
      <ul className="space-y-0.5 text-sm">
        {shown.map((v) => (
          <li key={v.value}>
            <label className="flex min-w-0 items-baseline gap-1.5">
              <input
                type="checkbox"
                checked={selected.includes(v.value)}
                onChange={() => onToggle(v.value)}
                className="accent-sky-600"
              />
              <span className="min-w-0 truncate" title={v.label}>
                {v.label}
              </span>
              <span className="ml-auto text-xs text-slate-600 tabular-nums dark:text-slate-400">{v.count}</span>
            </label>
          </li>
        ))}
      </ul>
      {values.length > FACET_TOP ? (
        <button
          type="button"
          className="mt-1 text-xs text-sky-700 underline dark:text-sky-300"
          onClick={() => setAll(!all)}
          aria-expanded={all}
        >
          {all ? 'Fewer values' : `All ${values.length} values`}
        </button>
      ) : null}
    </fieldset>
  );
}

interface Props {
  findings: Finding[];
  changeTitle: (id: string) => string;
  query: FindingQuery;
  onQuery: (query: FindingQuery) => void;
}

/**
 * The findings workbench: search, facets with counts, sort, a grouped view (advice once per change) and a dense
 * virtualized table. The state is the URL's, so a filtered view is a link.
 */
export function FindingsWorkbench({ findings, changeTitle, query, onQuery }: Props) {
  const printing = usePrinting();
  // Typing stays responsive on a 10,000-finding report: the list follows the input a frame behind.
  const deferred = useDeferredValue(query);
  const matched = useMemo(() => matchFindings(findings, deferred, changeTitle), [findings, deferred, changeTitle]);
  const active = FACETS.flatMap((facet) =>
    query.facets[facet].map((value) => ({
      facet,
      value,
      label: matched.counts[facet].find((c) => c.value === value)?.label ?? value,
    })),
  );
  // A facet with a single value and nothing ticked narrows nothing: it is left out.
  const facets = FACETS.filter((f) => matched.counts[f].length > 1 || query.facets[f].length > 0);
  return (
    <section id="findings" aria-labelledby="findings-heading" className="mt-8 scroll-mt-4">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="findings-heading" tabIndex={-1} className="text-xl font-bold outline-none">
          Findings{' '}
          <span data-testid="findings-count">
            ({isFiltered(deferred) ? `${matched.findings.length} of ${findings.length}` : findings.length})
          </span>
        </h2>
      </div>
      <div className="no-print flex flex-wrap items-end gap-3 text-sm">
        <label className="flex min-w-[12rem] flex-1 flex-col gap-1">
          <span className="font-medium">Search findings</span>
          <input
            type="search"
            value={query.q}
            onChange={(e) => onQuery({ ...query, q: e.target.value })}
            placeholder="object, namespace, message, change…"
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-950"
          />
        </label>
        <SelectField
          label="Sort by"
          value={query.sort}
          options={SORTS.map((s) => [s, SORT_LABEL[s]] as const)}
          onChange={(v) => onQuery({ ...query, sort: v as Sort })}
        />
        {query.view === 'grouped' ? (
          <SelectField
            label="Group by"
            value={query.group}
            options={GROUPINGS.map((g) => [g, GROUPING_LABEL[g]] as const)}
            onChange={(v) => onQuery({ ...query, group: v as Grouping })}
          />
        ) : null}
        <fieldset className="flex items-center gap-3">
          <legend className="sr-only">View</legend>
          {(['grouped', 'table'] as const).map((v) => (
            <label key={v} className="flex items-center gap-1">
              <input
                type="radio"
                name="findings-view"
                value={v}
                checked={query.view === v}
                onChange={() => onQuery({ ...query, view: v })}
                className="accent-sky-600"
              />
              {v === 'grouped' ? 'Grouped' : 'Table'}
            </label>
          ))}
        </fieldset>
      </div>
      <details className="no-print mt-3 rounded-lg border border-slate-200 dark:border-slate-800" data-testid="facets">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
          Filters{active.length > 0 ? ` (${active.length} active)` : ''}
        </summary>
        <div className="grid gap-4 px-3 pb-3 sm:grid-cols-2 lg:grid-cols-4">
          {facets.map((facet) => (
            <FacetList
              key={facet}
              facet={facet}
              values={matched.counts[facet]}
              selected={query.facets[facet]}
              onToggle={(value) => onQuery(toggleFacet(query, facet, value))}
            />
          ))}
        </div>
      </details>
      {active.length > 0 || query.q.trim() !== '' ? (
        <ul className="no-print mt-2 flex flex-wrap items-center gap-2 text-sm" aria-label="Active filters">
          {active.map((a) => (
            <li key={`${a.facet}:${a.value}`}>
              <button
                type="button"
                onClick={() =>
                  onQuery(
                    withFacet(
                      query,
                      a.facet,
                      query.facets[a.facet].filter((v) => v !== a.value),
                    ),
                  )
                }
                className="rounded-full border border-slate-300 px-2 py-0.5 dark:border-slate-700"
                aria-label={`Remove filter ${FACET_LABEL[a.facet]}: ${a.label}`}
              >
                {FACET_LABEL[a.facet]}: {a.label} ×
              </button>
            </li>
          ))}
          <li>
            <button
              type="button"
              onClick={() => onQuery({ ...emptyQuery(), sort: query.sort, view: query.view, group: query.group })}
              className="text-sky-700 underline dark:text-sky-300"
            >
              Clear all filters
            </button>
          </li>
        </ul>
      ) : null}
      <div className="mt-4">
        {findings.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 dark:border-slate-700">
            No finding: none of the checked changes touches an object this scan could read.
          </p>
        ) : matched.findings.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 dark:border-slate-700" role="status">
            No finding matches these filters.
          </p>
        ) : query.view === 'table' ? (
          <FindingsTable
            findings={matched.findings}
            changeTitle={changeTitle}
            sort={query.sort}
            onSort={(sort) => onQuery({ ...query, sort })}
            printing={printing}
          />
        ) : (
          <FindingGroups findings={matched.findings} by={query.group} changeTitle={changeTitle} printing={printing} />
        )}
      </div>
    </section>
  );
}
