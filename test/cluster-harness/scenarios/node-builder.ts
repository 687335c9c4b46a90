import { createHash } from 'node:crypto';
import type { Manifest } from './types';

// A stable, per-node private address.
function internalIp(name: string): string {
  const [a = 0, b = 0] = createHash('sha1').update(name).digest();
  return `10.0.${a % 250}.${(b % 250) + 1}`;
}

export interface NodeInput {
  name: string;
  kubelet: string;
  runtime: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  providerID?: string;
  taints?: { key: string; effect: string; value?: string }[];
  configSource?: Record<string, unknown>;
  osImage?: string;
}

/** A Node as a kubelet would register it; Node create keeps status, so nodeInfo is set directly. */
export function node(n: NodeInput): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels: {
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'beta.kubernetes.io/arch': 'amd64',
        ...n.labels,
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        ...n.annotations,
      },
    },
    spec: {
      podCIDR: '10.244.0.0/24',
      ...(n.providerID ? { providerID: n.providerID } : {}),
      ...(n.taints ? { taints: n.taints } : {}),
      ...(n.configSource ? { configSource: n.configSource } : {}),
    },
    status: {
      capacity: { cpu: '4', memory: '16331420Ki', pods: '110', 'ephemeral-storage': '101445540Ki' },
      allocatable: { cpu: '3920m', memory: '15127196Ki', pods: '110', 'ephemeral-storage': '93492209510' },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
          lastHeartbeatTime: '2024-05-01T10:00:00Z',
          lastTransitionTime: '2024-04-01T08:00:00Z',
        },
      ],
      addresses: [
        { type: 'InternalIP', address: internalIp(n.name) },
        { type: 'Hostname', address: n.name },
      ],
      nodeInfo: {
        machineID: 'ec2a1b2c3d4e5f60718293a4b5c6d7e8',
        systemUUID: 'ec2a1b2c-3d4e-5f60-7182-93a4b5c6d7e8',
        bootID: '3f1c2d4e-5a6b-7c8d-9e0f-1a2b3c4d5e6f',
        kernelVersion: '5.15.0-1034-aws',
        osImage: n.osImage ?? 'Ubuntu 22.04.2 LTS',
        containerRuntimeVersion: n.runtime,
        kubeletVersion: n.kubelet,
        kubeProxyVersion: n.kubelet,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}
