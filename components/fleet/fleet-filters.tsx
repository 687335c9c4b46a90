'use client';

import type { FleetOverview, FleetVerdict } from '@/lib/model/fleet';
import { FLEET_VERDICTS, type FleetQuery } from '@/lib/fleet/query';
import { VERDICT_LABEL } from '@/lib/fleet/labels';
import { TARGETS } from '@/lib/model/releases';
import { SelectField } from '../ui/select-field';

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
    <div className="flex flex-wrap items-end gap-4 text-sm" role="search" aria-label="Filter clusters">
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
      <SelectField
        label="Upgrade to"
        value={query.target ?? ''}
        any="the target of each cluster"
        options={TARGETS.map((t) => [t, `Kubernetes ${t}`] as const)}
        onChange={(v) => {
          const { target: _drop, ...rest } = query;
          const target = TARGETS.find((t) => t === v);
          onChange(target ? { ...rest, target } : rest);
        }}
      />
      <SelectField
        label="Still affected by"
        value={query.change ?? ''}
        any="any change"
        options={overview.changes.map((c) => [c.changeId, `${c.title} (${c.clusters.length})`] as const)}
        className="max-w-xs"
        onChange={(v) => {
          const { change: _drop, ...rest } = query;
          onChange(v ? { ...rest, change: v } : rest);
        }}
      />
      <SelectField
        label="Newest scan"
        value={String(query.staleHours ?? '')}
        any="any age"
        options={[
          ['24', 'older than a day'],
          ['168', 'older than a week'],
        ]}
        onChange={(v) => {
          const { staleHours: _drop, ...rest } = query;
          onChange(v ? { ...rest, staleHours: Number(v) } : rest);
        }}
      />
    </div>
  );
}
