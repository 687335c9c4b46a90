import type { RemovedApi } from '../catalog/schema';
import type { DeprecatedApiRequest } from '../model/snapshot';
import { makeFinding } from './support/finding';
import { sortFindings } from './support/object-refs';
import {
  groupVersionOf,
  PSP_CHANGE_ID,
  REMOVED_API_CHANGE_IDS,
  removalPhrase,
  removalSeverity,
} from './support/removed-apis';
import type { ClusterProfile, Rule, RuleContext } from './support/check';
import type { Evidence, Finding } from '../model/finding';

const RULE_ID = 'removed-api-metrics';
const METRIC = 'apiserver_requested_deprecated_apis';

function metricEvidence(r: DeprecatedApiRequest): Evidence {
  const labels = [
    `group="${r.group}"`,
    `version="${r.version}"`,
    `resource="${r.resource}"`,
    ...(r.subresource ? [`subresource="${r.subresource}"`] : []),
    `removed_release="${r.removedRelease}"`,
  ].join(',');
  return {
    source: 'metric',
    path: `${METRIC}{${labels}}`,
    value: '1',
    detail: `kube-apiserver served at least one request for ${r.resource}${r.subresource ? `/${r.subresource}` : ''} through this version since it last started.`,
  };
}

/** Where the audit log lives on the cluster's provider. */
function auditHint(provider: ClusterProfile['provider']): string {
  switch (provider) {
    case 'eks':
      return ' On EKS, enable the audit control-plane log and query it in CloudWatch Logs Insights; EKS upgrade insights list the same clients.';
    case 'gke':
      return ' On GKE, search the Kubernetes audit logs in Cloud Logging; GKE deprecation insights name the clients too.';
    case 'aks':
      return ' On AKS, send the kube-audit diagnostic category to a Log Analytics workspace and query it there.';
    default:
      return ' The audit log is wherever kube-apiserver’s --audit-log-path or audit webhook sends it.';
  }
}

function findingOf(api: RemovedApi, requests: DeprecatedApiRequest[], ctx: RuleContext): Finding {
  const gv = groupVersionOf(api);
  const psp = api.changeId === PSP_CHANGE_ID;
  const caveat = psp
    ? ' Release Lens itself reads PodSecurityPolicies through policy/v1beta1 on clusters that still serve it, so this series may come from this or an earlier scan.'
    : '';
  return makeFinding({
    ruleId: RULE_ID,
    changeId: api.changeId,
    severity: removalSeverity(api, ctx.target),
    confidence: psp ? 'possible' : 'certain',
    object: { apiVersion: gv, kind: api.kind, name: `${api.resource} (API requests)` },
    message: `Some client called ${gv} ${api.resource} since kube-apiserver last started (${METRIC}). ${gv} is ${removalPhrase(api, ctx.target)}; that client’s requests will fail.${caveat}`,
    remediation:
      `Find the client: search the API server audit log for requests to ${api.resource} with objectRef.apiGroup "${api.group}" ` +
      `and objectRef.apiVersion "${api.version}" (audit events of deprecated APIs carry the annotation k8s.io/deprecated: "true"); ` +
      `userAgent and user.username name the tool.${auditHint(ctx.profile.provider)} Then upgrade or reconfigure it to use ` +
      `${api.replacement ?? 'a supported alternative'}. The metric only counts requests since the API server started, ` +
      'so also check clients that run rarely (CronJobs, CI pipelines, backup tools).',
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
      const api = ctx.removedApis.find(
        (a) => a.group === r.group && a.version === r.version && a.resource === r.resource,
      );
      if (api) byApi.set(api, [...(byApi.get(api) ?? []), r]);
    }
    return sortFindings([...byApi].map(([api, requests]) => findingOf(api, requests, ctx)));
  },
};
