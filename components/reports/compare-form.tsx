import { defaultPair, pickLabel, type PickableReport } from '@/lib/report/compare-pick';

const selectClass =
  'mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900';

/** Pick two saved reports of one cluster to compare (a plain GET form: works without JavaScript). */
export function CompareForm({ reports, base, head }: { reports: PickableReport[]; base?: string; head?: string }) {
  const pair = defaultPair(reports);
  return (
    <form method="get" action="/reports/compare" className="no-print flex flex-wrap items-end gap-3">
      {(
        [
          { id: 'compare-base', name: 'base', label: 'Older scan', value: base ?? pair.base },
          { id: 'compare-head', name: 'head', label: 'Newer scan', value: head ?? pair.head },
        ] as const
      ).map((field) => (
        <div key={field.id} className="flex flex-col text-sm font-medium">
          <label htmlFor={field.id}>{field.label}</label>
          <select id={field.id} name={field.name} defaultValue={field.value} className={selectClass}>
            {reports.map((r) => (
              <option key={r.id} value={r.id}>
                {pickLabel(r)}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button type="submit" className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800">
        Compare
      </button>
    </form>
  );
}
