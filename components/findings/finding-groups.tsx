'use client';

import { useState } from 'react';
import type { Finding } from '@/lib/model/finding';
import { isIdentity, type Slot } from '@/lib/model/text';
import { groupByAdvice, type AdvicePart } from '@/lib/report/advice';
import { groupFindings, type Grouping } from '@/lib/report/group';
import { SeverityBadge } from '../ui/badge';
import { FindingItem } from '../impact/finding-item';

/** Findings shown at first in a group, and how many more each "Show more" adds: a long group never renders all. */
const PAGE = 25;
const MORE = 100;

function ShowMore({ shown, total, onMore }: { shown: number; total: number; onMore: () => void }) {
  if (total <= shown) return null;
  return (
    <button
      type="button"
      onClick={onMore}
      className="no-print mb-3 ml-3 text-sm text-sky-700 underline dark:text-sky-300"
    >
      Show {Math.min(MORE, total - shown)} more of {total - shown}
    </button>
  );
}

/** Advice said once: shared values as they are, values particular to each object as a marked placeholder. */
function AdviceView({ advice }: { advice: AdvicePart[] }) {
  return (
    <>
      {advice.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : 'slot' in part ? (
          <span
            key={i}
            data-slot={part.slot.kind}
            className={isIdentity(part.slot) ? 'font-mono text-[0.95em] break-all' : 'break-all'}
          >
            {part.slot.value}
          </span>
        ) : (
          <em key={i} className="rounded bg-slate-200 px-1 not-italic dark:bg-slate-800" data-varies={part.varies}>
            ‹{part.varies} of each object›
          </em>
        ),
      )}
    </>
  );
}

/** A change's findings: each piece of advice once, the objects it applies to under it. */
function ByAdvice({ findings, printing }: { findings: Finding[]; printing: boolean }) {
  const [limit, setLimit] = useState(PAGE);
  const shown = printing ? findings.length : limit;
  // Each piece of advice with as many of its findings as still fit in `shown`.
  const slices: { advice: AdvicePart[]; total: number; take: Finding[]; specifics: Slot[][] }[] = [];
  let left = shown;
  for (const g of groupByAdvice(findings)) {
    if (left <= 0) break;
    const take = g.findings.slice(0, left);
    left -= take.length;
    slices.push({ advice: g.advice, total: g.findings.length, take, specifics: g.specifics });
  }
  return (
    <div className="space-y-3 px-3 pb-3">
      {slices.map(({ advice, total, take, specifics }, i) => {
        return (
          <div key={i} data-testid="advice-group">
            <p className="mb-2 rounded-md bg-slate-50 p-2 text-sm dark:bg-slate-900">
              <strong>What to do</strong>
              {total > 1 ? ` (${total} objects)` : ''}: <AdviceView advice={advice} />
            </p>
            <ul className="space-y-2">
              {take.map((f, j) => (
                <li key={f.id}>
                  <FindingItem finding={f} hideAdvice specifics={specifics[j]} />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <ShowMore shown={shown} total={findings.length} onMore={() => setLimit((n) => n + MORE)} />
    </div>
  );
}

function Plain({ findings, printing }: { findings: Finding[]; printing: boolean }) {
  const [limit, setLimit] = useState(PAGE);
  const shown = printing ? findings.length : limit;
  return (
    <>
      <ul className="space-y-2 px-3 pb-3">
        {findings.slice(0, shown).map((f) => (
          <li key={f.id}>
            <FindingItem finding={f} />
          </li>
        ))}
      </ul>
      <ShowMore shown={shown} total={findings.length} onMore={() => setLimit((n) => n + MORE)} />
    </>
  );
}

/** The grouped view: groups by severity, change, namespace, owner or Helm release; by change, advice is shown once. */
export function FindingGroups({
  findings,
  by,
  changeTitle,
  printing,
}: {
  findings: Finding[];
  by: Grouping;
  changeTitle: (id: string) => string;
  printing: boolean;
}) {
  const groups = groupFindings(findings, by, by === 'change' ? changeTitle : undefined);
  return (
    <div className="space-y-2">
      {groups.map((g, i) => (
        <details
          key={`${by}:${g.key}`}
          open={i === 0 || groups.length === 1 || printing}
          className="rounded-lg border border-slate-200 dark:border-slate-800"
          data-testid="finding-group"
        >
          <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2 font-medium">
            <SeverityBadge severity={g.worstSeverity} />
            <span className="break-all">
              {by === 'severity' ? g.label.charAt(0).toUpperCase() + g.label.slice(1) : g.label}
            </span>
            <span className="text-sm text-slate-500 dark:text-slate-400">
              {g.findings.length} finding{g.findings.length === 1 ? '' : 's'}
            </span>
          </summary>
          {by === 'change' ? (
            <ByAdvice findings={g.findings} printing={printing} />
          ) : (
            <Plain findings={g.findings} printing={printing} />
          )}
        </details>
      ))}
    </div>
  );
}
