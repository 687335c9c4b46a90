import Link from 'next/link';
import type { Change } from '@/lib/catalog/schema';
import { SeverityBadge } from '../ui/badge';

/** One change on one line, for the compact list: severity, title, release, stage and SIG. */
export function ChangeRow({ change }: { change: Change }) {
  return (
    <li
      data-testid="change-row"
      data-change-id={change.id}
      className="grid grid-cols-[6.5rem_1fr] items-baseline gap-x-2 border-b border-slate-200 py-1.5 text-sm sm:grid-cols-[6.5rem_1fr_3rem_4.5rem_9rem] dark:border-slate-800"
    >
      <SeverityBadge severity={change.severity} />
      <Link href={`/changes/${change.id}`} className="min-w-0 truncate" title={change.title}>
        {change.title}
      </Link>
      <span className="col-start-2 text-xs text-slate-600 sm:col-start-auto dark:text-slate-400">
        {change.release}
        <span className="sm:hidden">
          {change.stage ? ` · ${change.stage}` : ''} · {change.sig}
        </span>
      </span>
      <span className="hidden text-xs text-slate-600 sm:inline dark:text-slate-400">{change.stage ?? ''}</span>
      <span className="hidden truncate text-xs text-slate-600 sm:inline dark:text-slate-400">{change.sig}</span>
    </li>
  );
}
