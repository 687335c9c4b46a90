import { key } from './builders';
import { node, type NodeInput } from './node-builder';
import type { Scenario, SeedObject } from './types';

const seedNode = (n: NodeInput): SeedObject => ({ manifest: node(n) });

const kubeadm = (socket: string) => ({
  'kubeadm.alpha.kubernetes.io/cri-socket': socket,
  'node.alpha.kubernetes.io/ttl': '0',
});
const CONTAINERD_SOCKET = 'unix:///run/containerd/containerd.sock';
const eks = (nodegroup: string, zone: string) => ({
  'eks.amazonaws.com/nodegroup': nodegroup,
  'eks.amazonaws.com/capacityType': 'ON_DEMAND',
  'node.kubernetes.io/instance-type': 'm5.xlarge',
  'topology.kubernetes.io/zone': zone,
  'topology.kubernetes.io/region': 'us-east-1',
});

export const nodes: Scenario = {
  name: 'nodes',
  description:
    'Nodes across runtimes and kubelet versions: dockershim vs cri-dockerd, containerd and CRI-O below and above the 1.24 minimums, a kubeadm control plane with the old master label and taint, a kubelet too far behind 1.25, and one with spec.configSource. On 1.24 the apiserver drops spec.configSource on create (DynamicKubeletConfig is off), so that node is expected clean.',
  namespaces: [],
  objects: [
    seedNode({
      name: 'ip-10-0-1-11.ec2.internal',
      kubelet: 'v1.23.17-eks-0a21954',
      runtime: 'docker://20.10.17',
      providerID: 'aws:///us-east-1a/i-0abc1111111111111',
      labels: eks('legacy-docker', 'us-east-1a'),
      osImage: 'Amazon Linux 2',
    }),
    seedNode({
      name: 'ip-10-0-2-12.ec2.internal',
      kubelet: 'v1.24.17-eks-8cb36c9',
      runtime: 'docker://20.10.23',
      providerID: 'aws:///us-east-1b/i-0abc2222222222222',
      labels: eks('cri-dockerd', 'us-east-1b'),
      osImage: 'Amazon Linux 2',
    }),
    seedNode({
      name: 'kubeadm-worker-3',
      kubelet: 'v1.23.17',
      runtime: 'docker://20.10.17',
      annotations: kubeadm('unix:///var/run/cri-dockerd.sock'),
    }),
    seedNode({
      name: 'kubeadm-worker-1',
      kubelet: 'v1.24.17',
      runtime: 'containerd://1.6.2',
      annotations: kubeadm(CONTAINERD_SOCKET),
    }),
    seedNode({
      name: 'kubeadm-worker-2',
      kubelet: 'v1.23.17',
      runtime: 'containerd://1.5.8',
      annotations: kubeadm(CONTAINERD_SOCKET),
    }),
    seedNode({
      name: 'gke-prod-pool-1-5f2a9c1e-x7k2',
      kubelet: 'v1.24.17-gke.2300',
      runtime: 'containerd://1.6.8',
      providerID: 'gce://prod-project/us-central1-a/gke-prod-pool-1-5f2a9c1e-x7k2',
      labels: { 'cloud.google.com/gke-nodepool': 'pool-1', 'topology.kubernetes.io/zone': 'us-central1-a' },
      osImage: 'Container-Optimized OS from Google',
    }),
    seedNode({
      name: 'aks-nodepool1-12345678-vmss000000',
      kubelet: 'v1.24.9',
      runtime: 'containerd://1.6.4+azure-4',
      providerID:
        'azure:///subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/mc_rg_aks_eastus/providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodepool1-12345678-vmss/virtualMachines/0',
      labels: { 'kubernetes.azure.com/agentpool': 'nodepool1', 'kubernetes.azure.com/mode': 'system' },
    }),
    seedNode({
      name: 'crio-worker-1',
      kubelet: 'v1.24.17',
      runtime: 'cri-o://1.23.5',
      annotations: kubeadm('unix:///var/run/crio/crio.sock'),
    }),
    seedNode({
      name: 'crio-worker-2',
      kubelet: 'v1.24.17',
      runtime: 'cri-o://1.24.6',
      annotations: kubeadm('unix:///var/run/crio/crio.sock'),
    }),
    seedNode({
      name: 'kubeadm-worker-dkc',
      kubelet: 'v1.24.17',
      runtime: 'containerd://1.6.8',
      annotations: kubeadm(CONTAINERD_SOCKET),
      configSource: {
        configMap: { namespace: 'kube-system', name: 'kubelet-config-dkc', kubeletConfigKey: 'kubelet' },
      },
    }),
    seedNode({
      name: 'kubeadm-cp-1',
      kubelet: 'v1.24.17',
      runtime: 'containerd://1.6.8',
      annotations: kubeadm(CONTAINERD_SOCKET),
      labels: {
        'node-role.kubernetes.io/master': '',
        'node-role.kubernetes.io/control-plane': '',
        'node.kubernetes.io/exclude-from-external-load-balancers': '',
      },
      taints: [
        { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' },
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      ],
    }),
    seedNode({
      name: 'legacy-worker-122',
      kubelet: 'v1.22.17',
      runtime: 'containerd://1.6.8',
      annotations: kubeadm(CONTAINERD_SOCKET),
    }),
  ],
  expect: [
    {
      ...key('Node', 'ip-10-0-1-11.ec2.internal'),
      changeId: 'dockershim-removal',
      severity: 'breaking',
      why: 'docker:// runtime on a 1.23 kubelet means dockershim; a 1.24+ kubelet cannot talk to Docker Engine without cri-dockerd',
    },
    {
      ...key('Node', 'ip-10-0-1-11.ec2.internal'),
      changeId: 'kubelet-version-skew',
      severity: 'info',
      why: 'kubelet 1.23 is two minors behind 1.25, inside the supported skew: nothing to do for this upgrade, but it must move before the control plane goes past 1.25',
    },
    {
      ...key('Node', 'kubeadm-worker-3'),
      changeId: 'kubelet-version-skew',
      severity: 'info',
      why: 'kubelet 1.23 is two minors behind 1.25, inside the supported skew',
    },
    {
      ...key('Node', 'kubeadm-worker-1'),
      changeId: 'container-runtime-minimums',
      // The kubelet is already on 1.24, so its pods run today; the known-bad range still has to go.
      severity: 'action',
      why: 'containerd 1.6.0-1.6.3 fails pod networking unless CNI plugins and config versions are upgraded; 1.6.4+ is the tested minimum',
    },
    {
      ...key('Node', 'kubeadm-worker-2'),
      changeId: 'container-runtime-minimums',
      severity: 'breaking',
      why: 'containerd 1.5.8 is below 1.5.11, the oldest 1.5 release tested with 1.24',
    },
    {
      ...key('Node', 'kubeadm-worker-2'),
      changeId: 'kubelet-version-skew',
      severity: 'info',
      why: 'kubelet 1.23 is two minors behind 1.25, inside the supported skew',
    },
    {
      ...key('Node', 'crio-worker-1'),
      changeId: 'container-runtime-minimums',
      severity: 'breaking',
      why: 'CRI-O 1.23 with a 1.24 kubelet: CRI-O minor versions track Kubernetes, 1.24+ is required',
    },
    {
      ...key('Node', 'kubeadm-cp-1'),
      changeId: 'kubeadm-master-label-removal',
      // The node itself keeps working; the workloads that select it by this label are what break (scheduling).
      severity: 'info',
      why: 'carries node-role.kubernetes.io/master, which kubeadm stops applying in 1.24 and removes on upgrade',
    },
    {
      ...key('Node', 'kubeadm-cp-1'),
      changeId: 'kubeadm-master-taint-removal',
      severity: 'info',
      why: 'carries the node-role.kubernetes.io/master:NoSchedule taint, which kubeadm removes in 1.25',
    },
    {
      ...key('Node', 'crio-worker-2'),
      changeId: 'container-runtime-minimums',
      severity: 'action',
      why: 'CRI-O 1.24 is fine for a 1.24 kubelet, but CRI-O minors follow Kubernetes: the move to a 1.25 kubelet needs CRI-O 1.25',
    },
    {
      ...key('Node', 'legacy-worker-122'),
      changeId: 'kubelet-version-skew',
      severity: 'breaking',
      why: 'kubelet 1.22 is three minors behind 1.25, outside the supported skew; upgrade it before the control plane',
    },
  ],
  clean: [
    key('Node', 'ip-10-0-2-12.ec2.internal'),
    key('Node', 'gke-prod-pool-1-5f2a9c1e-x7k2'),
    key('Node', 'aks-nodepool1-12345678-vmss000000'),
    key('Node', 'kubeadm-worker-dkc'),
  ],
};
