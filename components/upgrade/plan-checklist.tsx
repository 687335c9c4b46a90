'use client';

import Link from 'next/link';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { PHASE_HEADING, PLAN_PHASES, planMarkdown, type PlanItem, type PlanStep } from '@/lib/catalog/plan-model';
import { windowEvents } from '@/lib/query/window-events';
import { SeverityBadge } from '../ui/badge';

/** Fired on window when this tab changes a plan's ticks (the storage event only reaches other tabs). */
const CHANGED = 'release-lens:plan';

const subscribe = windowEvents(CHANGED, 'storage');

function readStored(key: string): string {
  try {
    return window.localStorage.getItem(key) ?? '[]';
  } catch {
    // Storage switched off: ticks last as long as the page.
    return '[]';
  }
}

function parseTicks(raw: string): Set<string> {
  try {
    const parsed: unknown = JSON.parse(raw);
    return new Set(
      Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string').slice(0, 2000) : [],
    );
  } catch {
    return new Set();
  }
}

/** The ticked items of a plan, kept in local storage under `key` (per path, and per report when one is open). */
function useTicks(key: string): [Set<string>, (id: string, on: boolean) => void, () => void] {
  const raw = useSyncExternalStore(
    subscribe,
    () => readStored(key),
    () => '[]',
  );
  const ticks = useMemo(() => parseTicks(raw), [raw]);
  const write = useCallback(
    (next: Set<string>) => {
      try {
        window.localStorage.setItem(key, JSON.stringify([...next]));
      } catch {
        // Nothing to keep it in; the page still works.
      }
      window.dispatchEvent(new Event(CHANGED));
    },
    [key],
  );
  const set = useCallback(
    (id: string, on: boolean) => {
      const next = parseTicks(readStored(key));
      if (on) next.add(id);
      else next.delete(id);
      write(next);
    },
    [key, write],
  );
  return [ticks, set, () => write(new Set())];
}

function ImpactNote({ item, cluster }: { item: PlanItem; cluster?: string }) {
  if (!item.impact || cluster === undefined) return null;
  const { impact } = item;
  if (impact.status === 'affected') {
    return (
      <span className="ml-1 rounded bg-red-100 px-1.5 text-xs font-medium text-red-900 dark:bg-red-950 dark:text-red-200">
        affects {impact.objects} object{impact.objects === 1 ? '' : 's'}
      </span>
    );
  }
  return (
    <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">
      {impact.status === 'not-detected' ? 'not found in this cluster' : 'not checked by the scan'}
    </span>
  );
}

interface Props {
  steps: PlanStep[];
  from: string;
  to: string;
  /** The report that personalizes the plan: its cluster's name and its page. */
  report?: { id: string; cluster: string };
}

/**
 * The upgrade plan as a checklist: per step and phase, each item a checkbox whose state stays in this browser, and
 * the whole plan as a Markdown checklist to download.
 */
export function PlanChecklist({ steps, from, to, report }: Props) {
  const key = `release-lens:plan:${from}-${to}${report ? `:${report.id}` : ''}`;
  const [ticks, setTick, reset] = useTicks(key);
  const all = steps.flatMap((s) => PLAN_PHASES.flatMap((p) => s.items[p]));
  const done = all.filter((i) => ticks.has(i.id)).length;
  const download = () => {
    const md = planMarkdown(steps, ticks, {
      from,
      to,
      url: window.location.href,
      ...(report ? { cluster: report.cluster } : {}),
    });
    const url = URL.createObjectURL(new Blob([md], { type: 'text/markdown' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `upgrade-plan-${from}-to-${to}.md`;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section aria-labelledby="plan-heading" data-testid="upgrade-plan">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 id="plan-heading" className="text-lg font-semibold">
          The plan, step by step
        </h2>
        <div className="no-print flex flex-wrap items-center gap-3 text-sm">
          <span data-testid="plan-progress" aria-live="polite">
            {done} of {all.length} done
          </span>
          <button
            type="button"
            onClick={download}
            className="rounded-md bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800"
          >
            Download as a Markdown checklist
          </button>
          <button type="button" onClick={reset} className="text-sky-700 underline dark:text-sky-300">
            Untick all
          </button>
        </div>
      </div>
      {report ? (
        <p className="mb-4 text-sm" data-testid="plan-personalized">
          Personalized for <Link href={`/reports/${report.id}`}>{report.cluster}</Link>: what the scan found comes first
          in each phase.
        </p>
      ) : null}
      <ol className="space-y-6">
        {steps.map((step) => (
          <li key={step.to} data-testid="plan-step" data-step={`${step.from}-${step.to}`}>
            <h3 className="mb-2 text-base font-bold">
              Step: {step.from} → {step.to}
            </h3>
            {PLAN_PHASES.map((phase) =>
              step.items[phase].length === 0 ? null : (
                <fieldset key={phase} className="mb-4" data-phase={phase}>
                  <legend className="mb-1 text-sm font-semibold text-slate-700 dark:text-slate-300">
                    {PHASE_HEADING[phase]} ({step.items[phase].length})
                  </legend>
                  <ul className="space-y-1.5">
                    {step.items[phase].map((item) => (
                      <li key={item.id} data-item={item.id}>
                        <label className="flex items-start gap-2 text-sm">
                          <input
                            type="checkbox"
                            className="mt-1 accent-sky-600"
                            checked={ticks.has(item.id)}
                            onChange={(e) => setTick(item.id, e.target.checked)}
                          />
                          <span className={ticks.has(item.id) ? 'text-slate-500 line-through dark:text-slate-500' : ''}>
                            {item.change ? (
                              <>
                                <SeverityBadge severity={item.change.severity} />{' '}
                                <Link href={`/changes/${item.change.id}`} className="font-medium">
                                  {item.change.title}
                                </Link>
                                <ImpactNote item={item} {...(report ? { cluster: report.cluster } : {})} />:{' '}
                              </>
                            ) : null}
                            {item.text}
                          </span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              ),
            )}
            {step.goodToKnow.length > 0 ? (
              <details className="text-sm">
                <summary className="cursor-pointer">Good to know, nothing to do ({step.goodToKnow.length})</summary>
                <ul className="mt-1 list-disc pl-6">
                  {step.goodToKnow.map((c) => (
                    <li key={c.id}>
                      <Link href={`/changes/${c.id}`}>{c.title}</Link>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
