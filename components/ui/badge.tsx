import type { Severity, Stage } from '@/lib/model/catalog';

const base =
  'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap';

const severityStyles: Record<Severity, string> = {
  breaking: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-200 dark:ring-red-400/40',
  action: 'bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/40',
  info: 'bg-sky-50 text-sky-800 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-400/40',
};

const severityLabels: Record<Severity, string> = { breaking: 'Breaking', action: 'Action', info: 'Info' };

/** Breaking / Action / Info. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span className={`${base} ${severityStyles[severity]}`}>{severityLabels[severity]}</span>;
}

const stageStyles: Record<Stage, string> = {
  alpha:
    'bg-violet-50 text-violet-800 ring-violet-600/30 dark:bg-violet-950 dark:text-violet-200 dark:ring-violet-400/40',
  beta: 'bg-blue-50 text-blue-800 ring-blue-600/30 dark:bg-blue-950 dark:text-blue-200 dark:ring-blue-400/40',
  stable:
    'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-400/40',
  deprecated:
    'bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/40',
  removed: 'bg-rose-50 text-rose-800 ring-rose-600/30 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-400/40',
};

/** The stage a change reached in its release. */
export function StageBadge({ stage }: { stage: Stage }) {
  return <span className={`${base} ${stageStyles[stage]}`}>{stage}</span>;
}

/** A neutral label such as a release, SIG or kind. */
export function Tag({ children }: { children: React.ReactNode }) {
  return (
    <span
      className={`${base} bg-slate-50 text-slate-700 ring-slate-500/25 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-500/40`}
    >
      {children}
    </span>
  );
}
