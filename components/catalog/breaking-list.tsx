import Link from 'next/link';
import type { Change } from '@/lib/catalog/schema';
import { StageBadge, Tag } from '../ui/badge';

/** A compact list of breaking changes, one line each. */
export function BreakingList({ changes }: { changes: Change[] }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
      {changes.map((c) => (
        <li key={c.id} className="flex flex-wrap items-center gap-2 px-3 py-2">
          <Tag>{c.release}</Tag>
          <Link href={`/changes/${c.id}`} className="flex-1 font-medium no-underline hover:underline">
            {c.title}
          </Link>
          {c.stage ? <StageBadge stage={c.stage} /> : null}
          <span className="text-xs text-slate-500 dark:text-slate-400">{c.sig}</span>
        </li>
      ))}
    </ul>
  );
}
