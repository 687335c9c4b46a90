import type { PodSecurityPolicy, Workload } from '../model/snapshot';
import { evaluatePodSecurity } from './support/pss/evaluate';
import { PSP_ANNOTATION } from './support/pss/namespace-summary';
import type { PspGroup as Group } from './support/pss/psp-groups';
import { pspGroups as groups } from './support/pss/psp-groups';
import { pspDefaults } from './support/pss/psp-defaults';
import type { PspDefault } from './support/pss/psp-defaults';
import { pspEffect } from './support/pss/psp-effects';
import { podShows, templateGaps } from './support/pss/psp-gaps';
import { makeFinding } from './support/finding';
import { describeRef, sortFindings, subjectTarget } from './support/object-refs';
import { listNames, POD_SUBJECT_NEEDS, targetAtLeast } from './support/scope';
import type { Confidence, Finding } from '../model/finding';
import type { Rule, RuleContext } from './support/check';

const ID = 'psp-admitted-pods';
const CHANGE = 'psp-removal';

const specPathOf = (w: Workload) =>
  w.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec';

/** The finding's object: the top-level owner (whose template new pods come from), or the pod itself. */
function target(g: Group) {
  const t = subjectTarget(g.subject);
  if (!g.subject.owner) return t;
  return { object: g.subject.owner, ...(t.helmRelease ? { helmRelease: t.helmRelease } : {}) };
}

function admitted(g: Group, psp: PodSecurityPolicy | undefined, defaults: PspDefault[], ctx: RuleContext): Finding {
  const t = target(g);
  const names = g.pods.map((p) => p.metadata.name).sort();
  const level = g.owner
    ? evaluatePodSecurity(g.owner.template.spec, g.owner.template.annotations, specPathOf(g.owner)).level
    : evaluatePodSecurity(g.subject.spec, g.subject.podAnnotations).level;
  const notes: string[] = [];
  if (!psp)
    notes.push(
      `PodSecurityPolicy ${g.psp} is not in the snapshot (deleted, or not readable), so its defaults could not be compared.`,
    );
  else if (!g.owner && defaults.length > 0 && !g.subject.mirror) {
    notes.push(
      `It has no controller: if you recreate it from its manifest after 1.25, the defaults ${g.psp} injects (${defaults.map((d) => d.key).join(', ')}) are no longer applied; compare the manifest with the running pod.`,
    );
  }
  return makeFinding({
    ruleId: ID,
    changeId: CHANGE,
    severity: 'info',
    confidence: 'certain',
    ...t,
    discriminator: g.psp,
    message:
      `${names.length} pod(s) of ${describeRef(t.object)} were admitted by PodSecurityPolicy ${g.psp}. ${targetAtLeast(ctx.target, '1.25') ? 'From 1.25' : 'Once PodSecurityPolicy is removed in 1.25'}, only the Pod Security labels of namespace ${t.object.namespace ?? ''} (or a policy engine) decide whether such pods are admitted; the ${g.owner ? 'pod template' : 'pod'} meets the ${level} level. ${notes.join(' ')}`.trim(),
    remediation: `Make sure namespace ${t.object.namespace ?? ''} enforces a Pod Security level this workload meets (${level} or looser), and set explicitly in the ${g.owner ? 'pod template' : 'manifest'} every value ${g.psp} used to inject.`,
    evidence: [
      {
        source: 'annotation',
        path: `metadata.annotations[${PSP_ANNOTATION}]`,
        value: g.psp,
        detail: `on pod(s) ${listNames(names, 5)}`,
      },
    ],
  });
}

function mutations(g: Group, defaults: PspDefault[], ctx: RuleContext): Finding[] {
  const owner = g.owner;
  if (!owner) return [];
  const t = target(g);
  const specPath = specPathOf(owner);
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
    return [
      makeFinding({
        ruleId: ID,
        changeId: CHANGE,
        severity,
        confidence,
        ...t,
        discriminator: `${g.psp}:${d.key}`,
        message: `After the upgrade to 1.25, new pods of ${describeRef(t.object)} will run ${pspEffect(d, g.psp)}. Its pod template leaves ${gaps.map((x) => x.path).join(', ')} unset, and PodSecurityPolicy ${g.psp} set ${d.key} to ${d.value}.`,
        remediation: `In ${describeRef(t.object)}${t.helmRelease ? ` (Helm release ${t.helmRelease.namespace}/${t.helmRelease.name}: in its chart or values)` : ''}: ${gaps.map((x) => x.fix).join('; ')}. Do it before upgrading, while the PSP still validates the result.`,
        evidence: [
          {
            source: 'field',
            path: d.pspField,
            value: d.pspValue ?? d.value,
            detail: `PodSecurityPolicy ${g.psp} sets ${d.key} to ${d.value} in pods that leave it unset`,
          },
          ...gaps.map((x) => ({
            source: 'field' as const,
            path: x.path,
            value: '(unset)',
            detail: 'unset in the pod template',
          })),
          {
            source: 'field',
            detail: shown
              ? `running pods (${listNames(g.pods.map((p) => p.metadata.name).sort())}) carry the injected value`
              : 'no running pod shows the injected value at this place',
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
