import type { Confidence, Finding } from '../model/finding';
import type { Workload } from '../model/snapshot';
import type { PodSecurityPolicy } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { join, list, t } from '../model/text';
import type { Rule, RuleContext } from './support/check';
import { makeFinding } from './support/finding';
import { sortFindings, subjectTarget } from './support/object-refs';
import { evaluatePodSecurity } from './support/pss/evaluate';
import { PSP_ANNOTATION } from './support/pss/namespace-summary';
import type { PspDefault } from './support/pss/psp-defaults';
import { pspDefaults } from './support/pss/psp-defaults';
import { podShows, templateGaps } from './support/pss/psp-gaps';
import { pspGroups as groups, type PspGroup as Group } from './support/pss/psp-groups';
import type { PssLevel } from './support/pss/types';
import { POD_SUBJECT_NEEDS, targetAtLeast } from './support/scope';
import type { SpecPath } from './support/subjects';
import { helmRelease, named, ns, refText, setting } from './support/text';

const ID = 'psp-admitted-pods';
const CHANGE = 'psp-removal';

/** What this check says. */
const say = {
  notInSnapshot: (psp: Slot) =>
    t`PodSecurityPolicy ${psp} is not in the snapshot (deleted, or not readable), so its defaults could not be compared.`,
  noController: (psp: Slot, keys: Text) =>
    t`It has no controller: if you recreate it from its manifest after 1.25, the defaults ${psp} injects (${keys}) are no longer applied; compare the manifest with the running pod.`,
  admitted: (
    pods: number,
    subject: Text,
    psp: Slot,
    at125: boolean,
    namespace: Slot,
    template: boolean,
    level: PssLevel,
    notes: Text,
  ) =>
    t`${pods} pod(s) of ${subject} were admitted by PodSecurityPolicy ${psp}. ${at125 ? 'From 1.25' : 'Once PodSecurityPolicy is removed in 1.25'}, only the Pod Security labels of namespace ${namespace} (or a policy engine) decide whether such pods are admitted; the ${template ? 'pod template' : 'pod'} meets the ${level} level.${notes}`,
  admittedFix: (namespace: Slot, level: PssLevel, template: boolean, psp: Slot) =>
    t`Make sure namespace ${namespace} enforces a Pod Security level this workload meets (${level} or looser), and set explicitly in the ${template ? 'pod template' : 'manifest'} every value ${psp} used to inject.`,
  onPods: (pods: Text) => t`on pod(s) ${pods}`,
  willRun: (subject: Text, effect: Text, gaps: Text, psp: Slot, d: PspDefault) =>
    t`After the upgrade to 1.25, new pods of ${subject} will run ${effect}. Its pod template leaves ${gaps} unset, and PodSecurityPolicy ${psp} set ${setting(d.key)} to ${setting(d.value)}.`,
  inHelm: (release: { namespace: string; name: string }) =>
    t` (Helm release ${ns(release.namespace)}/${helmRelease(release.name)}: in its chart or values)`,
  setIt: (subject: Text, helm: Text, fixes: Text) =>
    t`In ${subject}${helm}: ${fixes}. Do it before upgrading, while the PSP still validates the result.`,
  injects: (psp: Slot, d: PspDefault) =>
    t`PodSecurityPolicy ${psp} sets ${setting(d.key)} to ${setting(d.value)} in pods that leave it unset`,
  unset: t`(unset)`,
  unsetInTemplate: t`unset in the pod template`,
  carry: (pods: Text) => t`running pods (${pods}) carry the injected value`,
  noneShows: t`no running pod shows the injected value at this place`,
};

/** What new pods get once the PSP no longer fills the field: 'run <effect>'. */
function pspEffect(d: PspDefault, psp: Slot): Text {
  const value = setting(d.value);
  switch (d.key) {
    case 'defaultAddCapabilities':
      return t`without the capabilities ${value}, which PodSecurityPolicy ${psp} added through defaultAddCapabilities; code that needs them fails with "operation not permitted"`;
    case 'requiredDropCapabilities':
      if (d.caps?.includes('ALL')) {
        return t`with the container runtime's default capabilities (CHOWN, NET_RAW, SETUID and others) that PodSecurityPolicy ${psp} dropped through requiredDropCapabilities: ALL`;
      }
      return t`with the capabilities ${value} that PodSecurityPolicy ${psp} dropped, because nothing drops them any more`;
    case 'allowPrivilegeEscalation':
      return t`with allowPrivilegeEscalation true (the Kubernetes default) instead of false, so setuid binaries can gain privileges again`;
    case 'runAsUser':
      return t`as the user set in the image (root when the image sets none) instead of UID ${value}; files the app writes, and volumes it expects to own, get a different owner`;
    case 'runAsNonRoot':
      return t`without runAsNonRoot: true, so the kubelet no longer refuses to start an image that runs as root`;
    case 'runAsGroup':
      return t`with the image's primary group instead of GID ${value}, which can cost it access to group-owned files`;
    case 'fsGroup':
      return t`without fsGroup ${value}, so their volumes are no longer made group-owned and writable for GID ${value}; a non-root process may lose write access to them`;
    case 'supplementalGroups':
      return t`without the supplemental group ${value}, so access granted to that group (NFS exports, shared volumes) is lost`;
    case 'readOnlyRootFilesystem':
      return t`with a writable root filesystem instead of a read-only one`;
    case 'seLinux':
      return t`with SELinux labels picked by the container runtime instead of the options PodSecurityPolicy ${psp} set, which can deny access to volumes labelled for the old ones`;
    case 'seccomp':
      return t`without a seccomp profile (Unconfined, unless the kubelet's seccompDefault is on) instead of ${value}`;
    case 'appArmor':
      return t`with the container runtime's default AppArmor profile instead of ${value}`;
  }
}

