import { join, slot, t, type Text } from '../model/text';
import type { RuleRun } from '../model/report';
import type { Finding } from '../model/finding';
import type { Rule, RuleContext } from '../rules/support/check';
import type { CoverageEntry, Snapshot } from '../model/snapshot';
import type { ResourceKey } from '../model/resources';

export interface RuleResult {
  run: RuleRun;
  findings: Finding[];
}

function missingInputs(rule: Rule, coverage: ReadonlyMap<ResourceKey, CoverageEntry>): ResourceKey[] {
  return rule.needs.filter((r) => {
    const entry = coverage.get(r);
    // An API the cluster does not serve cannot hold objects; that is a complete answer, not a blind spot.
    if (entry?.status === 'not-served') return false;
    return entry?.status !== 'ok' || entry.namespaces !== undefined;
  });
}

function describeOne(entry: CoverageEntry | undefined): Text {
  if (!entry) return t`not read`;
  if (entry.status === 'ok' && entry.namespaces) {
    return t`only namespace ${join(entry.namespaces.map((n) => slot('namespace', n)))}`;
  }
  return t`${entry.status}`;
}

function describeMissing(missing: ResourceKey[], coverage: ReadonlyMap<ResourceKey, CoverageEntry>): Text {
  return join(missing.map((r) => t`${r} (${describeOne(coverage.get(r))})`));
}

/**
 * Runs one rule. A rule whose inputs were only partly readable still runs (what it finds is real) but is marked
 * blind; a rule that throws is recorded as failed and does not stop the scan.
 */
export function runRule(
  rule: Rule,
  snapshot: Snapshot,
  ctx: RuleContext,
  coverage: ReadonlyMap<ResourceKey, CoverageEntry>,
): RuleResult {
  const missing = missingInputs(rule, coverage);
  const blindReason = rule.blindWhen?.(snapshot);
  try {
    const findings = rule.run(snapshot, ctx);
    const blind = missing.length > 0 || blindReason !== undefined;
    const message =
      blindReason ?? (missing.length > 0 ? t`could not read ${describeMissing(missing, coverage)}` : undefined);
    return {
      findings,
      run: {
        ruleId: rule.id,
        status: blind ? 'blind' : 'ran',
        findings: findings.length,
        missing,
        ...(message === undefined ? {} : { message }),
      },
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      findings: [],
      run: {
        ruleId: rule.id,
        status: 'failed',
        findings: 0,
        missing,
        message: t`the check failed: ${slot('value', reason)}`,
      },
    };
  }
}
