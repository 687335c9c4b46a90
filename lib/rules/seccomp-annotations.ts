import type { Severity } from '../model/catalog';
import type { SeccompProfile } from './support/pss/seccomp';
import {
  SECCOMP_CONTAINER_ANNOTATION_PREFIX,
  SECCOMP_POD_ANNOTATION,
  seccompFromAnnotation,
} from './support/pss/seccomp';
import { annotationPath, containerScPath, podScPath } from './support/pss/paths';
import type { Text } from '../model/text';
import { join, t } from '../model/text';
import { makeFinding, type EvidenceDraft } from './support/finding';
import { sortFindings, subjectTarget } from './support/object-refs';
import { helmRelease, named, node, ns, refText, setting } from './support/text';
import { POD_SUBJECT_NEEDS, targetAtLeast } from './support/scope';
import type { PodSubject } from './support/subjects';
import { podSubjects } from './support/subjects';
import type { Confidence, Finding } from '../model/finding';
import type { Rule, RuleContext } from './support/check';

const ID = 'seccomp-annotations';
const CHANGE = 'seccomp-annotations-removal';

/** One alpha annotation, the field that should carry the same profile, and how they compare. */
interface Pair {
  /** The annotation key as text: the container name in it is a slot. */
  key: Text;
  value: string;
  fieldPath: Text;
  field?: SeccompProfile;
  status: 'missing' | 'match' | 'mismatch';
}

/** What this check says. */
const say = {
  asField: (value: string): Text => {
    const p = seccompFromAnnotation(value);
    if (!p) return t`a profile matching "${setting(value)}"`;
    return p.localhostProfile === undefined
      ? t`{type: ${setting(p.type)}}`
      : t`{type: Localhost, localhostProfile: ${setting(p.localhostProfile)}}`;
  },
  mirror: (nodeName: string | undefined, fieldShown: boolean) =>
    t`It is the mirror of a static pod${nodeName ? t` on node ${node(nodeName)}` : ''}: a 1.25 kubelet ignores these annotations and, for static pods, nothing copies them into the field, so the pod runs without its seccomp profile (Unconfined).${fieldShown ? ' The mirror pod shows the field, but the API server may have filled it in; check the manifest itself.' : ''}`,
  disagree: t`The annotation and the field disagree; the field decides, so the annotation only misleads readers and tools.`,
  copied: t`From 1.25 the kubelet no longer reads these annotations. The API server still copies them into the field when it creates pods, but that copy is planned to go in 1.27, after which the pods would run Unconfined.`,
  set: (p: Pair) => t`set ${p.fieldPath}: ${say.asField(p.value)}`,
  inStaticPod: (nodeName: string | undefined) =>
    t`In the static pod manifest on node ${nodeName ? node(nodeName) : '(its node)'} (the kubelet's staticPodPath, usually /etc/kubernetes/manifests)`,
  inHelm: (release: { namespace: string; name: string }) =>
    t` (Helm release ${ns(release.namespace)}/${helmRelease(release.name)})`,
  inSubject: (subject: Text, helm: Text) => t`In ${subject}${helm}`,
  noField: (p: Pair) => t`no ${p.fieldPath}`,
  fieldIs: (p: Pair) => t`${p.fieldPath} is ${setting(p.field?.type ?? '')} (${p.status})`,
  sets: (subject: Text, keys: Text, why: Text) =>
    t`${subject} sets its seccomp profile with the alpha annotation(s) ${keys}. ${why}`,
  fix: (where: Text, fixes: Text) => t`${where}: ${fixes}, then remove the seccomp annotations.`,
  keepFields: t`keep the securityContext.seccompProfile fields`,
};

const same = (a: SeccompProfile | undefined, b: SeccompProfile | undefined) =>
  a !== undefined && b !== undefined && a.type === b.type && (a.localhostProfile ?? '') === (b.localhostProfile ?? '');

