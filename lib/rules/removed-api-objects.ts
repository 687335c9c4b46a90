import type { RemovedApi } from '../catalog/schema';
import type { ApiEvidenceObject } from '../model/snapshot';
import { CLIENT_SIDE_APPLY, gradeApiEvidence, type ApiEvidenceGrade, type GradedWrite } from './support/api-evidence';
import type { Target } from '../model/releases';
import { EVIDENCE_RESOURCE_KEYS } from '../model/resources';
import type { ManagedFieldsEntry } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { fixed, list, t } from '../model/text';
import { makeFinding, type EvidenceDraft } from './support/finding';
import { sortFindings } from './support/object-refs';
import { api, helmRelease, ns, refText, setting } from './support/text';
import { minorOf } from '../model/releases';
import {
  groupVersionOf,
  PSP_CHANGE_ID,
  REMOVED_API_CHANGE_IDS,
  removalPhrase,
  removalSeverity,
  removedApisForKind,
} from './support/removed-apis';
import type { Finding } from '../model/finding';
import type { Rule, RuleContext } from './support/check';

const RULE_ID = 'removed-api-objects';

/** What this check says. */
const say = {
  write: {
    live: (m: Slot, gv: Slot) => t`${m} wrote through ${gv} and has not written through a served version since.`,
    unordered: (m: Slot, gv: Slot) =>
      t`${m} wrote through ${gv} and also through a served version, but the times do not say which came last.`,
    stale: (m: Slot, gv: Slot) =>
      t`${m} wrote through ${gv}, but the last-applied annotation, rewritten by every later kubectl apply, names a served version.`,
  } satisfies Record<GradedWrite['state'], (m: Slot, gv: Slot) => Text>,
  entry: (e: ManagedFieldsEntry) =>
    t`metadata.managedFields[manager=${setting(e.manager)},operation=${setting(e.operation)}${e.subresource ? t`,subresource=${setting(e.subresource)}` : ''}]`,
  written: (e: ManagedFieldsEntry) => t`${api(e.apiVersion)}${e.time ? t` at ${setting(e.time)}` : ''}`,
  lastApplied: (gv: Slot) =>
    t`The last kubectl apply sent ${gv}, and no later client-side apply used a served version.`,
  gone: (gv: Slot) =>
    t`This cluster no longer serves ${gv}, so these records predate its upgrade; the client fails if it still uses it.`,
  removal: (gv: Slot, removal: Text) => t`${gv} is ${removal}.`,
  live: (what: Text, managers: Text, plural: boolean, gv: Slot, when: Text) =>
    t`${what}: ${managers} still ${plural ? 'write' : 'writes'} it through ${gv}; its next write fails once ${gv} is gone. ${when}`,
  stale: (what: Text, gv: Slot, when: Text) =>
    t`${what} keeps an old kubectl client-side apply record through ${gv}, but kubectl has since applied it through a served version. The record looks stale; check that no manifest or pipeline still says ${gv}. ${when}`,
  applied: (what: Text, gv: Slot, when: Text) =>
    t`${what} was last applied with kubectl through ${gv}: re-applying the manifest that created it will fail. ${when}`,
  unclear: (what: Text, managers: Text, gv: Slot, when: Text) =>
    t`${what}: ${managers} wrote it through ${gv}, and it is unclear whether a later write moved to a served version. ${when}`,
  tools: (managers: Text, to: Text) => t` and upgrade or reconfigure ${managers} to use ${to}`,
  helm: (release: { namespace: string; name: string }, to: Text) =>
    t` It belongs to Helm release ${ns(release.namespace)}/${helmRelease(release.name)}; the chart must move to ${to} too.`,
  fix: (kind: string, to: Text, tools: Text, target: Target, helm: Text, migration: string) =>
    t`Change apiVersion to ${to} wherever this ${api(kind)} is defined (manifests, Kustomize bases, GitOps repositories)${tools}, before the upgrade to ${target}.${helm} ${fixed(migration)}`,
};

