import type { RemovedApi } from '../catalog/schema';
import type { ApiEvidenceObject } from '../model/snapshot';
import { CLIENT_SIDE_APPLY, gradeApiEvidence, type ApiEvidenceGrade, type GradedWrite } from './support/api-evidence';
import type { Target } from '../model/releases';
import { EVIDENCE_RESOURCE_KEYS } from '../model/resources';
import type { ManagedFieldsEntry } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { fixed, join, list, t } from '../model/text';
import { writerKind, type WriterKind } from './support/writers';
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
    superseded: (m: Slot, gv: Slot) =>
      t`${m} wrote through ${gv}; another writer wrote the object later through a served version.`,
  } satisfies Record<GradedWrite['state'], (m: Slot, gv: Slot) => Text>,
  /** "kubectl-client-side-apply through policy/v1beta1 at 2024-01-01T10:00:00Z" */
  wrote: (e: ManagedFieldsEntry) =>
    t`${setting(e.manager)} through ${api(e.apiVersion)}${e.time ? t` at ${setting(e.time)}` : ''}`,
  superseded: (what: Text, old: Text, latest: Text, gv: Slot, when: Text) =>
    t`${what} was written through ${gv} (${old}), but the latest write went through a served version: ${latest}. The object in the cluster is fine; the source that the earlier writer applies may still say ${gv}, and applying it again would fail. ${when}`,
  verify: (source: Text, gv: Slot, to: Text) =>
    t`Verify ${source}: if it still says ${gv}, change it to ${to}; the newer writer already uses a served version.`,
  entry: (e: ManagedFieldsEntry) =>
    t`metadata.managedFields[manager=${setting(e.manager)},operation=${setting(e.operation)}${e.subresource ? t`,subresource=${setting(e.subresource)}` : ''}]`,
  written: (e: ManagedFieldsEntry) => t`${api(e.apiVersion)}${e.time ? t` at ${setting(e.time)}` : ''}`,
  latestWrite: (m: Slot) => t`${m} wrote the object last, through a served version.`,
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
  /** Where the version the writer sends comes from, by kind of writer. */
  source: {
    kubectl: (kind: string) =>
      t`the manifest that kubectl applies (a file, a Kustomize base, or a chart rendered and applied with kubectl): kubectl sends whatever apiVersion the manifest names, so upgrading kubectl changes nothing; the ${api(kind)}'s manifest is the fix`,
    helm: (kind: string) =>
      t`the Helm chart that renders this ${api(kind)}: change the template (or move to a chart version that uses the served version), then helm upgrade`,
    argocd: (kind: string) =>
      t`the Git repository (or the chart or Kustomize base) that the Argo CD Application syncs this ${api(kind)} from: Argo CD applies what it says, and reverts hand edits`,
    flux: (kind: string) =>
      t`the Git repository, Kustomization or HelmRelease chart that Flux reconciles this ${api(kind)} from: Flux applies what it says, and reverts hand edits`,
    operator: (kind: string) =>
      t`the operator that writes this ${api(kind)}: upgrade it to a release that writes the served version (its release notes say which supports Kubernetes 1.25); editing the object by hand is undone by the operator`,
    client: (kind: string) =>
      t`the configuration of the tool that writes this ${api(kind)}, or the tool itself (upgrade it)`,
  } satisfies Record<WriterKind, (kind: string) => Text>,
  writer: (m: Slot, source: Text) => t`${m} writes it: fix ${source}.`,
  helm: (release: { namespace: string; name: string }, to: Text) =>
    t` It belongs to Helm release ${ns(release.namespace)}/${helmRelease(release.name)}; the chart must move to ${to} too.`,
  fix: (to: Text, writers: Text, target: Target, helm: Text, migration: string) =>
    t`Change apiVersion to ${to} before the upgrade to ${target}. ${writers}${helm} ${fixed(migration)}`,
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
  const latest =
    grade.latest && grade.latest.apiVersion !== grade.writes[0]?.entry.apiVersion && superseded(grade)
      ? [
          {
            source: 'managed-fields' as const,
            path: say.entry(grade.latest),
            value: say.written(grade.latest),
            detail: say.latestWrite(setting(grade.latest.manager)),
          },
        ]
      : [];
  return [...writes, ...applied, ...latest];
}

const managersOf = (writes: readonly GradedWrite[]) => [...new Set(writes.map((w) => w.entry.manager))];

