'use client';

import type { FacetValue } from '@/lib/catalog/query';

interface Props {
  legend: string;
  name: string;
  values: FacetValue[];
  onToggle: (value: string) => void;
  /** Show at most this many values before "show more"; selected ones always show. */
  limit?: number;
  format?: (value: string) => string;
}

function Option({ name, v, onToggle, format }: { name: string; v: FacetValue } & Pick<Props, 'onToggle' | 'format'>) {
  const id = `facet-${name}-${v.value}`;
  return (
    <li className="flex items-center gap-2">
      <input
        id={id}
        type="checkbox"
        checked={v.selected}
        onChange={() => onToggle(v.value)}
        className="h-4 w-4 accent-sky-600"
      />
      <label htmlFor={id} className="flex flex-1 cursor-pointer justify-between gap-2 text-sm">
        <span
          className={`min-w-0 break-words ${v.count === 0 && !v.selected ? 'text-slate-500 dark:text-slate-400' : ''}`}
        >
          {format ? format(v.value) : v.value}
        </span>
        <span className="tabular-nums text-slate-500 dark:text-slate-400" aria-label={`${v.count} results`}>
          {v.count}
        </span>
      </label>
    </li>
  );
}

/** One facet: a fieldset of checkboxes with the number of results each value gives. */
export function FacetGroup({ legend, name, values, onToggle, limit = 50, format }: Props) {
  const visible = values.filter((v) => v.count > 0 || v.selected);
  const head = visible.slice(0, limit);
  const tail = visible.slice(limit);
  if (visible.length === 0) return null;
  return (
    <fieldset className="border-t border-slate-200 pt-3 dark:border-slate-800">
      <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        {legend}
      </legend>
      <ul className="space-y-1">
        {head.map((v) => (
          <Option key={v.value} name={name} v={v} onToggle={onToggle} format={format} />
        ))}
      </ul>
      {tail.length > 0 ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-sm text-sky-700 dark:text-sky-300">{tail.length} more</summary>
          <ul className="mt-1 space-y-1">
            {tail.map((v) => (
              <Option key={v.value} name={name} v={v} onToggle={onToggle} format={format} />
            ))}
          </ul>
        </details>
      ) : null}
    </fieldset>
  );
}