function evidenceOf(grade: ApiEvidenceGrade, gv: Slot): EvidenceDraft[] {
  const writes = grade.writes.map(({ entry, state }): EvidenceDraft => ({
    source: 'managed-fields',
    path: say.entry(entry),
    value: say.written(entry),
    detail: say.write[state](setting(entry.manager), gv),
  }));
  const applied: EvidenceDraft[] = grade.lastApplied
    ? [
        {
          source: 'last-applied',
          path: t`metadata.annotations[kubectl.kubernetes.io/last-applied-configuration].apiVersion`,
          value: [gv],
          detail: say.lastApplied(gv),
        },
      ]
    : [];
  return [...writes, ...applied];
}

const managersOf = (writes: readonly GradedWrite[]) => [...new Set(writes.map((w) => w.entry.manager))];

function messageOf(obj: ApiEvidenceObject, removed: RemovedApi, grade: ApiEvidenceGrade, ctx: RuleContext): Text {
  const what = refText(obj.ref);
  const gv = api(groupVersionOf(removed));
  const gone = minorOf(removed.removedIn) <= (ctx.profile.serverMinor ?? 0);
  const when = gone ? say.gone(gv) : say.removal(gv, removalPhrase(removed, ctx.target));
  const live = managersOf(grade.writes.filter((w) => w.state === 'live'));
  if (live.length > 0) return say.live(what, list(live.map(setting), 3), live.length > 1, gv, when);
  if (!grade.lastApplied && grade.writes.every((w) => w.state === 'stale')) return say.stale(what, gv, when);
  if (grade.lastApplied && grade.writes.length === 0) return say.applied(what, gv, when);
  return say.unclear(what, list(managersOf(grade.writes).map(setting), 3), gv, when);
}

function remediationOf(obj: ApiEvidenceObject, removed: RemovedApi, grade: ApiEvidenceGrade, ctx: RuleContext): Text {
  const to = removed.replacement === null ? t`a supported alternative` : t`${api(removed.replacement)}`;
  const managers = managersOf(grade.writes).filter((m) => m !== CLIENT_SIDE_APPLY);
  const tools = managers.length > 0 ? say.tools(list(managers.map(setting), 3), to) : [];
  const helm = obj.helmRelease ? say.helm(obj.helmRelease, to) : [];
  return say.fix(obj.ref.kind, to, tools, ctx.target, helm, removed.migration);
}

function findingsFor(obj: ApiEvidenceObject, ctx: RuleContext): Finding[] {
  if (obj.ref.kind === 'PodSecurityPolicy') return [];
  return removedApisForKind(ctx.removedApis, obj.group, obj.ref.kind).flatMap((removed) => {
    if (removed.changeId === PSP_CHANGE_ID) return [];
    const grade = gradeApiEvidence(obj, removed, ctx.removedApis);
    if (grade.writes.length === 0 && !grade.lastApplied) return [];
    const likely = grade.writes.some((w) => w.state === 'live');
    // Only history says the old version: worth a look, not a blocker.
    const stale = !grade.lastApplied && grade.writes.every((w) => w.state === 'stale');
    return [
      makeFinding({
        ruleId: RULE_ID,
        changeId: removed.changeId,
        severity: stale ? 'info' : removalSeverity(removed, ctx.target),
        confidence: likely ? 'likely' : 'possible',
        object: obj.ref,
        ...(obj.helmRelease ? { helmRelease: obj.helmRelease } : {}),
        message: messageOf(obj, removed, grade, ctx),
        remediation: remediationOf(obj, removed, grade, ctx),
        evidence: evidenceOf(grade, api(groupVersionOf(removed))),
      }),
    ];
  });
}

export const rule: Rule = {
  id: RULE_ID,
  title: 'Objects still written or applied through a removed API version',
  changeIds: [...REMOVED_API_CHANGE_IDS],
  // Every kind the resource table keeps as removed-API evidence; PodSecurityPolicy has checks of its own.
  needs: EVIDENCE_RESOURCE_KEYS.filter((k) => k !== 'podsecuritypolicies'),
  run(snapshot, ctx) {
    return sortFindings(snapshot.apiEvidence.flatMap((obj) => findingsFor(obj, ctx)));
  },
};
