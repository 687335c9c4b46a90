import type { FleetVerdict } from '@/lib/model/fleet';
import { VERDICT_LABEL } from '@/lib/fleet/labels';

const STYLE: Record<FleetVerdict, string> = {
  blocked: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-200 dark:ring-red-400/40',
  'ready-with-actions':
    'bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/40',
  ready:
    'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-400/40',
  unknown: 'bg-slate-50 text-slate-700 ring-slate-500/25 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-500/40',
  'no-report':
    'bg-slate-50 text-slate-700 ring-slate-500/25 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-500/40',
};

/** Where a cluster stands for its target. */
export function VerdictBadge({ verdict }: { verdict: FleetVerdict }) {
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLE[verdict]}`}
    >
      {VERDICT_LABEL[verdict]}
    </span>
  );
}
