/** Nodes and namespaces of the demo. */
import { meta } from './k8s';
import type { Obj } from './k8s';

const OS = {
  osImage: 'Ubuntu 20.04.6 LTS',
  kernelVersion: '5.4.0-172-generic',
  operatingSystem: 'linux',
  architecture: 'amd64',
};

function node(
  name: string,
  runtime: string,
  kubelet: string,
  criSocket: string,
  o: { master?: boolean; spec?: Obj } = {},
): Obj {
  const roles: Record<string, string> = o.master
    ? {
        'node-role.kubernetes.io/control-plane': '',
        'node-role.kubernetes.io/master': '',
        'node.kubernetes.io/exclude-from-external-load-balancers': '',
      }
    : {};
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(name, undefined, {
      annotations: { 'kubeadm.alpha.kubernetes.io/cri-socket': criSocket, 'node.alpha.kubernetes.io/ttl': '0' },
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'topology.kubernetes.io/zone': 'nova-a',
        ...roles,
      },
    }),
    spec: {
      podCIDR: '10.244.0.0/24',
      providerID: `openstack:///6f1c${name.length}a2e-0d4b-4c5e-9a1f-${name.replace(/\W/g, '').padEnd(12, '0').slice(0, 12)}`,
      ...(o.master ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/master' }] } : {}),
      ...o.spec,
    },
    status: {
      nodeInfo: { containerRuntimeVersion: runtime, kubeProxyVersion: kubelet, kubeletVersion: kubelet, ...OS },
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  };
}

/** Four nodes: a containerd control plane, a dockershim worker, a containerd 1.6.2 worker, a skewed worker. */
export function nodes(): Obj[] {
  return [
    node('cp-1', 'containerd://1.6.8', 'v1.23.17', 'unix:///run/containerd/containerd.sock', { master: true }),
    node('worker-1', 'docker://20.10.17', 'v1.23.17', '/var/run/dockershim.sock'),
    node('worker-2', 'containerd://1.6.2', 'v1.23.17', 'unix:///run/containerd/containerd.sock'),
    node('worker-3', 'containerd://1.6.8', 'v1.22.17', 'unix:///run/containerd/containerd.sock', {
      spec: {
        configSource: {
          configMap: { kubeletConfigKey: 'kubelet', name: 'worker-3-kubelet', namespace: 'kube-system' },
        },
      },
    }),
  ];
}

/** The namespaces; only warehouse carries Pod Security Admission labels. */
export function namespaces(): Obj[] {
  const ns = (name: string, labels: Record<string, string> = {}): Obj => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: meta(name, undefined, { labels: { 'kubernetes.io/metadata.name': name, ...labels } }),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  });
  return [
    ns('default'),
    ns('kube-system'),
    ns('kube-public'),
    ns('kube-node-lease'),
    ns('monitoring', { team: 'sre' }),
    ns('ci', { team: 'platform' }),
    ns('storefront', { team: 'web' }),
    ns('payments', { team: 'payments' }),
    ns('warehouse', {
      team: 'logistics',
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/enforce-version': 'v1.23',
      'pod-security.kubernetes.io/warn': 'restricted',
    }),
  ];
}
