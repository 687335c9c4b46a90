import type { RemovedApi } from '../catalog/schema';
import type { HelmManifestObject, HelmRelease, ObjectRef } from '../model/snapshot';
import type { Slot, Text } from '../model/text';
import { t } from '../model/text';
import { makeFinding, type EvidenceDraft } from './support/finding';
import { api, helmRelease, named, ns, setting, version } from './support/text';
import { sortFindings } from './support/object-refs';
import {
  groupVersionOf,
  PSP_CHANGE_ID,
  REMOVED_API_CHANGE_IDS,
  removalPhrase,
  removalSeverity,
  removedApiFor,
} from './support/removed-apis';
import type { Finding } from '../model/finding';
import type { Rule, RuleContext } from './support/check';

const RULE_ID = 'removed-api-helm';

/** Kinds with removed versions that are cluster-scoped: a manifest entry of these has no namespace. */
const CLUSTER_SCOPED = new Set(['PodSecurityPolicy', 'RuntimeClass', 'FlowSchema', 'PriorityLevelConfiguration']);

function refOf(o: HelmManifestObject, release: HelmRelease): ObjectRef {
  const namespace = o.namespace ?? (CLUSTER_SCOPED.has(o.kind) ? undefined : release.namespace);
  return { apiVersion: o.apiVersion, kind: o.kind, ...(namespace === undefined ? {} : { namespace }), name: o.name };
}

/** What this check says. */
const say = {
  chart: (release: HelmRelease): Text => {
    const c = release.current;
    if (!c?.chart) return t`its chart`;
    return c.chartVersion ? t`chart ${named(c.chart)} ${version(c.chartVersion)}` : t`chart ${named(c.chart)}`;
  },
  release: (release: HelmRelease) => t`Helm release ${ns(release.namespace)}/${helmRelease(release.name)}`,
  hook: (
    release: HelmRelease,
    o: HelmManifestObject & { source: { hook: string; events: string[] } },
    gv: Slot,
    removal: Text,
  ) =>
    t`${say.release(release)} (revision ${release.current?.revision ?? 0}, ${say.chart(release)}) has a ${setting(o.source.events.join('/'))} hook "${named(o.source.hook)}" that creates ${api(o.kind)} ${named(o.name)} through ${gv}, ${removal}. Helm creates hook resources from the chart at each install or upgrade, so running this chart version again fails when it reaches the hook.`,
  stored: (release: HelmRelease, o: HelmManifestObject, gv: Slot, removal: Text) =>
    t`${say.release(release)} (revision ${release.current?.revision ?? 0}, ${say.chart(release)}) stores ${api(o.kind)} ${named(o.name)} as ${gv}, ${removal}. After the cluster upgrade the next helm upgrade of this release fails ("current release manifest contains removed kubernetes api(s)"), because Helm cannot map the stored manifest to a served API.`,
  toReplacement: (replacement: string) => t`a chart version whose templates use ${api(replacement)}`,
  noReplacement: (kind: string) =>
    t`a chart version that no longer ships ${api(kind)} (it has no replacement; charts usually turn it off with a value such as podSecurityPolicy.enabled=false)`,
  upgrade: (release: HelmRelease, chart: Text) =>
    t`Upgrade ${helmRelease(release.name)} to ${chart}, before the cluster upgrade.`,
  hookFix: (upgrade: Text) =>
    t`${upgrade} helm mapkubeapis does not help here: it rewrites the stored manifest, not the chart's hooks.`,
  storedFix: (upgrade: Text, release: HelmRelease) =>
    t`${upgrade} If the release must stay on this chart version, or the cluster is already upgraded, rewrite the stored release with the helm-mapkubeapis plugin (helm mapkubeapis ${helmRelease(release.name)} --namespace ${ns(release.namespace)}), which replaces the removed API in the stored manifest (and drops objects that have no replacement).`,
  record: (release: HelmRelease, storageObject: string, o: HelmManifestObject) =>
    t`${api(release.storage)} ${ns(release.namespace)}/${named(storageObject)}${o.source === 'manifest' ? ' manifest' : t` hook ${named(o.source.hook)}`}`,
  object: (o: HelmManifestObject) => t`${api(o.apiVersion)} ${api(o.kind)} ${named(o.name)}`,
  current: (revision: number, status: string) =>
    t`Revision ${revision} (${setting(status)}), the release's current revision.`,
};

function messageOf(o: HelmManifestObject, removed: RemovedApi, release: HelmRelease, ctx: RuleContext): Text {
  const gv = api(groupVersionOf(removed));
  const removal = removalPhrase(removed, ctx.target);
  const source = o.source;
  if (source !== 'manifest') return say.hook(release, { ...o, source }, gv, removal);
  return say.stored(release, o, gv, removal);
}

function remediationOf(o: HelmManifestObject, removed: RemovedApi, release: HelmRelease): Text {
  const chart = removed.replacement ? say.toReplacement(removed.replacement) : say.noReplacement(removed.kind);
  const upgrade = say.upgrade(release, chart);
  return o.source !== 'manifest' ? say.hookFix(upgrade) : say.storedFix(upgrade, release);
}

function findingsFor(release: HelmRelease, ctx: RuleContext): Finding[] {
  const current = release.current;
  if (!current) return [];
  return current.objects.flatMap((o) => {
    const removed = removedApiFor(ctx.removedApis, o.apiVersion, o.kind);
    if (!removed) return [];
    const evidence: EvidenceDraft = {
      source: 'helm-release',
      path: say.record(release, current.storageObject, o),
      value: say.object(o),
      detail: say.current(current.revision, current.status),
    };
    return [
      makeFinding({
        ruleId: RULE_ID,
        changeId: removed.changeId,
        severity: removalSeverity(removed, ctx.target),
        confidence: 'certain',
        object: refOf(o, release),
        helmRelease: { name: release.name, namespace: release.namespace },
        discriminator: `${release.namespace}/${release.name}:${o.source === 'manifest' ? 'manifest' : o.source.hook}`,
        message: messageOf(o, removed, release, ctx),
        remediation: remediationOf(o, removed, release),
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
