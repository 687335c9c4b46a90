import type { Node } from '../../model/snapshot';
import type { ClusterProfile } from './check';
import { nodePoolOf } from './nodes';

/** How to move a node's kubelet to `version` (e.g. '1.25'), for the cluster's provider. */
export function kubeletUpgradeAdvice(node: Node, profile: ClusterProfile, version: string): string {
  const pool = nodePoolOf(node, profile.provider) ?? '<pool>';
  switch (profile.provider) {
    case 'eks':
      if (node.metadata.labels['eks.amazonaws.com/compute-type'] === 'fargate') {
        return `This is a Fargate node: after the control plane upgrade, restart the pod on it (roll its Deployment) so Fargate starts it on a ${version} kubelet.`;
      }
      return `Upgrade node group ${pool} to ${version} (managed: aws eks update-nodegroup-version --cluster-name <cluster> --nodegroup-name ${pool} --kubernetes-version ${version}; self-managed: roll it onto the ${version} EKS-optimized AMI).`;
    case 'aks':
      return `Upgrade node pool ${pool}: az aks nodepool upgrade --cluster-name <cluster> --resource-group <rg> --name ${pool} --kubernetes-version <${version} patch>.`;
    case 'gke':
      return `Upgrade node pool ${pool}: gcloud container clusters upgrade <cluster> --node-pool=${pool} --cluster-version=<${version} version>.`;
    case 'k3s':
    case 'rke2':
      return `Upgrade ${profile.provider} on this node to ${version} (a system-upgrade-controller plan, or the install script with the version pinned).`;
    case 'kubeadm':
      return `Upgrade the node one minor at a time up to ${version}: drain it, upgrade the kubeadm package and run kubeadm upgrade node, then upgrade the kubelet and kubectl packages, restart the kubelet and uncordon.`;
    default:
      return `Upgrade the kubelet on this node to ${version} (or replace the node with one built for ${version}).`;
  }
}
