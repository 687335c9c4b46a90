'use client';

import type { MouseEvent } from 'react';
import { SEVERITIES, type Severity } from '@/lib/model/catalog';
import { planQuery } from '@/lib/report/plan-link';
import type { Report } from '@/lib/model/report';
import type { ChangeSummary } from '@/lib/model/scan';
import { phaseQuery, readinessOf, type Phase, type Readiness } from '@/lib/report/readiness';
import { emptyQuery, NONE, withFacet, type FindingQuery } from '@/lib/report/workbench';
import { hrefFor } from './use-finding-query';

const VERDICT: Record<Readiness['verdict'], { text: (r: Readiness) => string; className: string }> = {
  blocked: {
    text: (r) =>
      `Not yet: ${r.phases.blocker.findings} finding${r.phases.blocker.findings === 1 ? '' : 's'} in ${r.phases.blocker.changeIds.length} change${r.phases.blocker.changeIds.length === 1 ? '' : 's'} block the upgrade.`,
    className: 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950',
  },
  'ready-with-actions': {
    text: () => 'Yes, with the actions below: nothing found blocks it.',
    className: 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950',
  },
  ready: {
    text: () => 'Yes: no finding, and every check ran on complete input.',
    className: 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950',
  },
  unknown: {
    text: () => 'Cannot tell yet: the scan could not read everything its checks need.',
    className: 'border-slate-300 bg-slate-50 dark:border-slate-700 dark:bg-slate-900',
  },
};

const PHASES: { phase: Phase; label: string; hint: string }[] = [
  { phase: 'blocker', label: 'Blockers', hint: 'breaking findings, fix before the upgrade' },
  { phase: 'before', label: 'Before the upgrade', hint: 'actions to take before the control plane moves' },
  { phase: 'after', label: 'After the upgrade', hint: 'actions to take once it runs the target' },
];

const SEGMENT: Record<Severity, string> = {
  breaking: 'fill-red-600 dark:fill-red-400',
  action: 'fill-amber-500 dark:fill-amber-300',
  info: 'fill-sky-600 dark:fill-sky-400',
};

interface Props {
  report: Report;
  changes: readonly ChangeSummary[];
  /** Applies a query to the findings below and brings them into view. */
  onShow: (query: FindingQuery) => void;
}

function QueryLink({
  query,
  onShow,
  children,
  label,
}: {
  query: FindingQuery;
  onShow: Props['onShow'];
  children: React.ReactNode;
  label?: string;
}) {
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    onShow(query);
  };
  return (
    <a href={hrefFor(query, '#findings')} onClick={open} aria-label={label} className="underline-offset-2">
      {children}
    </a>
  );
}

/** One stacked bar: a segment per severity, drawn with SVG attributes (no inline styles: strict CSP). */
function StackedBar({ counts, max }: { counts: Record<Severity, number>; max: number }) {
  const segments: { severity: Severity; x: number; width: number }[] = [];
  let x = 0;
  for (const severity of SEVERITIES) {
    const width = (counts[severity] / max) * 100;
    segments.push({ severity, x, width });
    x += width;
  }
  return (
    <svg aria-hidden="true" className="h-3 w-full" viewBox="0 0 100 10" preserveAspectRatio="none">
      <rect x="0" y="0" width="100" height="10" className="fill-slate-100 dark:fill-slate-800" />
      {segments.map((s) => (
        <rect key={s.severity} x={s.x} y="0" width={s.width} height="10" className={SEGMENT[s.severity]} />
      ))}
    </svg>
  );
}

