import type { Snapshot } from '../model/snapshot';
import { PSP_ANNOTATION, namespaceSecuritySummary } from './support/pss/namespace-summary';
import type { NamespaceSecuritySummary, SubjectSecurity } from './support/pss/namespace-summary';
import { countsText, labelCommand, namespaceEvidence } from './support/pss/psa-advice';
import { listNames, POD_SUBJECT_NEEDS, targetAtLeast } from './support/scope';
import { describeRef, sortFindings } from './support/object-refs';
import { makeFinding } from './support/finding';
import type { Finding } from '../model/finding';
import type { Rule, RuleContext } from './support/check';

const ID = 'pod-security-levels';

/** Per-namespace PSA summary for the impact view's Pod Security panel (re-exported from lib/rules/pss). */
export { namespaceSecuritySummary };
export type { NamespaceSecuritySummary };

function unlabelled(s: NamespaceSecuritySummary, snapshot: Snapshot, ctx: RuleContext): Finding {
  const psps = snapshot.podSecurityPolicies.map((p) => p.metadata.name).sort();
  const pspActive = snapshot.pods.some((p) => p.metadata.annotations[PSP_ANNOTATION] !== undefined);
  const total = s.subjects.length;
  const fit =
    total === 0
      ? 'It has no workloads yet, so enforce=restricted costs nothing today.'
      : `Its ${total} pod template(s) and pods: ${countsText(s)}, so enforce=${s.suggested} admits all of them.`;
  const system =
    s.system && s.suggested === 'privileged'
      ? ' Like most system namespaces it runs node or control-plane agents that need the privileged level; label it privileged explicitly (or exempt it in the admission configuration) and keep warn/audit at baseline or restricted.'
      : '';
  const base = {
    ruleId: ID,
    object: { apiVersion: 'v1', kind: 'Namespace', name: s.namespace },
    evidence: namespaceEvidence(s),
    remediation: `Preview with \`kubectl label --dry-run=server --overwrite namespace ${s.namespace} pod-security.kubernetes.io/enforce=${s.suggested}\`, then apply: \`${labelCommand(s.namespace, s.suggested, ctx.target)}\`.${s.suggested === 'restricted' ? '' : ' The warn and audit labels at restricted show which workloads still keep the namespace from the stricter level.'}`,
  };
  if (psps.length > 0) {
    const admitted = s.pspsInUse.length > 0 ? ` (its pods were admitted by ${listNames(s.pspsInUse)})` : '';
    const inactive = pspActive
      ? ''
      : ' No pod in the cluster carries the kubernetes.io/psp annotation, so the PodSecurityPolicy admission plugin may already be off.';
    return makeFinding({
      ...base,
      changeId: 'psp-removal',
      severity: targetAtLeast(ctx.target, '1.25') ? 'action' : 'info',
      confidence: pspActive ? 'certain' : 'possible',
      message: `Namespace ${s.namespace} has no pod-security.kubernetes.io/enforce label. Today PodSecurityPolicy${admitted} limits what pods may run here; after the upgrade to 1.25 nothing does, because PodSecurityPolicy is removed. ${fit}${system}${inactive}`,
    });
  }
  return makeFinding({
    ...base,
    changeId: 'pod-security-admission-ga',
    severity: 'info',
    confidence: 'certain',
    message: `Namespace ${s.namespace} has no pod-security.kubernetes.io/enforce label, so Pod Security Admission applies the cluster-wide default (privileged, unless your admission configuration sets another). ${fit}${system}`,
  });
}

function rejected(s: NamespaceSecuritySummary, x: SubjectSecurity): Finding {
  const enforce = s.labels.enforce;
  const level = enforce?.level ?? 'restricted';
  const invalid =
    enforce && !enforce.valid
      ? ` (the label value "${enforce.value}" is not a level, so it is enforced as restricted)`
      : '';
  const what =
    x.from === 'template'
      ? `its controller cannot create new pods: every rollout, rescheduling and scale-up is rejected with "violates PodSecurity ${level}"`
      : x.mirror
        ? 'the kubelet keeps running the static pod, but its mirror pod is rejected and the pod disappears from the API'
        : 'the running pod was admitted before the label; once deleted it cannot be created again';
  const controls = [...new Set(x.violations.map((v) => v.control))];
  return makeFinding({
    ruleId: ID,
    changeId: 'pod-security-admission-ga',
    severity: 'breaking',
    confidence: 'certain',
    object: x.ref,
    ...(x.owner ? { owner: x.owner } : {}),
    ...(x.helmRelease ? { helmRelease: x.helmRelease } : {}),
    message: `${describeRef(x.ref)} fails the ${level} level that namespace ${s.namespace} enforces${invalid}: ${controls.join(', ')}. PodSecurity admission checks pods when they are created, so ${what}.`,
    remediation: `Fix the listed fields in ${describeRef(x.ref)}${x.helmRelease ? ` (Helm release ${x.helmRelease.namespace}/${x.helmRelease.name}: change its values or chart)` : ''} so it meets ${level}, or, if it really needs more, set pod-security.kubernetes.io/enforce=${x.level} on namespace ${s.namespace} (or move it to a namespace at that level).`,
    evidence: [
      {
        source: 'label',
        path: 'metadata.labels[pod-security.kubernetes.io/enforce]',
        value: enforce?.value ?? '',
        detail: `namespace ${s.namespace} enforces ${level}${enforce?.version ? ` (policy version ${enforce.version}; this check applies v1.25 rules)` : ''}`,
      },
      ...x.violations.map((v) => ({ source: 'field' as const, path: v.path, detail: `${v.control}: ${v.detail}` })),
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
