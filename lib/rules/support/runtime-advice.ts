import type { Node } from '../../model/snapshot';
import { t, type Slot, type Text } from '../../model/text';
import type { ClusterProfile } from './check';
import { isWindows, poolSlot } from './nodes';

const KUBEADM_LINUX = t`Drain the node, install containerd (set SystemdCgroup = true in /etc/containerd/config.toml when the kubelet uses the systemd cgroup driver), add --container-runtime=remote --container-runtime-endpoint=unix:///run/containerd/containerd.sock to KUBELET_KUBEADM_ARGS in /var/lib/kubelet/kubeadm-flags.env, set the node annotation kubeadm.alpha.kubernetes.io/cri-socket to unix:///run/containerd/containerd.sock (kubeadm upgrade reads it), restart the kubelet and uncordon. To keep Docker Engine instead, install cri-dockerd and use unix:///run/cri-dockerd.sock in both places.`;

const KUBEADM_WINDOWS = t`Drain the node, install containerd for Windows, point the kubelet at npipe:////./pipe/containerd-containerd (and the node annotation kubeadm.alpha.kubernetes.io/cri-socket to the same value), then uncordon; or install cri-dockerd to keep Docker Engine.`;

type Pool = Slot | '<pool>';

function eks(node: Node, pool: Pool): Text {
  if (isWindows(node)) {
    return t`EKS-optimized Windows AMIs for 1.24 and later run containerd only. Re-create node group ${pool} from a 1.24 Windows AMI, or test containerd on the current AMI first by passing -ContainerRuntime containerd to Start-EKSBootstrap.ps1 in the launch template user data.`;
  }
  return t`EKS-optimized AMIs for 1.24 and later ship containerd only. Test containerd on node group ${pool} before the upgrade by passing --container-runtime containerd to /etc/eks/bootstrap.sh in the launch template user data (or move the group to Bottlerocket, which already runs containerd), roll the nodes, and check your workloads; the 1.24 AMI release then keeps them on containerd.`;
}

function aks(node: Node, pool: Pool): Text {
  const since = isWindows(node) ? 'Windows node pools since 1.23' : 'Linux node pools since 1.19';
  return t`AKS runs containerd by default on ${since}, so node pool ${pool} has not been upgraded in a long time. Upgrade it (az aks nodepool upgrade --cluster-name <cluster> --resource-group <rg> --name ${pool} --kubernetes-version <version>), which re-images its nodes onto containerd, or add a new node pool and drain this one.`;
}

function gke(node: Node, pool: Pool): Text {
  const image = isWindows(node) ? 'WINDOWS_LTSC_CONTAINERD' : 'COS_CONTAINERD (or UBUNTU_CONTAINERD)';
  return t`GKE 1.24 node pools cannot use Docker-based node images. Switch node pool ${pool} to a containerd image before the upgrade: gcloud container clusters upgrade <cluster> --node-pool=${pool} --image-type=${image}.`;
}

/** What to do about a dockershim node, for the cluster's provider. */
export function dockershimRemediation(node: Node, profile: ClusterProfile): Text {
  const pool = poolSlot(node, profile.provider);
  switch (profile.provider) {
    case 'eks':
      return eks(node, pool);
    case 'aks':
      return aks(node, pool);
    case 'gke':
      return gke(node, pool);
    case 'k3s':
      return t`k3s uses Docker only when started with --docker, and k3s 1.24+ keeps that working through an embedded cri-dockerd, so upgrading k3s does not strand this node. To leave Docker, remove --docker (or docker: true in /etc/rancher/k3s/config.yaml) and restart k3s on its embedded containerd; images must be pulled again.`;
    case 'minikube':
      return t`Recent minikube releases install cri-dockerd automatically when the docker runtime runs Kubernetes 1.24+; update minikube before upgrading, or recreate the cluster with --container-runtime=containerd.`;
    default:
      return isWindows(node) ? KUBEADM_WINDOWS : KUBEADM_LINUX;
  }
}

/** Providers whose tooling keeps Docker nodes working on 1.24 by itself (embedded or bundled cri-dockerd). */
export function providerKeepsDocker(profile: ClusterProfile): boolean {
  return profile.provider === 'k3s' || profile.provider === 'minikube';
}

/** How to upgrade the runtime of a node, for the cluster's provider; `what` names the runtime release to reach. */
export function runtimeUpgradeRemediation(node: Node, profile: ClusterProfile, what: Text): Text {
  const pool = poolSlot(node, profile.provider);
  switch (profile.provider) {
    case 'eks':
      return t`Roll node group ${pool} to the latest EKS-optimized AMI release (or Bottlerocket), which ships ${what}.`;
    case 'aks':
      return t`Upgrade the node image of node pool ${pool}: az aks nodepool upgrade --node-image-only --name ${pool} --cluster-name <cluster> --resource-group <rg>.`;
    case 'gke':
      return t`Upgrade node pool ${pool} (or let node auto-upgrade run); GKE node images bring ${what}.`;
    case 'k3s':
    case 'rke2':
      return t`containerd is bundled with ${profile.provider}: upgrading ${profile.provider} on this node brings ${what}.`;
    case 'openshift':
      return t`OpenShift upgrades CRI-O together with the cluster version; the OpenShift upgrade itself brings the matching CRI-O.`;
    default:
      return t`Drain the node, upgrade to ${what} from your distribution or the project’s release packages, restart the runtime and the kubelet, and uncordon.`;
  }
}
