import type { Report } from '@/lib/model/report';
import { TextView } from '../ui/text-view';
import { HeaderRow } from '../ui/header-row';

/** What the scan could not read, and which checks were blind because of it. Nothing is skipped silently. */
export function CoveragePanel({ report }: { report: Report }) {
  const gaps = report.coverage.filter((c) => (c.status !== 'ok' && c.status !== 'not-served') || c.namespaces);
  const blind = report.rules.filter((r) => r.status !== 'ran');
  const read = report.coverage.filter((c) => c.status === 'ok');
  return (
    <section id="coverage" aria-labelledby="coverage-heading" className="mt-8 scroll-mt-4" data-testid="coverage-panel">
      <h2 id="coverage-heading" className="mb-2 text-xl font-bold">
        Coverage
      </h2>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        Read {read.length} of {report.coverage.length} resource types ({read.reduce((n, c) => n + c.count, 0)} objects).
        {gaps.length === 0 && blind.length === 0 ? ' Every check had the input it needs.' : null}
      </p>
      {gaps.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <caption className="mb-1 text-left font-semibold">Could not read</caption>
            <thead>
              <HeaderRow
                className="border-b border-slate-200 dark:border-slate-800"
                cell="py-1 pr-3"
                columns={[{ label: 'Resource' }, { label: 'Status' }, { label: 'Why' }]}
              />
            </thead>
            <tbody>
              {gaps.map((g) => (
                <tr
                  key={g.resource}
                  className="border-b border-slate-100 align-top dark:border-slate-800"
                  data-testid="coverage-gap"
                  data-resource={g.resource}
                  data-status={g.status === 'ok' ? 'partial' : g.status}
                >
                  <th scope="row" className="py-1 pr-3 font-mono font-normal">
                    {g.resource}
                  </th>
                  <td className="py-1 pr-3">{g.status === 'ok' ? 'partial' : g.status}</td>
                  <td className="py-1 break-words">
                    <TextView text={g.message} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {blind.length > 0 ? (
        <div className="mt-4">
          <h3 className="mb-1 font-semibold">Checks that could not see everything</h3>
          <ul className="list-disc pl-5 text-sm">
            {blind.map((r) => (
              <li key={r.ruleId} data-testid="blind-rule">
                <code>{r.ruleId}</code> ({r.status}): <TextView text={r.message} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.notes.length > 0 ? (
        <div className="mt-4">
          <h3 className="mb-1 font-semibold">Notes</h3>
          <ul className="list-disc pl-5 text-sm">
            {report.notes.map((n, i) => (
              <li key={i} data-testid="report-note">
                <TextView text={n.message} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
