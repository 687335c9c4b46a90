'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { ChangeSummary } from '@/lib/model/scan';
import type { ChangeImpact } from '@/lib/model/report';
import { SeverityBadge, Tag } from '../ui/badge';
import { TextView } from '../ui/text-view';

type Status = ChangeImpact['status'];
const statusLabels: Record<Status, string> = {
  affected: 'Affected',
  'not-detected': 'Not detected',
  'not-checked': 'Not checked',
};
const statusStyles: Record<Status, string> = {
  affected: 'text-red-800 dark:text-red-300',
  'not-detected': 'text-emerald-800 dark:text-emerald-300',
  'not-checked': 'text-slate-600 dark:text-slate-400',
};

function StatusText({ impact }: { impact: ChangeImpact }) {
  if (impact.status === 'affected') {
    return (
      <>
        affects {impact.objects} object{impact.objects === 1 ? '' : 's'} in your cluster
      </>
    );
  }
  if (impact.status === 'not-detected') return <>not detected</>;
  return (
    <>
      not checked
      {impact.reason ? (
        <>
          : <TextView text={impact.reason} />
        </>
      ) : null}
    </>
  );
}

/** Every change in scope with its status for this cluster. */
export function ChangeStatusList({
  impacts,
  changes,
}: {
  impacts: ChangeImpact[];
  changes: Map<string, ChangeSummary>;
}) {
  const [show, setShow] = useState<Status | 'all'>('affected');
  const counts = { affected: 0, 'not-detected': 0, 'not-checked': 0 };
  for (const i of impacts) counts[i.status] += 1;
  const rank = (i: ChangeImpact) =>
    ['breaking', 'action', 'info'].indexOf(i.worstSeverity ?? changes.get(i.changeId)?.severity ?? 'info');
  const visible = impacts
    .filter((i) => show === 'all' || i.status === show)
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (changes.get(a.changeId)?.release ?? '').localeCompare(changes.get(b.changeId)?.release ?? ''),
    );
  return (
    <section aria-labelledby="changes-heading" className="mt-8">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id="changes-heading" className="text-xl font-bold">
          Changes in scope ({impacts.length})
        </h2>
        <div role="group" aria-label="Show changes" className="no-print flex flex-wrap gap-1 text-sm">
          {(['affected', 'not-detected', 'not-checked', 'all'] as const).map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={show === s}
              onClick={() => setShow(s)}
              className={`rounded-md border px-2.5 py-1 ${show === s ? 'border-sky-700 bg-sky-50 dark:border-sky-400 dark:bg-sky-950' : 'border-slate-300 dark:border-slate-700'}`}
            >
              {s === 'all' ? `All (${impacts.length})` : `${statusLabels[s]} (${counts[s]})`}
            </button>
          ))}
        </div>
      </div>
      <ul
        className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
        data-testid="change-status-list"
      >
        {visible.map((impact) => {
          const change = changes.get(impact.changeId);
          return (
            <li
              key={impact.changeId}
              data-change-id={impact.changeId}
              data-status={impact.status}
              className="px-3 py-2"
            >
              <div className="flex flex-wrap items-center gap-2">
                <SeverityBadge severity={impact.worstSeverity ?? change?.severity ?? 'info'} />
                {change ? <Tag>{change.release}</Tag> : null}
                <Link href={`/changes/${impact.changeId}`} className="font-medium">
                  {change?.title ?? impact.changeId}
                </Link>
              </div>
              <p className={`mt-1 text-sm ${statusStyles[impact.status]}`}>
                <StatusText impact={impact} />
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
