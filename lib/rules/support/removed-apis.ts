import type { RemovedApi } from '../../catalog/schema';
import type { Severity } from '../../model/catalog';
import type { Target } from '../../model/releases';
import { minorOf } from '../../model/releases';
import { t, type Text } from '../../model/text';

/** Catalog change ids of the removed (or look-ahead) API versions, PodSecurityPolicy aside. */
export const REMOVED_API_CHANGE_IDS = [
  'cronjob-v1beta1-removal',
  'endpointslice-v1beta1-removal',
  'event-v1beta1-removal',
  'hpa-v2beta1-removal',
  'pdb-v1beta1-removal',
  'runtimeclass-v1beta1-removal',
  'runtimeclass-v1alpha1-removal',
  'hpa-v2beta2-removal-lookahead',
  'flowcontrol-v1beta1-removal-lookahead',
  'csistoragecapacity-v1beta1-deprecation',
];

/** The change id of PodSecurityPolicy's removal; its objects belong to the PSP checks. */
export const PSP_CHANGE_ID = 'psp-removal';

/** 'batch/v1beta1', or 'v1' for the core group. */
export function groupVersionOf(api: Pick<RemovedApi, 'group' | 'version'>): string {
  return api.group === '' ? api.version : `${api.group}/${api.version}`;
}

/** Splits an apiVersion such as 'batch/v1beta1' (or 'v1') into group and version. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.lastIndexOf('/');
  return i < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/** True when the version is gone once the cluster runs the target release. */
export function removedByTarget(api: RemovedApi, target: Target): boolean {
  return minorOf(api.removedIn) <= minorOf(target);
}

/** breaking when the target release no longer serves the version, action for a look-ahead removal. */
export function removalSeverity(api: RemovedApi, target: Target): Severity {
  return removedByTarget(api, target) ? 'breaking' : 'action';
}

/** 'removed in Kubernetes 1.25', 'removed in Kubernetes 1.26, the release after your 1.25 target' and so on. */
export function removalPhrase(api: RemovedApi, target: Target): Text {
  if (removedByTarget(api, target)) return t`removed in Kubernetes ${api.removedIn}`;
  const next = minorOf(api.removedIn) - minorOf(target) === 1 ? 'the release after' : 'after';
  return t`removed in Kubernetes ${api.removedIn}, ${next} your ${target} target`;
}

/** The rows for an object kind in a group, most urgent first. */
export function removedApisForKind(apis: readonly RemovedApi[], group: string, kind: string): RemovedApi[] {
  return apis
    .filter((a) => a.group === group && a.kind === kind)
    .sort(
      (a, b) =>
        minorOf(a.removedIn) - minorOf(b.removedIn) || (a.version < b.version ? -1 : a.version > b.version ? 1 : 0),
    );
}

/** The row for an exact apiVersion and kind, if that version is removed. */
export function removedApiFor(apis: readonly RemovedApi[], apiVersion: string, kind: string): RemovedApi | undefined {
  const { group, version } = splitApiVersion(apiVersion);
  return apis.find((a) => a.group === group && a.version === version && a.kind === kind);
}
