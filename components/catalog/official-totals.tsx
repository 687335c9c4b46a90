import type { StageReconciliation } from '@/lib/catalog/reconcile';
import type { Change } from '@/lib/catalog/schema';
import { HeaderRow } from '../ui/header-row';

function Entries({ changes }: { changes: Change[] }) {
  return (
    <ul className="mt-1 list-disc space-y-0.5 pl-5">
      {changes.map((c) => (
        <li key={c.id}>
          <a href={`/changes/${c.id}`}>
            KEP-{c.kep}: {c.title}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Why one row differs from the announcement, naming the entries. */
function Reconciliation({ row }: { row: StageReconciliation }) {
  const { announced, catalogued, linked, unlinked, difference } = row;
  if (announced === undefined || difference === undefined) return null;
  return (
    <details className="py-1" data-testid="stage-reconciliation">
      <summary className="cursor-pointer">
        {row.label}: {announced} announced, {catalogued} in the catalog
        {difference === 0 ? '' : difference > 0 ? ` (${difference} fewer)` : ` (${-difference} more)`}
      </summary>
      <div className="pl-4">
        <p>
          The announcement links {linked.length} of the catalog’s {catalogued} {row.label.toLowerCase()} KEPs.
          {difference > 0
            ? ` It counts ${difference} more than the catalog holds at this stage without naming them, and the release team's tracking list is not public; the catalog lists a KEP only with evidence that it moved in this release.`
            : ''}
        </p>
        {unlinked.length > 0 ? (
          <>
            <p className="mt-1">
              {unlinked.length} {unlinked.length === 1 ? 'is' : 'are'} in the catalog without being named by the
              announcement, because their feature gate or the release notes show them moving in this release:
            </p>
            <Entries changes={unlinked} />
          </>
        ) : null}
      </div>
    </details>
  );
}

/** The announcement's totals beside the catalog's KEP-tracked entries, each difference reconciled by name. */
export function OfficialTotals({
  rows,
  total,
  catalogued,
}: {
  rows: StageReconciliation[];
  total: number;
  catalogued: number;
}) {
  return (
    <div>
      <table className="w-full text-sm">
        <caption className="mb-1 text-left text-sm font-semibold text-slate-700 dark:text-slate-300">
          Announced enhancements beside the KEPs in our catalog
        </caption>
        <thead>
          <HeaderRow
            className="text-left text-slate-600 dark:text-slate-400"
            cell="py-1 font-medium"
            columns={[
              { label: 'Stage' },
              { label: 'Announced', numeric: true },
              { label: 'In catalog', numeric: true },
            ]}
          />
        </thead>
        <tbody className="tabular-nums">
          {rows.map((r) => (
            <tr key={r.label} className="border-t border-slate-100 dark:border-slate-800">
              <th scope="row" className="py-1 text-left font-normal">
                {r.label}
              </th>
              <td className="py-1 text-right">{r.announced}</td>
              <td className="py-1 text-right">{r.catalogued}</td>
            </tr>
          ))}
          <tr className="border-t border-slate-200 font-semibold dark:border-slate-700">
            <th scope="row" className="py-1 text-left">
              Total
            </th>
            <td className="py-1 text-right">{total}</td>
            <td className="py-1 text-right">{catalogued}</td>
          </tr>
        </tbody>
      </table>
      <div className="mt-2 text-xs leading-relaxed text-slate-600 dark:text-slate-400">
        {rows.map((r) => (
          <Reconciliation key={r.label} row={r} />
        ))}
      </div>
    </div>
  );
}