function Bars({
  title,
  rows,
  onShow,
  testId,
}: {
  title: string;
  rows: { key: string; label: string; counts: Record<Severity, number>; total: number; query: FindingQuery }[];
  onShow: Props['onShow'];
  testId: string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.total));
  return (
    <figure data-testid={testId}>
      <figcaption className="mb-2 text-sm font-semibold">{title}</figcaption>
      <ul className="space-y-2">
        {rows.map((r) => (
          <li
            key={r.key}
            className="grid gap-1 text-sm sm:grid-cols-[minmax(0,14rem)_1fr_auto] sm:items-center sm:gap-2"
          >
            <span className="truncate" title={r.label}>
              <QueryLink query={r.query} onShow={onShow}>
                {r.label}
              </QueryLink>
            </span>
            <StackedBar counts={r.counts} max={max} />
            <span className="flex gap-2 text-xs tabular-nums">
              {SEVERITIES.filter((s) => r.counts[s] > 0).map((s) => (
                <QueryLink
                  key={s}
                  query={withFacet(r.query, 'severity', [s])}
                  onShow={onShow}
                  label={`${r.counts[s]} ${s} in ${r.label}`}
                >
                  {r.counts[s]} {s}
                </QueryLink>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/**
 * "Can I upgrade to the target today?": the verdict, blockers and the actions before and after the control-plane
 * upgrade, what could not be checked, and the findings by change and by namespace. Every number opens the findings
 * it counts.
 */
export function ReadinessPanel({ report, changes, onShow }: Props) {
  const r = readinessOf(report, changes);
  const verdict = VERDICT[r.verdict];
  const notChecked = r.notChecked.checks + r.notChecked.changes + r.notChecked.resources;
  return (
    <section aria-labelledby="readiness-heading" className="mt-6" data-testid="readiness">
      <div className={`rounded-lg border p-4 ${verdict.className}`}>
        <h2 id="readiness-heading" className="text-lg font-bold">
          Can I upgrade to {report.target} today?
        </h2>
        <p className="mt-1" data-testid="readiness-verdict" data-verdict={r.verdict}>
          {verdict.text(r)}
        </p>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {PHASES.map(({ phase, label, hint }) => (
            <div key={phase} className="rounded-md bg-white/70 p-2 dark:bg-slate-950/50" data-testid={`phase-${phase}`}>
              <dt className="text-xs font-medium text-slate-700 dark:text-slate-300" title={hint}>
                {label}
              </dt>
              <dd className="text-2xl font-bold tabular-nums">
                <QueryLink query={phaseQuery(r, phase)} onShow={onShow} label={`${r.phases[phase].findings} ${label}`}>
                  {r.phases[phase].findings}
                </QueryLink>
                <span className="ml-1 text-xs font-normal text-slate-600 dark:text-slate-400">
                  findings, {r.phases[phase].changeIds.length} change
                  {r.phases[phase].changeIds.length === 1 ? '' : 's'}
                </span>
              </dd>
            </div>
          ))}
          <div className="rounded-md bg-white/70 p-2 dark:bg-slate-950/50" data-testid="phase-not-checked">
            <dt className="text-xs font-medium text-slate-700 dark:text-slate-300">Could not be checked</dt>
            <dd className="text-2xl font-bold tabular-nums">
              <a href="#coverage">{notChecked}</a>
              <span className="ml-1 text-xs font-normal text-slate-600 dark:text-slate-400">
                {r.notChecked.checks} checks, {r.notChecked.changes} changes, {r.notChecked.resources} resource types
              </span>
            </dd>
          </div>
        </dl>
        {r.notChecked.byHand > 0 ? (
          <p className="mt-2 text-sm" data-testid="by-hand">
            {r.notChecked.byHand} change{r.notChecked.byHand === 1 ? '' : 's'} in scope cannot be seen by any scan
            (control-plane flags, node configuration): review them in{' '}
            <a href={`/upgrade?${planQuery(report)}`}>the upgrade plan</a>.
          </p>
        ) : null}
        {r.accepted > 0 ? (
          <p className="mt-2 text-sm">
            <QueryLink query={withFacet(emptyQuery(), 'state', ['accepted'])} onShow={onShow}>
              {r.accepted} accepted finding{r.accepted === 1 ? '' : 's'}
            </QueryLink>{' '}
            (in the ignore file, with a reason) are not counted above.
          </p>
        ) : null}
      </div>
      {r.byChange.length > 0 ? (
        <div className="mt-4 grid gap-6 lg:grid-cols-2">
          <Bars
            title="Findings by change and severity"
            testId="chart-by-change"
            onShow={onShow}
            rows={r.byChange.map((b) => ({
              key: b.changeId,
              label: b.title,
              counts: b.counts,
              total: b.total,
              query: withFacet(emptyQuery(), 'change', [b.changeId]),
            }))}
          />
          <Bars
            title="Findings by namespace (most affected first)"
            testId="chart-by-namespace"
            onShow={onShow}
            rows={r.byNamespace.map((b) => ({
              key: b.namespace,
              label: b.namespace === '' ? 'cluster-scoped' : b.namespace,
              counts: b.counts,
              total: b.total,
              query: withFacet(emptyQuery(), 'namespace', [b.namespace === '' ? NONE : b.namespace]),
            }))}
          />
        </div>
      ) : null}
    </section>
  );
}
