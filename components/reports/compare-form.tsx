import type { ReportSummary } from '@/lib/model/saved-report';

const selectClass =
  'mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900';
const label = (r: ReportSummary) =>
  `${r.createdAt.slice(0, 16).replace('T', ' ')} · ${r.clusterLabel}${r.redacted ? ' (redacted)' : ''}`;

/** Pick two saved reports of one cluster to compare (a plain GET form: works without JavaScript). */
export function CompareForm({ reports, base, head }: { reports: ReportSummary[]; base?: string; head?: string }) {
  return (
    <form method="get" action="/reports/compare" className="no-print flex flex-wrap items-end gap-3">
      <div className="flex flex-col text-sm font-medium">
        <label htmlFor="compare-base">Older scan</label>
        <select id="compare-base" name="base" defaultValue={base ?? reports[1]?.id} className={selectClass}>
          {reports.map((r) => (
            <option key={r.id} value={r.id}>
              {label(r)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col text-sm font-medium">
        <label htmlFor="compare-head">Newer scan</label>
        <select id="compare-head" name="head" defaultValue={head ?? reports[0]?.id} className={selectClass}>
          {reports.map((r) => (
            <option key={r.id} value={r.id}>
              {label(r)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800">
        Compare
      </button>
    </form>
  );
}
