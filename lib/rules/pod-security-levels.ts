import type { Finding } from '../model/finding';
import type { Target } from '../model/releases';
import type { Snapshot } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { list, t } from '../model/text';
import type { Rule, RuleContext } from './support/check';
import { makeFinding, type EvidenceDraft } from './support/finding';
import { sortFindings } from './support/object-refs';
import type { NamespaceSecuritySummary, SubjectSecurity } from './support/pss/namespace-summary';
import { namespaceSecuritySummary, PSP_ANNOTATION } from './support/pss/namespace-summary';
import type { PssLevel } from './support/pss/types';
import { POD_SUBJECT_NEEDS, targetAtLeast } from './support/scope';
import { helmRelease, named, ns, refText, setting, value } from './support/text';

const ID = 'pod-security-levels';

/** Per-namespace PSA summary for the impact view's Pod Security panel. */
export { namespaceSecuritySummary };
export type { NamespaceSecuritySummary };

const P = 'pod-security.kubernetes.io';

/** What this check says. */
const say = {
  counts: (s: NamespaceSecuritySummary) =>
    t`${s.counts.restricted} pass restricted, ${s.counts.baseline} pass baseline only, ${s.counts.privileged} need privileged`,
  empty: t`It has no workloads yet, so enforce=restricted costs nothing today.`,
  fit: (s: NamespaceSecuritySummary) =>
    t`Its ${s.subjects.length} pod template(s) and pods: ${say.counts(s)}, so enforce=${s.suggested} admits all of them.`,
  system: t` Like most system namespaces it runs node or control-plane agents that need the privileged level; label it privileged explicitly (or exempt it in the admission configuration) and keep warn/audit at baseline or restricted.`,
  /** The kubectl command that labels a namespace for a level, with warn/audit one step stricter when there is one. */
  labelCommand: (namespace: Slot, level: PssLevel, target: Target) =>
    t`kubectl label --overwrite namespace ${namespace} ${P}/enforce=${level} ${P}/enforce-version=v${target}${level === 'restricted' ? '' : ` ${P}/warn=restricted ${P}/audit=restricted`}`,
  preview: (namespace: Slot, level: PssLevel, target: Target) =>
    t`Preview with \`kubectl label --dry-run=server --overwrite namespace ${namespace} ${P}/enforce=${level}\`, then apply: \`${say.labelCommand(namespace, level, target)}\`.${level === 'restricted' ? '' : ' The warn and audit labels at restricted show which workloads still keep the namespace from the stricter level.'}`,
  admitted: (psps: Text) => t` (its pods were admitted by ${psps})`,
  inactive: t` No pod in the cluster carries the kubernetes.io/psp annotation, so the PodSecurityPolicy admission plugin may already be off.`,
  pspEra: (namespace: Slot, admitted: Text, fit: Text, system: Text, inactive: Text) =>
    t`Namespace ${namespace} has no ${P}/enforce label. Today PodSecurityPolicy${admitted} limits what pods may run here; after the upgrade to 1.25 nothing does, because PodSecurityPolicy is removed. ${fit}${system}${inactive}`,
  defaultLevel: (namespace: Slot, fit: Text, system: Text) =>
    t`Namespace ${namespace} has no ${P}/enforce label, so Pod Security Admission applies the cluster-wide default (privileged, unless your admission configuration sets another). ${fit}${system}`,
  invalid: (value: Slot) => t` (the label value "${value}" is not a level, so it is enforced as restricted)`,
  template: (level: PssLevel) =>
    t`its controller cannot create new pods: every rollout, rescheduling and scale-up is rejected with "violates PodSecurity ${level}"`,
  mirror: t`the kubelet keeps running the static pod, but its mirror pod is rejected and the pod disappears from the API`,
  pod: t`the running pod was admitted before the label; once deleted it cannot be created again`,
  fails: (subject: Text, level: PssLevel, namespace: Slot, invalid: Text, controls: Text, what: Text) =>
    t`${subject} fails the ${level} level that namespace ${namespace} enforces${invalid}: ${controls}. PodSecurity admission checks pods when they are created, so ${what}.`,
  inHelm: (release: { namespace: string; name: string }) =>
    t` (Helm release ${ns(release.namespace)}/${helmRelease(release.name)}: change its values or chart)`,
  failsFix: (subject: Text, helm: Text, level: PssLevel, needs: PssLevel, namespace: Slot) =>
    t`Fix the listed fields in ${subject}${helm} so it meets ${level}, or, if it really needs more, set ${P}/enforce=${needs} on namespace ${namespace} (or move it to a namespace at that level).`,
  enforces: (namespace: Slot, level: PssLevel, version: Text) => t`namespace ${namespace} enforces ${level}${version}`,
  pinned: (version: Slot) => t` (policy version ${version}; this check applies v1.25 rules)`,
  control: (control: string, detail: string) => t`${setting(control)}: ${setting(detail)}`,
  modeLabel: (mode: 'enforce' | 'audit' | 'warn', value: Slot, valid: boolean, level: PssLevel, version: Text) =>
    t`${mode} mode is ${value}${valid ? '' : t` (not a valid level; PodSecurity applies ${level})`}${version}`,
  pinnedTo: (version: Slot) => t`, pinned to ${version}`,
  noLabel: (mode: 'enforce' | 'audit' | 'warn') => t`no ${mode} label`,
  here: (s: NamespaceSecuritySummary) => t`Pod templates and uncovered pods here: ${say.counts(s)}.`,
  needs: (subject: SubjectSecurity, level: PssLevel, control: Text) =>
    t`${setting(subject.ref.kind)} ${named(subject.ref.name)} needs ${level}${control}`,
  needsMore: (n: number, level: PssLevel) => t`and ${n} more that need ${level}`,
  psps: t`PodSecurityPolicies that admitted pods of this namespace`,
  unset: t`(unset)`,
};

