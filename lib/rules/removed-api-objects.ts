import type { RemovedApi } from '../catalog/schema';
import type { ApiEvidenceObject } from '../model/snapshot';
import { CLIENT_SIDE_APPLY, gradeApiEvidence, type ApiEvidenceGrade, type GradedWrite } from './support/api-evidence';
import { makeFinding } from './support/finding';
import { describeRef, sortFindings } from './support/object-refs';
import { minorOf } from '../model/releases';
import {
  groupVersionOf,
  PSP_CHANGE_ID,
  REMOVED_API_CHANGE_IDS,
  removalPhrase,
  removalSeverity,
  removedApisForKind,
} from './support/removed-apis';
import { listNames } from './support/scope';
import type { Evidence, Finding } from '../model/finding';
import type { Rule, RuleContext } from './support/check';

const RULE_ID = 'removed-api-objects';

const WRITE_DETAIL: Record<GradedWrite['state'], (manager: string, gv: string) => string> = {
  live: (m, gv) => `${m} wrote through ${gv} and has not written through a served version since.`,
  unordered: (m, gv) =>
    `${m} wrote through ${gv} and also through a served version, but the times do not say which came last.`,
  stale: (m, gv) =>
    `${m} wrote through ${gv}, but the last-applied annotation, rewritten by every later kubectl apply, names a served version.`,
};

function evidenceOf(grade: ApiEvidenceGrade, gv: string): Evidence[] {
  const writes = grade.writes.map(({ entry, state }): Evidence => ({
    source: 'managed-fields',
    path: `metadata.managedFields[manager=${entry.manager},operation=${entry.operation}${entry.subresource ? `,subresource=${entry.subresource}` : ''}]`,
    value: `${entry.apiVersion}${entry.time ? ` at ${entry.time}` : ''}`,
    detail: WRITE_DETAIL[state](entry.manager, gv),
  }));
  const applied: Evidence[] = grade.lastApplied
    ? [
        {
          source: 'last-applied',
          path: 'metadata.annotations[kubectl.kubernetes.io/last-applied-configuration].apiVersion',
          value: gv,
          detail: `The last kubectl apply sent ${gv}, and no later client-side apply used a served version.`,
        },
      ]
    : [];
  return [...writes, ...applied];
}

function messageOf(obj: ApiEvidenceObject, api: RemovedApi, grade: ApiEvidenceGrade, ctx: RuleContext): string {
  const what = describeRef(obj.ref);
  const gv = groupVersionOf(api);
  const gone = minorOf(api.removedIn) <= (ctx.profile.serverMinor ?? 0);
  const when = gone
    ? `This cluster no longer serves ${gv}, so these records predate its upgrade; the client fails if it still uses it.`
    : `${gv} is ${removalPhrase(api, ctx.target)}.`;
  const live = [...new Set(grade.writes.filter((w) => w.state === 'live').map((w) => w.entry.manager))];
  if (live.length > 0) {
    const verb = live.length === 1 ? 'writes' : 'write';
    return `${what}: ${listNames(live)} still ${verb} it through ${gv}; its next write fails once ${gv} is gone. ${when}`;
  }
  if (!grade.lastApplied && grade.writes.every((w) => w.state === 'stale')) {
    return `${what} keeps an old kubectl client-side apply record through ${gv}, but kubectl has since applied it through a served version. The record looks stale; check that no manifest or pipeline still says ${gv}. ${when}`;
  }
  if (grade.lastApplied && grade.writes.length === 0) {
    return `${what} was last applied with kubectl through ${gv}: re-applying the manifest that created it will fail. ${when}`;
  }
  const names = listNames([...new Set(grade.writes.map((w) => w.entry.manager))]);
  return `${what}: ${names} wrote it through ${gv}, and it is unclear whether a later write moved to a served version. ${when}`;
}

function remediationOf(obj: ApiEvidenceObject, api: RemovedApi, grade: ApiEvidenceGrade, ctx: RuleContext): string {
  const to = api.replacement ?? 'a supported alternative';
  const managers = [...new Set(grade.writes.map((w) => w.entry.manager))].filter((m) => m !== CLIENT_SIDE_APPLY);
  const tools = managers.length > 0 ? ` and upgrade or reconfigure ${listNames(managers)} to use ${to}` : '';
  const helm = obj.helmRelease
    ? ` It belongs to Helm release ${obj.helmRelease.namespace}/${obj.helmRelease.name}; the chart must move to ${to} too.`
    : '';
  return `Change apiVersion to ${to} wherever this ${obj.ref.kind} is defined (manifests, Kustomize bases, GitOps repositories)${tools}, before the upgrade to ${ctx.target}.${helm} ${api.migration}`;
}

function findingsFor(obj: ApiEvidenceObject, ctx: RuleContext): Finding[] {
  if (obj.ref.kind === 'PodSecurityPolicy') return [];
  return removedApisForKind(ctx.removedApis, obj.group, obj.ref.kind).flatMap((api) => {
    if (api.changeId === PSP_CHANGE_ID) return [];
    const grade = gradeApiEvidence(obj, api, ctx.removedApis);
    if (grade.writes.length === 0 && !grade.lastApplied) return [];
    const likely = grade.writes.some((w) => w.state === 'live');
    // Only history says the old version: worth a look, not a blocker.
    const stale = !grade.lastApplied && grade.writes.every((w) => w.state === 'stale');
    return [
      makeFinding({
        ruleId: RULE_ID,
        changeId: api.changeId,
        severity: stale ? 'info' : removalSeverity(api, ctx.target),
        confidence: likely ? 'likely' : 'possible',
        object: obj.ref,
        ...(obj.helmRelease ? { helmRelease: obj.helmRelease } : {}),
        message: messageOf(obj, api, grade, ctx),
        remediation: remediationOf(obj, api, grade, ctx),
        evidence: evidenceOf(grade, groupVersionOf(api)),
      }),
    ];
  });
}

export const rule: Rule = {
  id: RULE_ID,
  title: 'Objects still written or applied through a removed API version',
  changeIds: [...REMOVED_API_CHANGE_IDS],
  needs: [
    'cronjobs',
    'endpointslices',
    'events',
    'horizontalpodautoscalers',
    'poddisruptionbudgets',
    'runtimeclasses',
    'flowschemas',
    'prioritylevelconfigurations',
    'csistoragecapacities',
  ],
  run(snapshot, ctx) {
    return sortFindings(snapshot.apiEvidence.flatMap((obj) => findingsFor(obj, ctx)));
  },
};
