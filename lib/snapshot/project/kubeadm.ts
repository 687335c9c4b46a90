import { parse } from 'yaml';
import type { KubeadmConfig } from '../../model/snapshot';
import { isRecord, rec, str, text } from './read';

export const KUBEADM_CONFIG_NAME = 'kubeadm-config';
export const KUBELET_CONFIG_PREFIX = 'kubelet-config';

/** What one kube-system ConfigMap says about kubeadm, if anything. */
export type KubeadmFact =
  | { kind: 'cluster-configuration'; apiVersion?: string; imageRepository?: string }
  | { kind: 'kubelet-config'; name: string };

/** True for the kube-system ConfigMaps kubeadm writes (kubeadm-config, kubelet-config and kubelet-config-1.x). */
export function isKubeadmConfigMap(raw: unknown): boolean {
  if (!isRecord(raw)) return false;
  const m = rec(raw, 'metadata');
  const name = str(m, 'name') ?? '';
  const namespace = str(m, 'namespace');
  return (
    (namespace === undefined || namespace === 'kube-system') &&
    (name === KUBEADM_CONFIG_NAME || name.startsWith(KUBELET_CONFIG_PREFIX))
  );
}

function clusterConfiguration(yamlText: string | undefined): { apiVersion?: string; imageRepository?: string } {
  if (yamlText === undefined) return {};
  try {
    const doc: unknown = parse(yamlText, { maxAliasCount: 20 });
    if (!isRecord(doc)) return {};
    const apiVersion = text(doc, 'apiVersion');
    const imageRepository = text(doc, 'imageRepository');
    return { ...(apiVersion ? { apiVersion } : {}), ...(imageRepository ? { imageRepository } : {}) };
  } catch {
    return {};
  }
}

/** Reads a kubeadm ConfigMap: the ClusterConfiguration apiVersion and imageRepository, or a kubelet-config name. */
export function projectKubeadmConfigMap(raw: unknown): KubeadmFact | undefined {
  if (!isRecord(raw) || !isKubeadmConfigMap(raw)) return undefined;
  const name = str(rec(raw, 'metadata'), 'name') ?? '';
  if (name !== KUBEADM_CONFIG_NAME) return { kind: 'kubelet-config', name };
  return { kind: 'cluster-configuration', ...clusterConfiguration(str(rec(raw, 'data'), 'ClusterConfiguration')) };
}

/** Folds kubeadm facts into the snapshot's KubeadmConfig. */
export function addKubeadmFact(config: KubeadmConfig, fact: KubeadmFact): KubeadmConfig {
  if (fact.kind === 'kubelet-config') {
    const names = config.kubeletConfigMaps.includes(fact.name)
      ? config.kubeletConfigMaps
      : [...config.kubeletConfigMaps, fact.name];
    return { ...config, kubeletConfigMaps: names };
  }
  return {
    ...config,
    ...(fact.apiVersion ? { clusterConfigurationApiVersion: fact.apiVersion } : {}),
    ...(fact.imageRepository ? { imageRepository: fact.imageRepository } : {}),
  };
}
