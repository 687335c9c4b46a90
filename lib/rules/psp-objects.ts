import type { PodSecurityPolicy, Snapshot } from '../model/snapshot';
import { PSP_ANNOTATION } from './support/pss/namespace-summary';
import { pspReplacementAdvice } from './support/pss/psp-advice';
import { pspDefaults } from './support/pss/psp-defaults';
import { pspLevel } from './support/pss/psp-level';
import { makeFinding } from './support/finding';
import { objectTarget, refOf, sortFindings } from './support/object-refs';
import { listNames, targetAtLeast } from './support/scope';
import type { Evidence, Finding } from '../model/finding';
import type { Rule, RuleContext } from './support/check';

const ID = 'psp-objects';
const CHANGE = 'psp-removal';

/** Pods that name each PSP in their kubernetes.io/psp annotation. */
function usage(snapshot: Snapshot): Map<string, { pods: number; namespaces: Set<string> }> {
  const out = new Map<string, { pods: number; namespaces: Set<string> }>();
  for (const p of snapshot.pods) {
    const name = p.metadata.annotations[PSP_ANNOTATION];
    if (!name) continue;
    const u = out.get(name) ?? { pods: 0, namespaces: new Set<string>() };
    u.pods += 1;
    u.namespaces.add(p.metadata.namespace ?? '');
    out.set(name, u);
  }
  return out;
}

function finding(
  psp: PodSecurityPolicy,
  used: { pods: number; namespaces: Set<string> } | undefined,
  ctx: RuleContext,
): Finding {
  const name = psp.metadata.name;
  const level = pspLevel(psp);
  const defaults = pspDefaults(psp);
  const namespaces = [...(used?.namespaces ?? [])].sort();
  const after = targetAtLeast(ctx.target, '1.25') ? 'Kubernetes 1.25' : 'Kubernetes 1.25 (after your 1.24 target)';
  const matches = `Its rules correspond to the Pod Security Standards "${level.level}" level${
    level.reasons.length > 0
      ? ` (not stricter because it ${listNames(
          level.reasons.map((r) => r.detail),
          4,
        )})`
      : ''
  }.`;
  const evidence: Evidence[] = [
    ...level.reasons.map((r) => ({ source: 'field' as const, path: r.field, detail: `${r.detail}: fails ${r.fails}` })),
    ...level.caveats.map((c) => ({ source: 'field' as const, detail: `not counted in the level: ${c}` })),
    ...defaults.map((d) => ({
      source: 'field' as const,
      path: d.pspField,
      value: d.pspValue ?? d.value,
      detail: `sets ${d.key} to ${d.value} in pods that leave it unset`,
    })),
    {
      source: 'annotation',
      path: `metadata.annotations[${PSP_ANNOTATION}] (on pods)`,
      value: name,
      detail: used
        ? `${used.pods} running pod(s) admitted by it, in ${listNames(namespaces, 5)}`
        : 'no running pod names it',
    },
  ];
  const base = {
    ruleId: ID,
    changeId: CHANGE,
    ...objectTarget(refOf('policy/v1beta1', 'PodSecurityPolicy', psp.metadata), psp.metadata),
    evidence,
  };
  if (!used) {
    return makeFinding({
      ...base,
      severity: 'info',
      confidence: 'likely',
      message: `PodSecurityPolicy ${name} admitted none of the pods in this scan (none carries ${PSP_ANNOTATION}: ${name}), so it is probably unused. ${after} removes the PodSecurityPolicy API. Pods that start only now and then (CronJobs, workloads scaled to zero) could still rely on it. ${matches}`,
      remediation: `If nothing needs it, delete PodSecurityPolicy ${name} and the Roles and ClusterRoles granting "use" on it, and remove it from Helm charts and Git. Otherwise: ${pspReplacementAdvice(level.level, namespaces, defaults, ctx.profile)}`,
    });
  }
  return makeFinding({
    ...base,
    severity: targetAtLeast(ctx.target, '1.25') ? 'breaking' : 'info',
    confidence: 'certain',
    message: `PodSecurityPolicy ${name} admitted ${used.pods} running pod(s) in ${listNames(namespaces)}. ${after} removes the PodSecurityPolicy API and admission plugin, so ${defaults.length > 0 ? 'what it enforces and the defaults it injects stop' : 'what it enforces stops'} applying to new pods. ${matches}`,
    remediation: pspReplacementAdvice(level.level, namespaces, defaults, ctx.profile),
  });
}

export const rule: Rule = {
  id: ID,
  title: 'PodSecurityPolicies and what replaces them',
  changeIds: [CHANGE],
  needs: ['podsecuritypolicies', 'pods'],
  run(snapshot, ctx) {
    const used = usage(snapshot);
    return sortFindings(snapshot.podSecurityPolicies.map((p) => finding(p, used.get(p.metadata.name), ctx)));
  },
};
