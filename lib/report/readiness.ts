import { SEVERITIES, type Severity } from '../model/catalog';
import type { Finding } from '../model/finding';
import type { Report } from '../model/report';
import type { ChangeSummary } from '../model/scan';
import { completenessOf } from './completeness';
import { emptyQuery, withFacet, type FindingQuery } from './workbench';

/**
 * "Can I upgrade to the target today?" read off a report: what blocks it, what to do before and after the control
 * plane moves, and what could not be checked. Accepted findings (the ignore file) count apart: they are known and
 * owned, not forgotten.
 */

/** When a finding's work happens: blocking, before the control-plane upgrade, after it, or nothing to do. */
export type Phase = 'blocker' | 'before' | 'after' | 'info';

export type ReadinessVerdict = 'blocked' | 'ready-with-actions' | 'ready' | 'unknown';

export interface ChangeBar {
  changeId: string;
  title: string;
  counts: Record<Severity, number>;
  total: number;
}

export interface NamespaceBar {
  /** The namespace, or '' for cluster-scoped objects. */
  namespace: string;
  counts: Record<Severity, number>;
  total: number;
}

export interface Readiness {
  verdict: ReadinessVerdict;
  /** Findings (not accepted) per phase, and the changes behind them. */
  phases: Record<Phase, { findings: number; changeIds: string[] }>;
  accepted: number;
  /**
   * Gaps of this scan: checks that ran blind or failed, observable changes it could not check, resource types it
   * could not read. `byHand` counts the changes no scan can observe (flags, node files): a person reviews those.
   */
  notChecked: { checks: number; changes: number; resources: number; byHand: number };
  byChange: ChangeBar[];
  byNamespace: NamespaceBar[];
}

const zero = (): Record<Severity, number> => ({ breaking: 0, action: 0, info: 0 });

/**
 * The phase of a finding: breaking blocks the upgrade; an action is done before the control plane moves when the
 * catalog names a step for before (or none at all), after it when the catalog only names a step for after.
 */
export function phaseOf(f: Finding, change: ChangeSummary | undefined): Phase {
  if (f.severity === 'breaking') return 'blocker';
  if (f.severity === 'info') return 'info';
  return change?.action.before === undefined && change?.action.after !== undefined ? 'after' : 'before';
}

/** The readiness of a report; `limit` caps the namespace bars (the rest are summed by the caller's link). */
export function readinessOf(report: Report, changes: readonly ChangeSummary[], limit = 12): Readiness {
  const byId = new Map(changes.map((c) => [c.id, c]));
  const phases: Record<Phase, { findings: number; changes: Set<string> }> = {
    blocker: { findings: 0, changes: new Set() },
    before: { findings: 0, changes: new Set() },
    after: { findings: 0, changes: new Set() },
    info: { findings: 0, changes: new Set() },
  };
  const bars = new Map<string, ChangeBar>();
  const namespaces = new Map<string, NamespaceBar>();
  let accepted = 0;
  for (const f of report.findings) {
    if (f.accepted) {
      accepted += 1;
    } else {
      const phase = phases[phaseOf(f, byId.get(f.changeId))];
      phase.findings += 1;
      phase.changes.add(f.changeId);
    }
    const bar = bars.get(f.changeId) ?? {
      changeId: f.changeId,
      title: byId.get(f.changeId)?.title ?? f.changeId,
      counts: zero(),
      total: 0,
    };
    bar.counts[f.severity] += 1;
    bar.total += 1;
    bars.set(f.changeId, bar);
    const ns = f.object.namespace ?? '';
    const nsBar = namespaces.get(ns) ?? { namespace: ns, counts: zero(), total: 0 };
    nsBar.counts[f.severity] += 1;
    nsBar.total += 1;
    namespaces.set(ns, nsBar);
  }
  const completeness = completenessOf(report);
  const unchecked = report.changes.filter((c) => c.status === 'not-checked');
  const observable = (id: string) => byId.get(id)?.observable !== false;
  const notChecked = {
    checks: completeness.blindChecks.length,
    changes: unchecked.filter((c) => observable(c.changeId)).length,
    resources: completeness.unreadable.length,
    byHand: unchecked.filter((c) => !observable(c.changeId)).length,
  };
  const verdict: ReadinessVerdict =
    completeness.status === 'unusable'
      ? 'unknown'
      : phases.blocker.findings > 0
        ? 'blocked'
        : phases.before.findings + phases.after.findings > 0
          ? 'ready-with-actions'
          : completeness.status === 'complete'
            ? 'ready'
            : 'unknown';
  const worstFirst = <T extends { counts: Record<Severity, number>; total: number }>(a: T, b: T) =>
    SEVERITIES.reduce((d, s) => d || b.counts[s] - a.counts[s], 0) || b.total - a.total;
  return {
    verdict,
    phases: Object.fromEntries(
      Object.entries(phases).map(([k, v]) => [k, { findings: v.findings, changeIds: [...v.changes].sort() }]),
    ) as Readiness['phases'],
    accepted,
    notChecked,
    byChange: [...bars.values()].sort((a, b) => worstFirst(a, b) || a.title.localeCompare(b.title)),
    byNamespace: [...namespaces.values()]
      .sort((a, b) => worstFirst(a, b) || a.namespace.localeCompare(b.namespace))
      .slice(0, limit),
  };
}

/** The workbench query that shows exactly the findings a readiness number counts. */
export function phaseQuery(readiness: Readiness, phase: Phase): FindingQuery {
  const severity = phase === 'blocker' ? 'breaking' : phase === 'info' ? 'info' : 'action';
  let query = withFacet(withFacet(emptyQuery(), 'severity', [severity]), 'state', ['open']);
  // Before and after split the actions by change: the changes of the phase pick them out.
  if (phase === 'before' || phase === 'after') query = withFacet(query, 'change', readiness.phases[phase].changeIds);
  return query;
}
