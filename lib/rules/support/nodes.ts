import type { Node, ObjectRef } from '../../model/snapshot';
import type { ClusterProfile } from './check';
import { t, type Slot, type Text } from '../../model/text';
import { named } from './text';
import { parseVersion, type Version } from './versions';

/** The finding object for a node. */
export function nodeRef(node: Node): ObjectRef {
  return { apiVersion: 'v1', kind: 'Node', name: node.metadata.name };
}

/** Node-pool labels of the managed offerings, by provider. */
const POOL_LABELS: Partial<Record<ClusterProfile['provider'], string[]>> = {
  eks: ['eks.amazonaws.com/nodegroup', 'alpha.eksctl.io/nodegroup-name', 'karpenter.sh/nodepool'],
  aks: ['kubernetes.azure.com/agentpool', 'agentpool'],
  gke: ['cloud.google.com/gke-nodepool'],
};

/** The managed node pool (EKS node group, AKS node pool, GKE node pool) a node belongs to, when labelled. */
export function nodePoolOf(node: Node, provider: ClusterProfile['provider']): string | undefined {
  for (const label of POOL_LABELS[provider] ?? []) {
    const pool = node.metadata.labels[label];
    if (pool) return pool;
  }
  return undefined;
}

/** True for Windows nodes. */
export function isWindows(node: Node): boolean {
  const os = node.operatingSystem ?? node.metadata.labels['kubernetes.io/os'] ?? '';
  return os.toLowerCase() === 'windows';
}

/** The kubelet version of a node, when it parses. */
export function kubeletVersionOf(node: Node): Version | undefined {
  return parseVersion(node.kubeletVersion);
}

/** The node pool as a slot, or a placeholder when the node names none. */
export function poolSlot(node: Node, provider: ClusterProfile['provider']): Slot | '<pool>' {
  const pool = nodePoolOf(node, provider);
  return pool === undefined ? '<pool>' : named(pool);
}

/** The node pool for a sentence: ' (node group ng-1)' or nothing. */
export function poolPhrase(node: Node, provider: ClusterProfile['provider']): Text {
  const pool = nodePoolOf(node, provider);
  if (!pool) return [];
  const noun = provider === 'eks' ? 'node group' : 'node pool';
  return t` (${noun} ${named(pool)})`;
}
