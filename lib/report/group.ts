import { SEVERITIES, type Severity } from '../model/catalog';
import type { Finding } from '../model/finding';

export const GROUPINGS = ['severity', 'change', 'namespace', 'owner', 'helm'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface FindingGroup {
  key: string;
  label: string;
  findings: Finding[];
  worstSeverity: Severity;
}

const severityRank = (s: Severity) => SEVERITIES.indexOf(s);

function keyOf(f: Finding, by: Grouping): { key: string; label: string } {
  switch (by) {
    case 'severity':
      return { key: f.severity, label: f.severity };
    case 'change':
      return { key: f.changeId, label: f.changeId };
    case 'namespace':
      return f.object.namespace === undefined
        ? { key: '', label: 'Cluster-scoped objects' }
        : { key: f.object.namespace, label: f.object.namespace };
    case 'owner': {
      const o = f.owner ?? f.object;
      const ns = o.namespace === undefined ? '' : `${o.namespace}/`;
      return { key: `${o.kind}/${ns}${o.name}`, label: `${o.kind} ${ns}${o.name}` };
    }
    case 'helm':
      return f.helmRelease
        ? {
            key: `${f.helmRelease.namespace}/${f.helmRelease.name}`,
            label: `${f.helmRelease.namespace}/${f.helmRelease.name}`,
          }
        : { key: '', label: 'Not managed by Helm' };
  }
}

/**
 * Groups findings for the impact view. Groups are ordered by their worst severity, then by size and label; the
 * "no namespace" / "not Helm" group always comes last.
 */
export function groupFindings(
  findings: readonly Finding[],
  by: Grouping,
  labelOf?: (key: string) => string,
): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const { key, label } = keyOf(f, by);
    const group = groups.get(key);
    if (group) {
      group.findings.push(f);
      if (severityRank(f.severity) < severityRank(group.worstSeverity)) group.worstSeverity = f.severity;
    } else {
      groups.set(key, { key, label: labelOf?.(key) ?? label, findings: [f], worstSeverity: f.severity });
    }
  }
  return [...groups.values()].sort(
    (a, b) =>
      Number(a.key === '') - Number(b.key === '') ||
      severityRank(a.worstSeverity) - severityRank(b.worstSeverity) ||
      b.findings.length - a.findings.length ||
      a.label.localeCompare(b.label),
  );
}

/** Number of findings per severity. */
export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { breaking: 0, action: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
