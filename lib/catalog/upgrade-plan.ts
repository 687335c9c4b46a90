import { SEVERITIES } from '../model/catalog';
import type { Release } from '../model/releases';
import type { ChangeImpact } from '../model/report';
import type { Change } from './schema';
import type { PlanImpact, PlanItem, PlanPhase, PlanStep } from './plan-model';
import { compareChanges } from './query';
import { releasesBetween } from './upgrade-path';

/**
 * The upgrade as a plan: one step per minor crossed (1.23 → 1.24, then 1.24 → 1.25), each with what to do before
 * the control plane moves, during the upgrade, and after it. Items are checkable; a report personalizes the plan.
 */

/** The steps every minor upgrade takes, in our words, for the "during" phase. */
function duringSteps(from: string, to: Release): PlanItem[] {
  const item = (key: string, text: string): PlanItem => ({ id: `${to}:during:${key}`, phase: 'during', text });
  return [
    item('etcd', `Take an etcd backup (or your provider's snapshot) before starting the ${from} → ${to} upgrade.`),
    item(
      'control-plane',
      `Upgrade the control plane to ${to} (every API server first, then controller-manager and scheduler); keep API servers within one minor of each other while they roll.`,
    ),
    item(
      'nodes',
      `Upgrade node pools to ${to}, draining each node first; kubelets may trail the API server but never run ahead of it.`,
    ),
    item(
      'addons',
      `Bring kube-proxy, CoreDNS and the other add-ons to versions that support ${to} (see the add-on table).`,
    ),
  ];
}

/** Actions the plan turns into checklist items: breaking and action changes, and any change a report found. */
function actionable(change: Change, impact: PlanImpact | undefined): boolean {
  return change.severity !== 'info' || impact?.status === 'affected';
}

/** Affected changes first (worst severity first), then the rest in catalog order; not-found changes last. */
function planOrder(impacts: ReadonlyMap<string, PlanImpact>) {
  const rank = (c: Change) => {
    const i = impacts.get(c.id);
    if (i?.status === 'affected') return SEVERITIES.indexOf(i.worstSeverity ?? 'info');
    if (i?.status === 'not-detected') return SEVERITIES.length + 1;
    return SEVERITIES.length;
  };
  return (a: Change, b: Change) => rank(a) - rank(b) || compareChanges(a, b);
}

/**
 * The plan from one minor to another. With `impacts` (from a report), each change item says how the cluster is
 * touched and affected ones come first; without, the plan is the catalog's.
 */
export function upgradePlan(
  changes: readonly Change[],
  from: string,
  to: string,
  impacts: ReadonlyMap<string, PlanImpact> = new Map(),
): PlanStep[] {
  const releases = releasesBetween(from, to);
  return releases.map((release, i) => {
    const stepFrom = i === 0 ? from : (releases[i - 1] ?? from);
    const inStep = changes.filter((c) => c.release === release).sort(planOrder(impacts));
    const items: Record<PlanPhase, PlanItem[]> = { before: [], during: duringSteps(stepFrom, release), after: [] };
    const goodToKnow: PlanStep['goodToKnow'] = [];
    for (const c of inStep) {
      const impact = impacts.get(c.id);
      if (!actionable(c, impact)) {
        goodToKnow.push({ id: c.id, title: c.title });
        continue;
      }
      const change = { id: c.id, title: c.title, severity: c.severity };
      for (const phase of ['before', 'after'] as const) {
        const text = c.action[phase];
        if (text === undefined) continue;
        items[phase].push({ id: `${release}:${phase}:${c.id}`, phase, text, change, ...(impact ? { impact } : {}) });
      }
    }
    return { from: stepFrom, to: release, items, goodToKnow };
  });
}

/** The impacts of a report's changes, keyed by change id. */
export function impactsOf(changes: readonly ChangeImpact[]): Map<string, PlanImpact> {
  return new Map(
    changes.map((c) => [
      c.changeId,
      { status: c.status, objects: c.objects, ...(c.worstSeverity ? { worstSeverity: c.worstSeverity } : {}) },
    ]),
  );
}
