import type { Finding } from '../model/finding';
import type { PodSecurityPolicy, Snapshot } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { join, list, t } from '../model/text';
import type { ClusterProfile, Rule, RuleContext } from './support/check';
import { makeFinding, type EvidenceDraft } from './support/finding';
import { objectTarget, refOf, sortFindings } from './support/object-refs';
import { PSP_ANNOTATION } from './support/pss/namespace-summary';
import { pspDefaults, type PspDefault } from './support/pss/psp-defaults';
import { pspLevel } from './support/pss/psp-level';
import type { PssLevel } from './support/pss/types';
import { targetAtLeast } from './support/scope';
import { named, ns, setting } from './support/text';

const ID = 'psp-objects';
const CHANGE = 'psp-removal';

/** What this check says. */
const say = {
  matches: (level: PssLevel, reasons: Text) =>
    t`Its rules correspond to the Pod Security Standards "${level}" level${reasons.length > 0 ? t` (not stricter because it ${reasons})` : ''}.`,
  reason: (detail: string, fails: string) => t`${setting(detail)}: fails ${setting(fails)}`,
  caveat: (caveat: string) => t`not counted in the level: ${setting(caveat)}`,
  injects: (d: PspDefault) => t`sets ${setting(d.key)} to ${setting(d.value)} in pods that leave it unset`,
  onPods: t`metadata.annotations[${PSP_ANNOTATION}] (on pods)`,
  admittedPods: (pods: number, namespaces: Text) => t`${pods} running pod(s) admitted by it, in ${namespaces}`,
  noPod: t`no running pod names it`,
  after: (at125: boolean) => (at125 ? t`Kubernetes 1.25` : t`Kubernetes 1.25 (after your 1.24 target)`),
  unused: (psp: Slot, after: Text, matches: Text) =>
    t`PodSecurityPolicy ${psp} admitted none of the pods in this scan (none carries ${PSP_ANNOTATION}: ${psp}), so it is probably unused. ${after} removes the PodSecurityPolicy API. Pods that start only now and then (CronJobs, workloads scaled to zero) could still rely on it. ${matches}`,
  unusedFix: (psp: Slot, advice: Text) =>
    t`If nothing needs it, delete PodSecurityPolicy ${psp} and the Roles and ClusterRoles granting "use" on it, and remove it from Helm charts and Git. Otherwise: ${advice}`,
  used: (psp: Slot, pods: number, namespaces: Text, after: Text, injects: boolean, matches: Text) =>
    t`PodSecurityPolicy ${psp} admitted ${pods} running pod(s) in ${namespaces}. ${after} removes the PodSecurityPolicy API and admission plugin, so ${injects ? 'what it enforces and the defaults it injects stop' : 'what it enforces stops'} applying to new pods. ${matches}`,
  whereNamespaces: (namespaces: Text) => t`the namespaces whose pods it admits (${namespaces})`,
  whereNone: t`the namespaces that should keep its rules`,
  label: (where: Text, level: PssLevel) =>
    t`Label ${where} with pod-security.kubernetes.io/enforce=${level}, the Pod Security level this PSP corresponds to; the pod-security-levels findings give the level each namespace's workloads actually meet.`,
  copyDefaults: (keys: Text) =>
    t`Pod Security Admission never changes pods, so copy what this PSP injects (${keys}) into the pod templates; the psp-admitted-pods findings name each one.`,
  kyverno: t`Kyverno is installed: express what the three levels cannot (allowed host path prefixes, user and group ranges, allowed volume drivers, per-workload exceptions) as Kyverno validate rules, and any defaults you still want injected as mutate rules.`,
  gatekeeper: t`Gatekeeper is installed: the gatekeeper-library pod-security-policy constraint templates (K8sPSPHostFilesystem, K8sPSPAllowedUsers, K8sPSPCapabilities...) mirror PSP fields one to one, and Gatekeeper mutation (Assign) can take over the defaults.`,
  noEngine: t`Pod Security Admission labels cover most PSPs. Add a policy engine such as Kyverno or Gatekeeper only for what they cannot do: mutations and defaults, allowed host path prefixes, specific user or group ranges, per-workload exceptions.`,
  removePlugin: t`Then remove PodSecurityPolicy from kube-apiserver --enable-admission-plugins (1.25 refuses to start with it), and delete the PSP, the Roles and ClusterRoles granting "use" on it, and its copies in Helm charts and Git before upgrading.`,
};

/** How to replace a PSP, tailored to the policy engines found in the cluster. */
function replacementAdvice(
  level: PssLevel,
  namespaces: string[],
  defaults: PspDefault[],
  profile: ClusterProfile,
): Text {
  const where = namespaces.length > 0 ? say.whereNamespaces(join(namespaces.map(ns))) : say.whereNone;
  const steps: Text[] = [say.label(where, level)];
  if (defaults.length > 0) steps.push(say.copyDefaults(join(defaults.map((d) => [setting(d.key)]))));
  if (profile.policyEngines.includes('kyverno')) steps.push(say.kyverno);
  if (profile.policyEngines.includes('gatekeeper')) steps.push(say.gatekeeper);
  if (profile.policyEngines.length === 0) steps.push(say.noEngine);
  steps.push(say.removePlugin);
  return join(steps, ' ');
}

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
  const name = named(psp.metadata.name);
  const level = pspLevel(psp);
  const defaults = pspDefaults(psp);
  const namespaces = [...(used?.namespaces ?? [])].sort();
  const at125 = targetAtLeast(ctx.target, '1.25');
  const matches = say.matches(
    level.level,
    list(
      level.reasons.map((r) => [setting(r.detail)]),
      4,
    ),
  );
  const evidence: EvidenceDraft[] = [
    ...level.reasons.map((r) => ({
      source: 'field' as const,
      path: [setting(r.field)],
      detail: say.reason(r.detail, r.fails),
    })),
    ...level.caveats.map((c) => ({ source: 'field' as const, detail: say.caveat(c) })),
    ...defaults.map((d) => ({
      source: 'field' as const,
      path: [setting(d.pspField)],
      value: [setting(d.pspValue ?? d.value)],
      detail: say.injects(d),
    })),
    {
      source: 'annotation',
      path: say.onPods,
      value: [name],
      detail: used ? say.admittedPods(used.pods, list(namespaces.map(ns), 5)) : say.noPod,
    },
  ];
  const base = {
    ruleId: ID,
    changeId: CHANGE,
    ...objectTarget(refOf('policy/v1beta1', 'PodSecurityPolicy', psp.metadata), psp.metadata),
    evidence,
  };
  const advice = replacementAdvice(level.level, namespaces, defaults, ctx.profile);
  if (!used) {
    return makeFinding({
      ...base,
      severity: 'info',
      confidence: 'likely',
      message: say.unused(name, say.after(at125), matches),
      remediation: say.unusedFix(name, advice),
    });
  }
  return makeFinding({
    ...base,
    severity: at125 ? 'breaking' : 'info',
    confidence: 'certain',
    message: say.used(name, used.pods, list(namespaces.map(ns), 3), say.after(at125), defaults.length > 0, matches),
    remediation: advice,
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
