import type { Severity } from '../model/catalog';
import type { Release } from '../model/releases';
import type { ChangeImpact } from '../model/report';

/**
 * The upgrade plan's shape and its Markdown checklist: what the browser needs (the plan itself is built on the
 * server by upgrade-plan.ts from the catalog).
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

/** How each phase is headed, in the checklist on screen and in Markdown. */
export const PHASE_HEADING: Record<PlanPhase, string> = {
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
