import { isHelmRecord } from '../../snapshot/helm/record';
import { isKubeadmConfigMap } from '../../snapshot/project/kubeadm';
import { isServiceAccountTokenSecret } from '../../snapshot/project/service-account-token';
import { OBJECT_RESOURCE_KEYS, RESOURCES, type ObjectResourceKey, type ResourceEntry } from '../../model/resources';

/** Kinds whose objects go to exactly one key (Secrets and ConfigMaps are decided per object). */
const BY_KIND = new Map<string, ObjectResourceKey>(
  OBJECT_RESOURCE_KEYS.filter((k) => RESOURCES[k].kind !== 'Secret' && RESOURCES[k].kind !== 'ConfigMap').map((k) => [
    RESOURCES[k].kind,
    k,
  ]),
);

/** The group of an apiVersion ('' for core 'v1'). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * The resource key an object of an offline snapshot belongs to, or undefined for objects the checks do not read.
 * Secrets go to helmsecrets (owner=helm) or serviceaccounttokens (by type); ConfigMaps to helmconfigmaps
 * (owner=helm) or kubeadmconfig (kube-system/kubeadm-config, kubelet-config*). A kind of another group (a CRD
 * that happens to be called Job) is not ours.
 */
export function resourceKeyFor(apiVersion: string, kind: string, item: unknown): ObjectResourceKey | undefined {
  const group = groupOf(apiVersion);
  if (kind === 'Secret' && group === '') {
    if (isHelmRecord(item, 'Secret')) return 'helmsecrets';
    return isServiceAccountTokenSecret(item) ? 'serviceaccounttokens' : undefined;
  }
  if (kind === 'ConfigMap' && group === '') {
    if (isHelmRecord(item, 'ConfigMap')) return 'helmconfigmaps';
    return isKubeadmConfigMap(item) ? 'kubeadmconfig' : undefined;
  }
  const key = BY_KIND.get(kind);
  if (key === undefined) return undefined;
  const entry: ResourceEntry = RESOURCES[key];
  const groups = [entry.group, ...(entry.formerGroups ?? [])];
  return groups.includes(group) ? key : undefined;
}

/** The key of a typed list kind such as PodList; undefined for Secret and ConfigMap lists, which mix keys. */
export function resourceKeyForList(apiVersion: string, listKind: string): ObjectResourceKey | undefined {
  if (!listKind.endsWith('List') || listKind === 'List') return undefined;
  const kind = listKind.slice(0, -'List'.length);
  if (kind === 'Secret' || kind === 'ConfigMap') return undefined;
  return resourceKeyFor(apiVersion, kind, undefined);
}
