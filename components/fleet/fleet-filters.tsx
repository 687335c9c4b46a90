'use client';

import type { FleetOverview, FleetVerdict } from '@/lib/model/fleet';
import { FLEET_VERDICTS, type FleetQuery } from '@/lib/fleet/query';
import { VERDICT_LABEL } from '@/lib/fleet/export';
import { TARGETS } from '@/lib/model/releases';

/** Search, verdicts, a change and the age of the newest scan: every change goes to the URL at once. */
export function FleetFilters({
  overview,
  query,
  onChange,
}: {
  overview: FleetOverview;
  query: FleetQuery;
  onChange: (next: FleetQuery) => void;
}) {
  const count = (v: FleetVerdict) => overview.clusters.filter((c) => c.verdict === v).length;
  const toggle = (v: FleetVerdict) =>
    onChange({
      ...query,
      verdicts: query.verdicts.includes(v) ? query.verdicts.filter((x) => x !== v) : [...query.verdicts, v],
    });
  return (
    <div className="flex flex-wrap items-end gap-4" role="search" aria-label="Filter clusters">
      <label className="flex flex-col text-sm">
        <span className="font-medium">Search clusters</span>
        <input
          type="search"
          value={query.q}
          onChange={(e) => onChange({ ...query, q: e.target.value })}
          className="w-56 rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        />
      </label>
      <fieldset className="text-sm">
        <legend className="font-medium">Upgrade</legend>
        <div className="flex flex-wrap gap-3">
          {FLEET_VERDICTS.map((v) => (
            <label key={v} className="flex items-center gap-1">
              <input type="checkbox" checked={query.verdicts.includes(v)} onChange={() => toggle(v)} />
              {VERDICT_LABEL[v]} ({count(v)})
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex flex-col text-sm">
        <span className="font-medium">Upgrade to</span>
        <select
          value={query.target ?? ''}
          onChange={(e) => {
            const { target: _drop, ...rest } = query;
            const target = TARGETS.find((t) => t === e.target.value);
            onChange(target ? { ...rest, target } : rest);
          }}
          className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        >
          <option value="">the target of each cluster</option>
          {TARGETS.map((t) => (
            <option key={t} value={t}>
              Kubernetes {t}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm">
        <span className="font-medium">Still affected by</span>
        <select
          value={query.change ?? ''}
          onChange={(e) => {
            const { change: _drop, ...rest } = query;
            onChange(e.target.value ? { ...rest, change: e.target.value } : rest);
          }}
          className="max-w-xs rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        >
          <option value="">any change</option>
          {overview.changes.map((c) => (
            <option key={c.changeId} value={c.changeId}>
              {c.title} ({c.clusters.length})
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm">
        <span className="font-medium">Newest scan</span>
        <select
          value={query.staleHours ?? ''}
          onChange={(e) => {
            const { staleHours: _drop, ...rest } = query;
            onChange(e.target.value ? { ...rest, staleHours: Number(e.target.value) } : rest);
          }}
          className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        >
          <option value="">any age</option>
          <option value="24">older than a day</option>
          <option value="168">older than a week</option>
        </select>
      </label>
    </div>
  );
}
