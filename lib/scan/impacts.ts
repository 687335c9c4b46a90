import { fixed, join, t, type Text } from '../model/text';
import type { Change } from '../catalog/schema';
import type { Severity } from '../model/catalog';
import { SEVERITIES } from '../model/catalog';
import type { ChangeImpact, RuleRun } from '../model/report';
import type { Finding } from '../model/finding';

const objectKey = (f: Finding) =>
  [f.object.apiVersion, f.object.kind, f.object.namespace ?? '', f.object.name].join('/');

function worst(findings: readonly Finding[]): Severity | undefined {
  return SEVERITIES.find((s) => findings.some((f) => f.severity === s));
}

/** Why a change could not be judged: which of its checks were blind or failed, and on what. */
function blindReason(runs: RuleRun[]): Text | undefined {
  const gaps = runs.filter((r) => r.status !== 'ran');
  if (gaps.length === 0) return undefined;
  return join(
    gaps.map((r) => t`${fixed(r.ruleId)}: ${r.message ?? t`${r.status}`}`),
    '; ',
  );
}

/**
 * Marks each change in scope: affected (with the number of distinct objects), not detected (every check that looks
 * for it ran on complete input and found nothing), or not checked (with the reason).
 */
export function changeImpacts(
  changes: readonly Change[],
  findings: readonly Finding[],
  runs: ReadonlyMap<string, RuleRun>,
): ChangeImpact[] {
  return changes.map((change): ChangeImpact => {
    const own = findings.filter((f) => f.changeId === change.id);
    const detecting = change.detectedBy.map((id) => runs.get(id)).filter((r): r is RuleRun => r !== undefined);
    const reason = blindReason(detecting);
    if (own.length > 0) {
      const severity = worst(own);
      return {
        changeId: change.id,
        status: 'affected',
        objects: new Set(own.map(objectKey)).size,
        ...(severity ? { worstSeverity: severity } : {}),
        ...(reason ? { reason: t`Findings may be incomplete: ${reason}` } : {}),
      };
    }
    if (change.detectedBy.length === 0) {
      return {
        changeId: change.id,
        status: 'not-checked',
        objects: 0,
        reason: t`Not observable from the API: ${fixed(change.notObservable ?? '')}`,
      };
    }
    if (detecting.length === 0) {
      return {
        changeId: change.id,
        status: 'not-checked',
        objects: 0,
        reason: t`No check for this change is installed.`,
      };
    }
    if (reason) return { changeId: change.id, status: 'not-checked', objects: 0, reason };
    return { changeId: change.id, status: 'not-detected', objects: 0 };
  });
}