/** The writes through the removed version that nobody has written over since (live or of unknown order). */
const current = (grade: ApiEvidenceGrade) => grade.writes.filter((w) => w.state === 'live' || w.state === 'unordered');
const superseded = (grade: ApiEvidenceGrade) =>
  grade.writes.some((w) => w.state === 'superseded') || grade.lastAppliedSupersededBy !== undefined;

/** Live: a writer still writes through the removed version. Superseded: a later write went through a served one. */
function verdictOf(grade: ApiEvidenceGrade): 'live' | 'superseded' | 'unclear' | 'stale' {
  if (grade.writes.some((w) => w.state === 'live')) return 'live';
  if (grade.lastApplied && grade.lastAppliedSupersededBy === undefined && grade.writes.length === 0) return 'live';
  if (grade.writes.some((w) => w.state === 'unordered')) return 'unclear';
  if (superseded(grade)) return 'superseded';
  return grade.lastApplied ? 'live' : 'stale';
}

function messageOf(obj: ApiEvidenceObject, removed: RemovedApi, grade: ApiEvidenceGrade, ctx: RuleContext): Text {
  const what = refText(obj.ref);
  const gv = api(groupVersionOf(removed));
  const gone = minorOf(removed.removedIn) <= (ctx.profile.serverMinor ?? 0);
  const when = gone ? say.gone(gv) : say.removal(gv, removalPhrase(removed, ctx.target));
  const live = managersOf(grade.writes.filter((w) => w.state === 'live'));
  const verdict = verdictOf(grade);
  if (verdict === 'live' && live.length > 0)
    return say.live(what, list(live.map(setting), 3), live.length > 1, gv, when);
  if (verdict === 'live') return say.applied(what, gv, when);
  if (verdict === 'stale') return say.stale(what, gv, when);
  if (verdict === 'superseded') {
    const old = grade.writes.filter((w) => w.state === 'superseded').map((w) => say.wrote(w.entry));
    const latest = grade.latest ? say.wrote(grade.latest) : t`a served version`;
    return say.superseded(what, list(old.length > 0 ? old : [t`the last kubectl apply`], 3), latest, gv, when);
  }
  return say.unclear(what, list(managersOf(current(grade)).map(setting), 3), gv, when);
}

/** The fix for each writer still on the removed version (or, when superseded, each earlier writer to verify). */
function remediationOf(obj: ApiEvidenceObject, removed: RemovedApi, grade: ApiEvidenceGrade, ctx: RuleContext): Text {
  const to = removed.replacement === null ? t`a supported alternative` : t`${api(removed.replacement)}`;
  const gv = api(groupVersionOf(removed));
  const verdict = verdictOf(grade);
  const fixable = verdict === 'superseded' ? grade.writes.filter((w) => w.state === 'superseded') : current(grade);
  const writers = managersOf(fixable.length > 0 ? fixable : grade.writes);
  const applied = grade.lastApplied && !writers.includes(CLIENT_SIDE_APPLY) ? [CLIENT_SIDE_APPLY] : [];
  const lines = [...writers, ...applied].slice(0, 3).map((m) => {
    const source = say.source[writerKind(m, obj)](obj.ref.kind);
    return verdict === 'superseded' ? say.verify(t`${source} (${setting(m)})`, gv, to) : say.writer(setting(m), source);
  });
  const helm = obj.helmRelease ? say.helm(obj.helmRelease, to) : [];
  return say.fix(to, join(lines, ' '), ctx.target, helm, removed.migration);
}

function findingsFor(obj: ApiEvidenceObject, ctx: RuleContext): Finding[] {
  if (obj.ref.kind === 'PodSecurityPolicy') return [];
  return removedApisForKind(ctx.removedApis, obj.group, obj.ref.kind).flatMap((removed) => {
    if (removed.changeId === PSP_CHANGE_ID) return [];
    const grade = gradeApiEvidence(obj, removed, ctx.removedApis);
    if (grade.writes.length === 0 && !grade.lastApplied) return [];
    const verdict = verdictOf(grade);
    // Only history says the old version: worth a look, not a blocker. A newer write through a served version: the
    // object is fine, its source is to be verified.
    const severity =
      verdict === 'stale' ? 'info' : verdict === 'superseded' ? 'action' : removalSeverity(removed, ctx.target);
    return [
      makeFinding({
        ruleId: RULE_ID,
        changeId: removed.changeId,
        severity,
        confidence: grade.writes.some((w) => w.state === 'live') ? 'likely' : 'possible',
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
    // A repository's files carry no write history: what they declare is read by removed-api-manifests.
    if (snapshot.source.kind === 'files') return [];
    return sortFindings(snapshot.apiEvidence.flatMap((obj) => findingsFor(obj, ctx)));
  },
};