const specPathOf = (w: Workload): SpecPath =>
  w.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec';

/** The finding's object: the top-level owner (whose template new pods come from), or the pod itself. */
function target(g: Group) {
  const own = subjectTarget(g.subject);
  if (!g.subject.owner) return own;
  return { object: g.subject.owner, ...(own.helmRelease ? { helmRelease: own.helmRelease } : {}) };
}

function admitted(g: Group, psp: PodSecurityPolicy | undefined, defaults: PspDefault[], ctx: RuleContext): Finding {
  const tg = target(g);
  const names = g.pods.map((p) => p.metadata.name).sort();
  const level = g.owner
    ? evaluatePodSecurity(g.owner.template.spec, g.owner.template.annotations, specPathOf(g.owner)).level
    : evaluatePodSecurity(g.subject.spec, g.subject.podAnnotations).level;
  const name = named(g.psp);
  const notes: Text[] = [];
  if (!psp) notes.push(say.notInSnapshot(name));
  else if (!g.owner && defaults.length > 0 && !g.subject.mirror) {
    notes.push(say.noController(name, join(defaults.map((d) => [setting(d.key)]))));
  }
  const namespace = ns(tg.object.namespace ?? '');
  return makeFinding({
    ruleId: ID,
    changeId: CHANGE,
    severity: 'info',
    confidence: 'certain',
    ...tg,
    discriminator: g.psp,
    message: say.admitted(
      names.length,
      refText(tg.object),
      name,
      targetAtLeast(ctx.target, '1.25'),
      namespace,
      g.owner !== undefined,
      level,
      notes.length > 0 ? [' ', ...join(notes, ' ')] : [],
    ),
    remediation: say.admittedFix(namespace, level, g.owner !== undefined, name),
    evidence: [
      {
        source: 'annotation',
        path: t`metadata.annotations[${PSP_ANNOTATION}]`,
        value: [name],
        detail: say.onPods(list(names.map(named), 5)),
      },
    ],
  });
}

function mutations(g: Group, defaults: PspDefault[], ctx: RuleContext): Finding[] {
  const owner = g.owner;
  if (!owner) return [];
  const tg = target(g);
  const specPath = specPathOf(owner);
  const name = named(g.psp);
  return defaults.flatMap((d) => {
    const gaps = templateGaps(d, owner.template.spec, owner.template.annotations, specPath);
    if (gaps.length === 0) return [];
    const shown = gaps.some((gap) => g.pods.some((p) => podShows(d, gap, p.spec, p.metadata.annotations)));
    const confidence: Confidence =
      d.functional && d.key !== 'defaultAddCapabilities'
        ? shown
          ? 'likely'
          : 'possible'
        : shown
          ? 'certain'
          : 'likely';
    const severity = !targetAtLeast(ctx.target, '1.25') ? 'info' : d.functional ? 'breaking' : 'action';
    const subject = refText(tg.object);
    return [
      makeFinding({
        ruleId: ID,
        changeId: CHANGE,
        severity,
        confidence,
        ...tg,
        discriminator: `${g.psp}:${d.key}`,
        message: say.willRun(subject, pspEffect(d, name), join(gaps.map((x) => x.path)), name, d),
        remediation: say.setIt(
          subject,
          tg.helmRelease ? say.inHelm(tg.helmRelease) : [],
          join(
            gaps.map((x) => x.fix),
            '; ',
          ),
        ),
        evidence: [
          {
            source: 'field',
            path: [setting(d.pspField)],
            value: [setting(d.pspValue ?? d.value)],
            detail: say.injects(name, d),
          },
          ...gaps.map((x) => ({
            source: 'field' as const,
            path: x.path,
            value: say.unset,
            detail: say.unsetInTemplate,
          })),
          {
            source: 'field',
            detail: shown
              ? say.carry(
                  list(
                    g.pods
                      .map((p) => p.metadata.name)
                      .sort()
                      .map(named),
                    3,
                  ),
                )
              : say.noneShows,
          },
        ],
      }),
    ];
  });
}

export const rule: Rule = {
  id: ID,
  title: 'Pods admitted by a PodSecurityPolicy, and the defaults it injects that will disappear',
  changeIds: [CHANGE],
  needs: [...POD_SUBJECT_NEEDS, 'podsecuritypolicies'],
  run(snapshot, ctx) {
    const psps = new Map(snapshot.podSecurityPolicies.map((p) => [p.metadata.name, p]));
    return sortFindings(
      groups(snapshot).flatMap((g) => {
        const psp = psps.get(g.psp);
        const defaults = psp ? pspDefaults(psp) : [];
        return [admitted(g, psp, defaults, ctx), ...(g.subject.mirror ? [] : mutations(g, defaults, ctx))];
      }),
    );
  },
};
