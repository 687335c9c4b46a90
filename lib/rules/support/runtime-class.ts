import type { Node } from '../../model/snapshot';
import { t, type Text } from '../../model/text';
import { kubeletVersionOf } from './nodes';
import { hostPath } from './text';
import { parseRuntime } from './versions';

/** The annotation kubeadm writes with the CRI socket the kubelet was joined with. */
export const CRI_SOCKET_ANNOTATION = 'kubeadm.alpha.kubernetes.io/cri-socket';

export type RuntimeClass = 'dockershim' | 'cri-dockerd' | 'containerd' | 'cri-o' | 'other';

export interface RuntimeClassification {
  runtimeClass: RuntimeClass;
  /** Lower-case runtime name from containerRuntimeVersion, e.g. 'docker'. */
  runtime: string;
  /** Version text after '://'. */
  version: string;
  /** The kubeadm cri-socket annotation, when set. */
  criSocket?: string;
  /** Why the node got its class, one clause. */
  reason: Text;
}

/** What a CRI socket path points at. */
export function socketKind(socket: string): 'cri-dockerd' | 'dockershim' | 'containerd' | 'cri-o' | 'docker' | 'other' {
  const s = socket.toLowerCase();
  if (s.includes('cri-dockerd')) return 'cri-dockerd';
  if (s.includes('dockershim')) return 'dockershim';
  if (s.includes('containerd')) return 'containerd';
  if (s.includes('crio')) return 'cri-o';
  if (s.includes('docker')) return 'docker';
  return 'other';
}

function classifyDocker(node: Node, criSocket: string | undefined): { runtimeClass: RuntimeClass; reason: Text } {
  if (criSocket !== undefined && socketKind(criSocket) === 'cri-dockerd') {
    return {
      runtimeClass: 'cri-dockerd',
      reason: t`its kubelet talks to Docker through cri-dockerd (${hostPath(criSocket)})`,
    };
  }
  const kubelet = kubeletVersionOf(node);
  if (kubelet && (kubelet.major > 1 || kubelet.minor >= 24)) {
    return {
      runtimeClass: 'cri-dockerd',
      reason: t`a 1.24+ kubelet has no dockershim, so Docker is reached through cri-dockerd`,
    };
  }
  return { runtimeClass: 'dockershim', reason: t`Docker Engine driven by the kubelet’s built-in dockershim` };
}

/** Classifies a node's runtime from its kubelet version, reported runtime and kubeadm cri-socket annotation. */
export function classifyRuntime(node: Node): RuntimeClassification {
  const { runtime, version } = parseRuntime(node.containerRuntimeVersion);
  const criSocket = node.metadata.annotations[CRI_SOCKET_ANNOTATION];
  const base = { runtime, version, ...(criSocket === undefined ? {} : { criSocket }) };
  if (runtime === 'docker') return { ...base, ...classifyDocker(node, criSocket) };
  if (runtime === 'containerd') return { ...base, runtimeClass: 'containerd', reason: t`containerd` };
  if (runtime === 'cri-o' || runtime === 'crio') return { ...base, runtimeClass: 'cri-o', reason: t`CRI-O` };
  return { ...base, runtimeClass: 'other', reason: t`a runtime Release Lens does not recognise` };
}
