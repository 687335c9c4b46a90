import type { RemovedApi } from '../catalog/schema';
import type { Finding } from '../model/finding';
import type { DeprecatedApiRequest } from '../model/snapshot';
import { raisedByScan } from './support/own-reads';
import type { Slot, Text } from '../model/text';
import { t } from '../model/text';
import type { ClusterProfile, Rule, RuleContext } from './support/check';
import { makeFinding, type EvidenceDraft } from './support/finding';
import { sortFindings } from './support/object-refs';
import {
  groupVersionOf,
  PSP_CHANGE_ID,
  REMOVED_API_CHANGE_IDS,
  removalPhrase,
  removalSeverity,
} from './support/removed-apis';
import { api as apiSlot } from './support/text';

const RULE_ID = 'removed-api-metrics';
const METRIC = 'apiserver_requested_deprecated_apis';

/** What this check says. */
const say = {
  series: (r: DeprecatedApiRequest): Text => {
    const sub = r.subresource ? t`,subresource="${apiSlot(r.subresource)}"` : [];
    return t`${METRIC}{group="${apiSlot(r.group)}",version="${apiSlot(r.version)}",resource="${apiSlot(r.resource)}"${sub},removed_release="${apiSlot(r.removedRelease)}"}`;
  },
  served: (r: DeprecatedApiRequest) =>
    t`kube-apiserver served at least one request for ${apiSlot(r.resource)}${r.subresource ? t`/${apiSlot(r.subresource)}` : ''} through this version since it last started.`,
  called: (gv: Slot, resource: Slot, removal: Text) =>
    t`Some client called ${gv} ${resource} since kube-apiserver last started (${METRIC}). ${gv} is ${removal}; that client’s requests will fail.`,
  fix: (api: RemovedApi, provider: ClusterProfile['provider']) =>
    t`Find the client: search the API server audit log for requests to ${apiSlot(api.resource)} with objectRef.apiGroup "${apiSlot(api.group)}" and objectRef.apiVersion "${apiSlot(api.version)}" (audit events of deprecated APIs carry the annotation k8s.io/deprecated: "true"); userAgent and user.username name the tool.${say.auditHint(provider)} Then upgrade or reconfigure it to use ${api.replacement === null ? 'a supported alternative' : apiSlot(api.replacement)}. The metric only counts requests since the API server started, so also check clients that run rarely (CronJobs, CI pipelines, backup tools).`,
  /** Where the audit log lives on the cluster's provider. */
  auditHint: (provider: ClusterProfile['provider']): Text => {
    switch (provider) {
      case 'eks':
        return t` On EKS, enable the audit control-plane log and query it in CloudWatch Logs Insights; EKS upgrade insights list the same clients.`;
      case 'gke':
        return t` On GKE, search the Kubernetes audit logs in Cloud Logging; GKE deprecation insights name the clients too.`;
      case 'aks':
        return t` On AKS, send the kube-audit diagnostic category to a Log Analytics workspace and query it there.`;
      default:
        return t` The audit log is wherever kube-apiserver’s --audit-log-path or audit webhook sends it.`;
    }
  },
};

function metricEvidence(r: DeprecatedApiRequest): EvidenceDraft {
  return { source: 'metric', path: say.series(r), value: t`1`, detail: say.served(r) };
}

function findingOf(api: RemovedApi, requests: DeprecatedApiRequest[], ctx: RuleContext): Finding {
  const gv = groupVersionOf(api);
  return makeFinding({
    ruleId: RULE_ID,
    changeId: api.changeId,
    severity: removalSeverity(api, ctx.target),
    confidence: api.changeId === PSP_CHANGE_ID ? 'possible' : 'certain',
    object: { apiVersion: gv, kind: api.kind, name: `${api.resource} (API requests)` },
    message: say.called(apiSlot(gv), apiSlot(api.resource), removalPhrase(api, ctx.target)),
    remediation: say.fix(api, ctx.profile.provider),
    evidence: requests.map(metricEvidence),
  });
}

export const rule: Rule = {
  id: RULE_ID,
  title: 'Clients that called a removed API version (API server metrics)',
  changeIds: [...REMOVED_API_CHANGE_IDS, PSP_CHANGE_ID],
  needs: ['metrics'],
  run(snapshot, ctx) {
    const byApi = new Map<RemovedApi, DeprecatedApiRequest[]>();
    for (const r of snapshot.deprecatedApiRequests ?? []) {
      if (raisedByScan(snapshot, r)) continue;
      const api = ctx.removedApis.find(
        (a) => a.group === r.group && a.version === r.version && a.resource === r.resource,
      );
      if (api) byApi.set(api, [...(byApi.get(api) ?? []), r]);
    }
    return sortFindings([...byApi].map(([api, requests]) => findingOf(api, requests, ctx)));
  },
};
