import type { RemovedApi } from '../catalog/schema';
import type { HelmManifestObject, HelmRelease, ObjectRef } from '../model/snapshot';
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
import type { Evidence, Finding } from '../model/finding';
import type { Rule, RuleContext } from './support/check';

const RULE_ID = 'removed-api-helm';

/** Kinds with removed versions that are cluster-scoped: a manifest entry of these has no namespace. */
const CLUSTER_SCOPED = new Set(['PodSecurityPolicy', 'RuntimeClass', 'FlowSchema', 'PriorityLevelConfiguration']);

function refOf(o: HelmManifestObject, release: HelmRelease): ObjectRef {
  const namespace = o.namespace ?? (CLUSTER_SCOPED.has(o.kind) ? undefined : release.namespace);
  return { apiVersion: o.apiVersion, kind: o.kind, ...(namespace === undefined ? {} : { namespace }), name: o.name };
}

function chartOf(release: HelmRelease): string {
  const c = release.current;
  if (!c?.chart) return 'its chart';
  return `chart ${c.chart}${c.chartVersion ? ` ${c.chartVersion}` : ''}`;
}

function messageOf(o: HelmManifestObject, api: RemovedApi, release: HelmRelease, ctx: RuleContext): string {
  const rel = `Helm release ${release.namespace}/${release.name}`;
  const revision = release.current?.revision ?? 0;
  const gv = groupVersionOf(api);
  if (o.source !== 'manifest') {
    return (
      `${rel} (revision ${revision}, ${chartOf(release)}) has a ${o.source.events.join('/')} hook "${o.source.hook}" ` +
      `that creates ${o.kind} ${o.name} through ${gv}, ${removalPhrase(api, ctx.target)}. Helm creates hook resources ` +
      'from the chart at each install or upgrade, so running this chart version again fails when it reaches the hook.'
    );
  }
  return (
    `${rel} (revision ${revision}, ${chartOf(release)}) stores ${o.kind} ${o.name} as ${gv}, ${removalPhrase(api, ctx.target)}. ` +
    'After the cluster upgrade the next helm upgrade of this release fails ("current release manifest contains removed ' +
    'kubernetes api(s)"), because Helm cannot map the stored manifest to a served API.'
  );
}

function remediationOf(o: HelmManifestObject, api: RemovedApi, release: HelmRelease): string {
  const chart = api.replacement
    ? `a chart version whose templates use ${api.replacement}`
    : `a chart version that no longer ships ${api.kind} (it has no replacement; charts usually turn it off with a value such as podSecurityPolicy.enabled=false)`;
  const upgrade = `Upgrade ${release.name} to ${chart}, before the cluster upgrade.`;
  if (o.source !== 'manifest') {
    return `${upgrade} helm mapkubeapis does not help here: it rewrites the stored manifest, not the chart's hooks.`;
  }
  return (
    `${upgrade} If the release must stay on this chart version, or the cluster is already upgraded, rewrite the ` +
    `stored release with the helm-mapkubeapis plugin (helm mapkubeapis ${release.name} --namespace ${release.namespace}), ` +
    'which replaces the removed API in the stored manifest (and drops objects that have no replacement).'
  );
}

function findingsFor(release: HelmRelease, ctx: RuleContext): Finding[] {
  const current = release.current;
  if (!current) return [];
  return current.objects.flatMap((o) => {
    const api = removedApiFor(ctx.removedApis, o.apiVersion, o.kind);
    if (!api) return [];
    const evidence: Evidence = {
      source: 'helm-release',
      path: `${release.storage} ${release.namespace}/${current.storageObject}${o.source === 'manifest' ? ' manifest' : ` hook ${o.source.hook}`}`,
      value: `${o.apiVersion} ${o.kind} ${o.name}`,
      detail: `Revision ${current.revision} (${current.status}), the release's current revision.`,
    };
    return [
      makeFinding({
        ruleId: RULE_ID,
        changeId: api.changeId,
        severity: removalSeverity(api, ctx.target),
        confidence: 'certain',
        object: refOf(o, release),
        helmRelease: { name: release.name, namespace: release.namespace },
        discriminator: `${release.namespace}/${release.name}:${o.source === 'manifest' ? 'manifest' : o.source.hook}`,
        message: messageOf(o, api, release, ctx),
        remediation: remediationOf(o, api, release),
        evidence: [evidence],
      }),
    ];
  });
}

export const rule: Rule = {
  id: RULE_ID,
  title: 'Helm releases whose stored manifest uses a removed API',
  changeIds: [...REMOVED_API_CHANGE_IDS, PSP_CHANGE_ID],
  needs: ['helmsecrets', 'helmconfigmaps'],
  run(snapshot, ctx) {
    return sortFindings(snapshot.helmReleases.flatMap((r) => findingsFor(r, ctx)));
  },
};
