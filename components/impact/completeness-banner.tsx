import type { Report } from '@/lib/model/report';
import { completenessOf } from '@/lib/report/completeness';

const STYLE = {
  complete:
    'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50',
  incomplete: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50',
  unusable: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50',
} as const;

/** The first thing a report says: how complete the scan was, so a partial scan never passes for a clean one. */
export function CompletenessBanner({ report }: { report: Report }) {
  const c = completenessOf(report);
  return (
    <div
      role={c.status === 'complete' ? 'status' : 'alert'}
      data-testid="completeness"
      data-status={c.status}
      className={`mb-4 rounded-lg border p-3 text-sm ${STYLE[c.status]}`}
    >
      <p className="font-semibold">{c.headline}</p>
      {c.status !== 'complete' ? (
        <p className="mt-1">
          {c.unreadable.length > 0 ? <>Could not read: {c.unreadable.join(', ')}. </> : null}
          {c.partial.length > 0 ? <>Read in some namespaces only: {c.partial.join(', ')}. </> : null}
          {c.blindChecks.length > 0 ? <>Blind checks: {c.blindChecks.join(', ')}. </> : null}
          <a href="#coverage-heading">Coverage details</a>
        </p>
      ) : null}
    </div>
  );
}
