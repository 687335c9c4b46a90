import type { Evidence } from '../../../model/finding';
import type { NamespaceSecuritySummary, SubjectSecurity } from './namespace-summary';
import type { PssLevel } from './types';

/** The policy version to pin: the target release's. */
export const pinnedVersion = (target: string) => `v${target}`;

/** The kubectl command that labels a namespace for a level, with warn/audit one step stricter when there is one. */
export function labelCommand(namespace: string, level: PssLevel, target: string): string {
  const p = 'pod-security.kubernetes.io';
  const parts = [`${p}/enforce=${level}`, `${p}/enforce-version=${pinnedVersion(target)}`];
  if (level !== 'restricted') parts.push(`${p}/warn=restricted`, `${p}/audit=restricted`);
  return `kubectl label --overwrite namespace ${namespace} ${parts.join(' ')}`;
}

/** 'N pass restricted, N pass baseline only, N need privileged'. */
export function countsText(s: NamespaceSecuritySummary): string {
  const { restricted, baseline, privileged } = s.counts;
  return `${restricted} pass restricted, ${baseline} pass baseline only, ${privileged} need privileged`;
}

const label = (x: SubjectSecurity) => `${x.ref.kind} ${x.ref.name}`;

/** Evidence of the PSA labels, the per-level counts and the subjects that keep the namespace from a stricter level. */
export function namespaceEvidence(s: NamespaceSecuritySummary, max = 5): Evidence[] {
  const out: Evidence[] = [];
  for (const mode of ['enforce', 'audit', 'warn'] as const) {
    const l = s.labels[mode];
    out.push({
      source: 'label',
      path: `metadata.labels[pod-security.kubernetes.io/${mode}]`,
      value: l ? l.value : '(unset)',
      detail: l
        ? `${mode} mode is ${l.value}${l.valid ? '' : ` (not a valid level; PodSecurity applies ${l.level})`}${l.version ? `, pinned to ${l.version}` : ''}`
        : `no ${mode} label`,
    });
  }
  out.push({ source: 'field', detail: `Pod templates and uncovered pods here: ${countsText(s)}.` });
  for (const level of ['privileged', 'baseline'] as const) {
    const list = s.subjects.filter((x) => x.level === level);
    for (const x of list.slice(0, max)) {
      const v = x.violations.find((y) => y.level === (level === 'privileged' ? 'baseline' : 'restricted'));
      out.push({
        source: 'field',
        ...(v ? { path: v.path } : {}),
        detail: `${label(x)} needs ${level}${v ? `: ${v.control} (${v.detail})` : ''}`,
      });
    }
    if (list.length > max) out.push({ source: 'field', detail: `and ${list.length - max} more that need ${level}` });
  }
  if (s.pspsInUse.length > 0) {
    out.push({
      source: 'annotation',
      path: 'metadata.annotations[kubernetes.io/psp]',
      value: s.pspsInUse.join(', '),
      detail: 'PodSecurityPolicies that admitted pods of this namespace',
    });
  }
  return out;
}
