import type { Finding } from '../model/finding';
import type { Target } from '../model/releases';
import type { Snapshot } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { join, list, t } from '../model/text';
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
  /** The kubectl command that labels a namespace for a level, with warn/audit one step stricter when there is one. */
  labelCommand: (namespace: Slot, level: PssLevel, target: Target) =>
    t`kubectl label --overwrite namespace ${namespace} ${P}/enforce=${level} ${P}/enforce-version=v${target}${level === 'restricted' ? '' : ` ${P}/warn=restricted ${P}/audit=restricted`}`,
  preview: (namespace: Slot, level: PssLevel, target: Target) =>
    t`Preview with \`kubectl label --dry-run=server --overwrite namespace ${namespace} ${P}/enforce=${level}\`, then apply: \`${say.labelCommand(namespace, level, target)}\`.${level === 'restricted' ? '' : ' The warn and audit labels at restricted show which workloads still keep the namespace from the stricter level.'}`,
  inactive: t` No pod in the cluster carries the kubernetes.io/psp annotation, so the PodSecurityPolicy admission plugin may already be off.`,
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
  /** The grouped finding: every namespace without an enforce label, the level each one's pods already meet. */
  rollupPsp: (n: number, inactive: Text, footnote: Text) =>
    t`${n === 1 ? 'One namespace runs' : t`${n} namespaces run`} pods without a ${P}/enforce label. Today PodSecurityPolicy limits what pods may run there; after the upgrade to 1.25 nothing does, because PodSecurityPolicy is removed. The evidence lists, for each, the level that all of its pods and pod templates already meet: enforcing it rejects nothing running today.${inactive}${footnote}`,
  rollupDefault: (n: number, footnote: Text) =>
    t`${n === 1 ? 'One namespace runs' : t`${n} namespaces run`} pods without a ${P}/enforce label, so Pod Security Admission applies the cluster-wide default there (privileged, unless your admission configuration sets another). The evidence lists, for each, the level that all of its pods and pod templates already meet.${footnote}`,
  noneWithPods: (footnote: Text) => t`Every namespace that runs pods has a ${P}/enforce label.${footnote}`,
  footnote: (empty: Text, n: number) =>
    t` Also without a label, but running no pods: ${empty}; enforce=restricted costs nothing there today${n > 0 ? ' and keeps future workloads honest' : ''}.`,
  rollupRow: (s: NamespaceSecuritySummary, needs: Text, psps: Text) =>
    t`${say.counts(s)}${needs}${psps}${s.system && s.suggested === 'privileged' ? ' (a system namespace: label it privileged explicitly, or exempt it in the admission configuration)' : ''}`,
  keeps: (x: SubjectSecurity, level: PssLevel) => t`; ${setting(x.ref.kind)} ${named(x.ref.name)} needs ${level}`,
  rollupFix: (commands: Text, more: number, target: Target) =>
    t`Preview each label with --dry-run=server (kubectl label --dry-run=server --overwrite namespace <name> ${P}/enforce=<level>), then apply: ${commands}${more > 0 ? t`; and the same for the ${more} other namespaces in the evidence` : ''}. Warn and audit at restricted (set by the commands below baseline) show what still keeps a namespace from the stricter level. Policy version v${target} pins the rules to the release you upgrade to.`,
};

/** The object of the grouped finding: not one namespace but all the unlabelled ones. */
export const UNLABELLED_NAMESPACES = 'namespaces without a Pod Security enforce label';
const MAX_COMMANDS = 10;

/** A level is vocabulary; anything else a label holds is the cluster owner's data, redacted like any value. */
const labelValue = (l: { value: string; valid: boolean }) => (l.valid ? setting(l.value) : value(l.value));

/** The first subject that keeps a namespace from the level above its suggestion. */
function keeper(s: NamespaceSecuritySummary): Text {
  const x = s.subjects.find((y) => y.level === s.suggested);
  return x === undefined || s.suggested === 'restricted' ? [] : say.keeps(x, s.suggested);
}

function rollupEvidence(withPods: readonly NamespaceSecuritySummary[]): EvidenceDraft[] {
  return withPods.map((s) => ({
    source: 'label' as const,
    path: t`namespace ${ns(s.namespace)} ${P}/enforce`,
    value: t`${s.suggested}`,
    detail: say.rollupRow(
      s,
      keeper(s),
      s.pspsInUse.length > 0 ? t`; admitted by ${list(s.pspsInUse.map(named), 3)}` : [],
    ),
  }));
}

/**
 * One finding for every namespace without an enforce label: the level each already meets (the evidence is the
 * table), the commands, and the namespaces without pods as a footnote. Per-namespace findings buried the
 * workloads that break among twenty "label this namespace" lines.
 */
function unlabelledRollup(
  summaries: readonly NamespaceSecuritySummary[],
  snapshot: Snapshot,
  ctx: RuleContext,
): Finding[] {
  const unlabelled = summaries.filter((s) => !s.labels.enforce);
  if (unlabelled.length === 0) return [];
  const withPods = unlabelled.filter((s) => s.subjects.length > 0);
  const empty = unlabelled.filter((s) => s.subjects.length === 0);
  const footnote =
    empty.length > 0
      ? say.footnote(
          list(
            empty.map((s) => ns(s.namespace)),
            8,
          ),
          withPods.length,
        )
      : [];
  const pspCount = snapshot.podSecurityPolicies.length;
  const pspActive = snapshot.pods.some((p) => p.metadata.annotations[PSP_ANNOTATION] !== undefined);
  const commands = join(
    withPods.slice(0, MAX_COMMANDS).map((s) => t`\`${say.labelCommand(ns(s.namespace), s.suggested, ctx.target)}\``),
    '; ',
  );
  const psp = pspCount > 0;
  const message =
    withPods.length === 0
      ? say.noneWithPods(footnote)
      : psp
        ? say.rollupPsp(withPods.length, pspActive ? [] : say.inactive, footnote)
        : say.rollupDefault(withPods.length, footnote);
  return [
    makeFinding({
      ruleId: ID,
      changeId: psp ? 'psp-removal' : 'pod-security-admission-ga',
      severity: psp && withPods.length > 0 && targetAtLeast(ctx.target, '1.25') ? 'action' : 'info',
      confidence: psp ? (pspActive ? 'certain' : 'possible') : 'certain',
      object: { apiVersion: 'v1', kind: 'Namespace', name: UNLABELLED_NAMESPACES },
      message,
      remediation:
        withPods.length === 0
          ? say.preview(ns(empty[0]?.namespace ?? ''), 'restricted', ctx.target)
          : say.rollupFix(commands, withPods.length - Math.min(withPods.length, MAX_COMMANDS), ctx.target),
      evidence: rollupEvidence(withPods),
    }),
  ];
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
    const summaries = namespaceSecuritySummary(snapshot);
    const findings: Finding[] = unlabelledRollup(summaries, snapshot, ctx);
    for (const s of summaries) for (const x of s.violating) findings.push(rejected(s, x));
    return sortFindings(findings);
  },
};
