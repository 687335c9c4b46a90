import type { RemovedApi } from '../catalog/schema';
import type { Finding } from '../model/finding';
import type { Target } from '../model/releases';
import type { DeclaredObject } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { t } from '../model/text';
import type { Rule, RuleContext } from './support/check';
import { makeFinding } from './support/finding';
import { sortFindings } from './support/object-refs';
import {
  groupVersionOf,
  PSP_CHANGE_ID,
  REMOVED_API_CHANGE_IDS,
  removalPhrase,
  removalSeverity,
  removedApiFor,
} from './support/removed-apis';
import { api, refText, setting, value } from './support/text';

const RULE_ID = 'removed-api-manifests';

const where = (d: { location: { path: string; line: number } }) => value(`${d.location.path}:${d.location.line}`);

/** What this check says. */
const say = {
  declared: (what: Text, gv: Slot, when: Text) =>
    t`${what} is written with apiVersion ${gv}: applying this manifest fails once ${gv} is gone. ${when}`,
  rendered: (what: Text, gv: Slot, from: Slot, when: Text) =>
    t`${what} is rendered from ${from} with apiVersion ${gv}: installing or upgrading it fails once ${gv} is gone. ${when}`,
  template: (kind: string, gv: Slot, helper: Text, when: Text) =>
    t`This template produces a ${api(kind)} with apiVersion ${gv}${helper} on every render: installing or upgrading the chart fails once ${gv} is gone. ${when}`,
  values: (kind: string, gv: Slot, helper: Text, condition: Text, when: Text) =>
    t`This template can produce a ${api(kind)} with apiVersion ${gv}${helper}${condition}, depending on the values the chart is installed with: with them, installing or upgrading fails once ${gv} is gone. ${when}`,
  switches: (kind: string, gv: Slot, helper: Text, condition: Slot, target: Target) =>
    t`The chart already switches on ${target}: this template produces a ${api(kind)} with apiVersion ${gv}${helper} only when ${condition} holds, which a ${target} cluster does not.`,
  helper: (name: Slot, at: Slot) => t` (through the helper ${name}, defined at ${at})`,
  condition: (c: Slot) => t` (under ${c})`,
  removal: (gv: Slot, removal: Text) => t`${gv} is ${removal}.`,
  fix: (to: Text) => t`Change the apiVersion to ${to} and check the fields the new version changed.`,
  fixTemplate: (to: Text, helper: Text) =>
    t`Change the apiVersion in the template${helper} to ${to}, or choose it by the cluster version (semverCompare on .Capabilities.KubeVersion) while older clusters still install the chart.`,
  fixHelper: (name: Slot, at: Slot) => t` (or in the helper ${name} at ${at})`,
  nothing: (gv: Slot) =>
    t`Nothing to change for the upgrade. Drop the ${gv} branch once no cluster that old installs the chart.`,
  evidence: t`The apiVersion this file declares.`,
  templateEvidence: (at: Slot) => t`The apiVersion line of the template, at ${at}.`,
};

const replacementOf = (removed: RemovedApi) =>
  removed.replacement === null ? t`a supported alternative` : t`${api(removed.replacement)}`;

function helperText(d: DeclaredObject): Text {
  return d.helper ? say.helper(setting(d.helper.name), where(d.helper)) : [];
}

function findingFor(d: DeclaredObject, removed: RemovedApi, ctx: RuleContext): Finding | undefined {
  const gv = api(groupVersionOf(removed));
  const when = say.removal(gv, removalPhrase(removed, ctx.target));
  const base = {
    ruleId: RULE_ID,
    changeId: removed.changeId,
    object: d.ref,
    location: d.location,
    discriminator: `${d.location.path}:${d.location.line}:${d.ref.apiVersion}`,
  };
  if (d.origin !== 'template') {
    const message =
      d.origin === 'rendered' && d.from
        ? say.rendered(refText(d.ref), gv, value(d.from), when)
        : say.declared(refText(d.ref), gv, when);
    return makeFinding({
      ...base,
      severity: removalSeverity(removed, ctx.target),
      confidence: 'certain',
      message,
      remediation: say.fix(replacementOf(removed)),
      evidence: [{ source: 'manifest', path: t`apiVersion`, value: [gv], detail: say.evidence }],
    });
  }
  const taken = d.takenOn?.[ctx.target] ?? 'unknown';
  const helper = helperText(d);
  const evidence = [
    { source: 'manifest' as const, path: t`apiVersion`, value: [gv], detail: say.templateEvidence(where(d)) },
  ];
  if (taken === 'no') {
    return makeFinding({
      ...base,
      severity: 'info',
      confidence: 'likely',
      message: say.switches(d.ref.kind, gv, helper, setting(d.condition ?? 'its condition'), ctx.target),
      remediation: say.nothing(gv),
      evidence,
    });
  }
  const fixHelper = d.helper ? say.fixHelper(setting(d.helper.name), where(d.helper)) : [];
  return makeFinding({
    ...base,
    severity: removalSeverity(removed, ctx.target),
    confidence: taken === 'yes' ? 'certain' : 'possible',
    message:
      taken === 'yes'
        ? say.template(d.ref.kind, gv, helper, when)
        : say.values(d.ref.kind, gv, helper, d.condition ? say.condition(setting(d.condition)) : [], when),
    remediation: say.fixTemplate(replacementOf(removed), fixHelper),
    evidence,
  });
}

/** A template reference that a rendering of the same template already reports, object by object. */
function renderedElsewhere(d: DeclaredObject, rendered: ReadonlySet<string>): boolean {
  return rendered.has(`${d.location.path} ${d.ref.apiVersion} ${d.ref.kind}`);
}

export const rule: Rule = {
  id: RULE_ID,
  title: 'Manifests, rendered charts and chart templates that name a removed API version',
  changeIds: [...REMOVED_API_CHANGE_IDS, PSP_CHANGE_ID],
  needs: [],
  run(snapshot, ctx) {
    const declared = snapshot.manifests ?? [];
    const rendered = new Set(
      declared
        .filter((d) => d.origin === 'rendered')
        .map((d) => `${d.location.path} ${d.ref.apiVersion} ${d.ref.kind}`),
    );
    const findings = declared.flatMap((d) => {
      const removed = removedApiFor(ctx.removedApis, d.ref.apiVersion, d.ref.kind);
      if (!removed) return [];
      // PodSecurityPolicy objects read from files have checks of their own; templates are only read here.
      if (removed.changeId === PSP_CHANGE_ID && d.origin !== 'template') return [];
      if (d.origin === 'template' && renderedElsewhere(d, rendered)) return [];
      const finding = findingFor(d, removed, ctx);
      return finding ? [finding] : [];
    });
    return sortFindings(findings);
  },
};
