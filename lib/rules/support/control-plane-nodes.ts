import type { Node, Toleration } from '../../model/snapshot';
import type { ClusterProfile } from './check';
import type { Confidence } from '../../model/finding';

export const MASTER = 'node-role.kubernetes.io/master';
export const CONTROL_PLANE = 'node-role.kubernetes.io/control-plane';

/** What the nodes say about the control plane: who carries the old and new label and taint. */
export interface ControlPlaneFacts {
  masterLabel: string[];
  masterTaint: string[];
  controlPlaneTaint: string[];
}

export function controlPlaneFacts(nodes: readonly Node[]): ControlPlaneFacts {
  const names = (f: (n: Node) => boolean) =>
    nodes
      .filter(f)
      .map((n) => n.metadata.name)
      .sort();
  return {
    masterLabel: names((n) => MASTER in n.metadata.labels),
    masterTaint: names((n) => n.taints.some((t) => t.key === MASTER)),
    controlPlaneTaint: names((n) => n.taints.some((t) => t.key === CONTROL_PLANE)),
  };
}

/** How sure we are that kubeadm's rename applies: certain on kubeadm, likely when unknown, possible elsewhere. */
export function kubeadmConfidence(profile: ClusterProfile): Confidence {
  if (profile.provider === 'kubeadm') return 'certain';
  return profile.provider === 'unknown' ? 'likely' : 'possible';
}

/** True when a toleration list tolerates a NoSchedule taint with this key (a key-less Exists tolerates all). */
export function toleratesNoSchedule(tolerations: readonly Toleration[], key: string): boolean {
  return tolerations.some((t) => {
    const keyOk = t.key === key || ((t.key === undefined || t.key === '') && t.operator === 'Exists');
    return keyOk && (t.effect === undefined || t.effect === '' || t.effect === 'NoSchedule');
  });
}
