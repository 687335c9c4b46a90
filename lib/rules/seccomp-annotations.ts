import type { Severity } from '../model/catalog';
import type { SeccompProfile } from './support/pss/seccomp';
import {
  SECCOMP_CONTAINER_ANNOTATION_PREFIX,
  SECCOMP_POD_ANNOTATION,
  seccompFromAnnotation,
} from './support/pss/seccomp';
import { annotationPath, containerScPath, podScPath } from './support/pss/paths';
import { makeFinding } from './support/finding';
import { describeRef, sortFindings, subjectTarget } from './support/object-refs';
import { POD_SUBJECT_NEEDS, targetAtLeast } from './support/scope';
import type { PodSubject } from './support/subjects';
import { podSubjects } from './support/subjects';
import type { Confidence, Evidence, Finding } from '../model/finding';
import type { Rule, RuleContext } from './support/check';

const ID = 'seccomp-annotations';
const CHANGE = 'seccomp-annotations-removal';

/** One alpha annotation, the field that should carry the same profile, and how they compare. */
interface Pair {
  key: string;
  value: string;
  fieldPath: string;
  field?: SeccompProfile;
  status: 'missing' | 'match' | 'mismatch';
}

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
  const compare = (key: string, value: string, fieldPath: string, field: SeccompProfile | undefined) => {
    const status = field === undefined ? 'missing' : same(seccompFromAnnotation(value), field) ? 'match' : 'mismatch';
    out.push({ key, value, fieldPath, ...(field ? { field } : {}), status });
  };
  const podValue = s.podAnnotations[SECCOMP_POD_ANNOTATION];
  if (podValue !== undefined)
    compare(SECCOMP_POD_ANNOTATION, podValue, podScPath(s.specPath, 'seccompProfile'), podField);
  for (const c of s.spec.containers) {
    const key = SECCOMP_CONTAINER_ANNOTATION_PREFIX + c.name;
    const value = s.podAnnotations[key];
    // A container without its own field inherits the pod's profile.
    if (value !== undefined)
      compare(key, value, containerScPath(s.specPath, c, 'seccompProfile'), fieldOf(c.securityContext) ?? podField);
  }
  return out;
}

const fieldText = (value: string) => {
  const p = seccompFromAnnotation(value);
  if (!p) return `a profile matching "${value}"`;
  return p.localhostProfile === undefined
    ? `{type: ${p.type}}`
    : `{type: Localhost, localhostProfile: ${p.localhostProfile}}`;
};

function finding(s: PodSubject, list: Pair[], ctx: RuleContext): Finding | undefined {
  const missing = list.filter((p) => p.status === 'missing');
  const mismatch = list.filter((p) => p.status === 'mismatch');
  if (!s.mirror && missing.length === 0 && mismatch.length === 0) return undefined;
  let severity: Severity = s.mirror ? 'breaking' : 'action';
  if (!targetAtLeast(ctx.target, '1.25')) severity = 'info';
  // A mirror pod gets the field copied by the API server, so a field there does not prove the manifest has it.
  const confidence: Confidence = s.mirror && missing.length === 0 ? 'possible' : 'certain';
  const keys = list.map((p) => `${p.key}: ${p.value}`).join(', ');
  const why = s.mirror
    ? `It is the mirror of a static pod${s.spec.nodeName ? ` on node ${s.spec.nodeName}` : ''}: a 1.25 kubelet ignores these annotations and, for static pods, nothing copies them into the field, so the pod runs without its seccomp profile (Unconfined).${missing.length === 0 ? ' The mirror pod shows the field, but the API server may have filled it in; check the manifest itself.' : ''}`
    : mismatch.length > 0 && missing.length === 0
      ? 'The annotation and the field disagree; the field decides, so the annotation only misleads readers and tools.'
      : 'From 1.25 the kubelet no longer reads these annotations. The API server still copies them into the field when it creates pods, but that copy is planned to go in 1.27, after which the pods would run Unconfined.';
  const fixes = [...missing, ...mismatch].map((p) => `set ${p.fieldPath}: ${fieldText(p.value)}`).join('; ');
  const where = s.mirror
    ? `In the static pod manifest on node ${s.spec.nodeName ?? '(its node)'} (the kubelet's staticPodPath, usually /etc/kubernetes/manifests)`
    : `In ${describeRef(s.ref)}${s.helmRelease ? ` (Helm release ${s.helmRelease.namespace}/${s.helmRelease.name})` : ''}`;
  const evidence: Evidence[] = list.map((p) => ({
    source: 'annotation',
    path: annotationPath(s.specPath, p.key),
    value: p.value,
    detail: p.status === 'missing' ? `no ${p.fieldPath}` : `${p.fieldPath} is ${p.field?.type ?? ''} (${p.status})`,
  }));
  return makeFinding({
    ruleId: ID,
    changeId: CHANGE,
    severity,
    confidence,
    ...subjectTarget(s),
    message: `${describeRef(s.ref)} sets its seccomp profile with the alpha annotation(s) ${keys}. ${why}`,
    remediation: `${where}: ${fixes || 'keep the securityContext.seccompProfile fields'}, then remove the seccomp annotations.`,
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
        const list = pairs(s);
        const f = list.length > 0 ? finding(s, list, ctx) : undefined;
        return f ? [f] : [];
      });
    return sortFindings(findings);
  },
};