const fieldOf = (sc: { seccompProfileType?: string; seccompLocalhostProfile?: string }): SeccompProfile | undefined =>
  sc.seccompProfileType === undefined
    ? undefined
    : {
        type: sc.seccompProfileType,
        ...(sc.seccompLocalhostProfile ? { localhostProfile: sc.seccompLocalhostProfile } : {}),
      };

function pairs(s: PodSubject): Pair[] {
  const out: Pair[] = [];
  const podField = fieldOf(s.spec.securityContext);
  const compare = (key: Text, value: string, fieldPath: Text, field: SeccompProfile | undefined) => {
    const status = field === undefined ? 'missing' : same(seccompFromAnnotation(value), field) ? 'match' : 'mismatch';
    out.push({ key, value, fieldPath, ...(field ? { field } : {}), status });
  };
  const podValue = s.podAnnotations[SECCOMP_POD_ANNOTATION];
  if (podValue !== undefined)
    compare(t`${SECCOMP_POD_ANNOTATION}`, podValue, podScPath(s.specPath, 'seccompProfile'), podField);
  for (const c of s.spec.containers) {
    const value = s.podAnnotations[SECCOMP_CONTAINER_ANNOTATION_PREFIX + c.name];
    // A container without its own field inherits the pod's profile.
    if (value !== undefined)
      compare(
        t`${SECCOMP_CONTAINER_ANNOTATION_PREFIX}${named(c.name)}`,
        value,
        containerScPath(s.specPath, c, 'seccompProfile'),
        fieldOf(c.securityContext) ?? podField,
      );
  }
  return out;
}

function finding(s: PodSubject, all: Pair[], ctx: RuleContext): Finding | undefined {
  const missing = all.filter((p) => p.status === 'missing');
  const mismatch = all.filter((p) => p.status === 'mismatch');
  if (!s.mirror && missing.length === 0 && mismatch.length === 0) return undefined;
  let severity: Severity = s.mirror ? 'breaking' : 'action';
  if (!targetAtLeast(ctx.target, '1.25')) severity = 'info';
  // A mirror pod gets the field copied by the API server, so a field there does not prove the manifest has it.
  const confidence: Confidence = s.mirror && missing.length === 0 ? 'possible' : 'certain';
  const keys = join(all.map((p) => t`${p.key}: ${setting(p.value)}`));
  const why = s.mirror
    ? say.mirror(s.spec.nodeName, missing.length === 0)
    : mismatch.length > 0 && missing.length === 0
      ? say.disagree
      : say.copied;
  const toFix = [...missing, ...mismatch];
  const fixes = toFix.length > 0 ? join(toFix.map(say.set), '; ') : say.keepFields;
  const where = s.mirror
    ? say.inStaticPod(s.spec.nodeName)
    : say.inSubject(refText(s.ref), s.helmRelease ? say.inHelm(s.helmRelease) : []);
  const evidence: EvidenceDraft[] = all.map((p) => ({
    source: 'annotation',
    path: annotationPath(s.specPath, p.key),
    value: [setting(p.value)],
    detail: p.status === 'missing' ? say.noField(p) : say.fieldIs(p),
  }));
  return makeFinding({
    ruleId: ID,
    changeId: CHANGE,
    severity,
    confidence,
    ...subjectTarget(s),
    message: say.sets(refText(s.ref), keys, why),
    remediation: say.fix(where, fixes),
    evidence,
  });
}

export const rule: Rule = {
  id: ID,
  title: 'Alpha seccomp annotations without the seccompProfile field',
  changeIds: [CHANGE],
  needs: [...POD_SUBJECT_NEEDS],
  run(snapshot, ctx) {
    const findings = podSubjects(snapshot)
      .filter((s) => !s.coveredByOwner)
      .flatMap((s) => {
        const found = pairs(s);
        const f = found.length > 0 ? finding(s, found, ctx) : undefined;
        return f ? [f] : [];
      });
    return sortFindings(findings);
  },
};
