import Link from 'next/link';
import type { Change } from '@/lib/catalog/schema';
import { SeverityBadge, StageBadge, Tag } from '../ui/badge';

/** One change in a list: title, badges and the first sentence of the summary. */
export function ChangeCard({ change }: { change: Change }) {
  return (
    <article
      data-testid="change-card"
      data-change-id={change.id}
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mb-2 flex flex-wrap items-center gap-1.5">
        <SeverityBadge severity={change.severity} />
        {change.stage ? <StageBadge stage={change.stage} /> : null}
        <Tag>{change.release}</Tag>
        <Tag>{change.sig}</Tag>
        <Tag>{change.kind}</Tag>
        {change.kep ? <Tag>KEP-{change.kep}</Tag> : null}
      </div>
      <h2 className="text-base font-semibold">
        <Link href={`/changes/${change.id}`} className="no-underline hover:underline">
          {change.title}
        </Link>
      </h2>
      <p className="mt-1 line-clamp-2 text-sm text-slate-600 dark:text-slate-400">{change.summary}</p>
    </article>
  );
}
