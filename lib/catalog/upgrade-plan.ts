import type { Severity } from '../model/catalog';
import { SEVERITIES } from '../model/catalog';
import type { Release } from '../model/releases';
import type { ChangeImpact } from '../model/report';
import type { Change } from './schema';
import { compareChanges } from './query';
import { releasesBetween } from './upgrade-path';

/**
 * The upgrade as a plan: one step per minor crossed (1.23 → 1.24, then 1.24 → 1.25), each with what to do before
 * the control plane moves, during the upgrade, and after it. Items are checkable; a report personalizes the plan.
 */

export const PLAN_PHASES = ['before', 'during', 'after'] as const;
export type PlanPhase = (typeof PLAN_PHASES)[number];

/** How a report saw one change: affected (how many objects), not found, or not checked. */
export interface PlanImpact {
  status: ChangeImpact['status'];
  objects: number;
  worstSeverity?: Severity;
}

export interface PlanItem {
  /** Stable across visits: the checkbox state is kept under it. */
  id: string;
  phase: PlanPhase;
  text: string;
  /** The catalog change the item comes from; none for the steps every upgrade has. */
  change?: { id: string; title: string; severity: Severity };
  impact?: PlanImpact;
}

export interface PlanStep {
  from: string;
  to: Release;
  items: Record<PlanPhase, PlanItem[]>;
  /** Changes with nothing to do at this step, listed apart ("good to know"). */
  goodToKnow: { id: string; title: string }[];
}

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

const PHASE_HEADING: Record<PlanPhase, string> = {
  before: 'Before the control plane moves',
  during: 'During the upgrade',
  after: 'After the upgrade',
};

/** One line of text for Markdown: no line breaks, and no character that starts Markdown syntax mid-line. */
function mdLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_[\]<>|#])/g, '\\$1')
    .trim();
}

function impactText(impact: PlanImpact | undefined, cluster: string | undefined): string {
  if (!impact || cluster === undefined) return '';
  if (impact.status === 'affected')
    return ` (affects ${impact.objects} object${impact.objects === 1 ? '' : 's'} in ${mdLine(cluster)})`;
  if (impact.status === 'not-detected') return ` (not found in ${mdLine(cluster)})`;
  return ' (not checked by the scan)';
}

/**
 * The plan as a Markdown checklist, ticked where `done` says so. `cluster` names the report's cluster when the plan
 * is personalized; `url` links back to the plan.
 */
export function planMarkdown(
  steps: readonly PlanStep[],
  done: ReadonlySet<string>,
  options: { from: string; to: string; url?: string; cluster?: string } = { from: '', to: '' },
): string {
  const lines = [`# Upgrade plan: Kubernetes ${options.from} → ${options.to}`, ''];
  if (options.cluster !== undefined) lines.push(`Personalized for ${mdLine(options.cluster)}.`, '');
  if (options.url) lines.push(`From Release Lens: ${options.url}`, '');
  for (const step of steps) {
    lines.push(`## ${step.from} → ${step.to}`, '');
    for (const phase of PLAN_PHASES) {
      const items = step.items[phase];
      if (items.length === 0) continue;
      lines.push(`### ${PHASE_HEADING[phase]}`, '');
      for (const item of items) {
        const head = item.change ? `**${mdLine(item.change.title)}** (${item.change.severity}): ` : '';
        lines.push(
          `- [${done.has(item.id) ? 'x' : ' '}] ${head}${mdLine(item.text)}${impactText(item.impact, options.cluster)}`,
        );
      }
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