/** A level is vocabulary; anything else a label holds is the cluster owner's data, redacted like any value. */
const labelValue = (l: { value: string; valid: boolean }) => (l.valid ? setting(l.value) : value(l.value));

/** Evidence of the PSA labels, the per-level counts and the subjects that keep the namespace from a stricter level. */
function namespaceEvidence(s: NamespaceSecuritySummary, max = 5): EvidenceDraft[] {
  const out: EvidenceDraft[] = [];
  for (const mode of ['enforce', 'audit', 'warn'] as const) {
    const l = s.labels[mode];
    out.push({
      source: 'label',
      path: t`metadata.labels[${P}/${mode}]`,
      value: l ? [labelValue(l)] : say.unset,
      detail: l
        ? say.modeLabel(mode, labelValue(l), l.valid, l.level, l.version ? say.pinnedTo(setting(l.version)) : [])
        : say.noLabel(mode),
    });
  }
  out.push({ source: 'field', detail: say.here(s) });
  for (const level of ['privileged', 'baseline'] as const) {
    const subjects = s.subjects.filter((x) => x.level === level);
    for (const x of subjects.slice(0, max)) {
      const v = x.violations.find((y) => y.level === (level === 'privileged' ? 'baseline' : 'restricted'));
      out.push({
        source: 'field',
        ...(v ? { path: v.path } : {}),
        detail: say.needs(x, level, v ? t`: ${setting(v.control)} (${setting(v.detail)})` : []),
      });
    }
    if (subjects.length > max) out.push({ source: 'field', detail: say.needsMore(subjects.length - max, level) });
  }
  if (s.pspsInUse.length > 0) {
    out.push({
      source: 'annotation',
      path: t`metadata.annotations[kubernetes.io/psp]`,
      value: list(s.pspsInUse.map(named), s.pspsInUse.length),
      detail: say.psps,
    });
  }
  return out;
}

function unlabelled(s: NamespaceSecuritySummary, snapshot: Snapshot, ctx: RuleContext): Finding {
  const pspCount = snapshot.podSecurityPolicies.length;
  const pspActive = snapshot.pods.some((p) => p.metadata.annotations[PSP_ANNOTATION] !== undefined);
  const namespace = ns(s.namespace);
  const fit = s.subjects.length === 0 ? say.empty : say.fit(s);
  const system = s.system && s.suggested === 'privileged' ? say.system : [];
  const base = {
    ruleId: ID,
    object: { apiVersion: 'v1', kind: 'Namespace', name: s.namespace },
    evidence: namespaceEvidence(s),
    remediation: say.preview(namespace, s.suggested, ctx.target),
  };
  if (pspCount > 0) {
    const admitted = s.pspsInUse.length > 0 ? say.admitted(list(s.pspsInUse.map(named), 3)) : [];
    return makeFinding({
      ...base,
      changeId: 'psp-removal',
      severity: targetAtLeast(ctx.target, '1.25') ? 'action' : 'info',
      confidence: pspActive ? 'certain' : 'possible',
      message: say.pspEra(namespace, admitted, fit, system, pspActive ? [] : say.inactive),
    });
  }
  return makeFinding({
    ...base,
    changeId: 'pod-security-admission-ga',
    severity: 'info',
    confidence: 'certain',
    message: say.defaultLevel(namespace, fit, system),
  });
}

function rejected(s: NamespaceSecuritySummary, x: SubjectSecurity): Finding {
  const enforce = s.labels.enforce;
  const level = enforce?.level ?? 'restricted';
  const namespace = ns(s.namespace);
  const invalid = enforce && !enforce.valid ? say.invalid(labelValue(enforce)) : [];
  const what = x.from === 'template' ? say.template(level) : x.mirror ? say.mirror : say.pod;
  const controls = [...new Set(x.violations.map((v) => v.control))];
  const subject = refText(x.ref);
  return makeFinding({
    ruleId: ID,
    changeId: 'pod-security-admission-ga',
    severity: 'breaking',
    confidence: 'certain',
    object: x.ref,
    ...(x.owner ? { owner: x.owner } : {}),
    ...(x.helmRelease ? { helmRelease: x.helmRelease } : {}),
    message: say.fails(subject, level, namespace, invalid, t`${setting(controls.join(', '))}`, what),
    remediation: say.failsFix(subject, x.helmRelease ? say.inHelm(x.helmRelease) : [], level, x.level, namespace),
    evidence: [
      {
        source: 'label',
        path: t`metadata.labels[${P}/enforce]`,
        value: enforce ? [labelValue(enforce)] : [],
        detail: say.enforces(namespace, level, enforce?.version ? say.pinned(setting(enforce.version)) : []),
      },
      ...x.violations.map((v) => ({
        source: 'field' as const,
        path: v.path,
        detail: say.control(v.control, v.detail),
      })),
    ],
  });
}

export const rule: Rule = {
  id: ID,
  title: 'Pod Security Admission labels per namespace, and the workloads they would reject',
  changeIds: ['psp-removal', 'pod-security-admission-ga'],
  needs: ['namespaces', ...POD_SUBJECT_NEEDS, 'podsecuritypolicies'],
  run(snapshot, ctx) {
    const findings: Finding[] = [];
    for (const s of namespaceSecuritySummary(snapshot)) {
      if (!s.labels.enforce) findings.push(unlabelled(s, snapshot, ctx));
      for (const x of s.violating) findings.push(rejected(s, x));
    }
    return sortFindings(findings);
  },
};
