import { describe, expect, it } from 'vitest';
import { projectNamespace } from './namespace';
import { projectNode } from './node';

describe('projectNode', () => {
  it('keeps all labels, the kubeadm socket annotation, taints, configSource and nodeInfo', () => {
    const n = projectNode({
      metadata: {
        name: 'worker-1',
        uid: 'n1',
        labels: { 'node-role.kubernetes.io/master': '', 'topology.kubernetes.io/zone': 'a' },
        annotations: {
          'kubeadm.alpha.kubernetes.io/cri-socket': '/var/run/dockershim.sock',
          'node.alpha.kubernetes.io/ttl': '0',
        },
      },
      spec: {
        providerID: 'openstack:///abc',
        taints: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }, { effect: 'NoExecute' }],
        configSource: { configMap: { namespace: 'kube-system', name: 'kubelet-dyn', kubeletConfigKey: 'kubelet' } },
      },
      status: {
        nodeInfo: {
          kubeletVersion: 'v1.23.17',
          kubeProxyVersion: 'v1.23.17',
          containerRuntimeVersion: 'docker://20.10.17',
          osImage: 'Ubuntu 20.04',
          kernelVersion: '5.4.0',
          operatingSystem: 'linux',
          architecture: 'amd64',
        },
      },
    });
    expect(n).toEqual({
      metadata: {
        name: 'worker-1',
        uid: 'n1',
        labels: { 'node-role.kubernetes.io/master': '', 'topology.kubernetes.io/zone': 'a' },
        annotations: { 'kubeadm.alpha.kubernetes.io/cri-socket': '/var/run/dockershim.sock' },
        ownerReferences: [],
      },
      providerID: 'openstack:///abc',
      taints: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }],
      configSource: { configMap: { namespace: 'kube-system', name: 'kubelet-dyn', kubeletConfigKey: 'kubelet' } },
      kubeletVersion: 'v1.23.17',
      kubeProxyVersion: 'v1.23.17',
      containerRuntimeVersion: 'docker://20.10.17',
      osImage: 'Ubuntu 20.04',
      kernelVersion: '5.4.0',
      operatingSystem: 'linux',
      architecture: 'amd64',
    });
  });

  it('tolerates a node without status and skips one without a name', () => {
    expect(projectNode({ metadata: { name: 'bare' } })).toMatchObject({
      kubeletVersion: '',
      containerRuntimeVersion: '',
      taints: [],
    });
    expect(projectNode({ metadata: {} })).toBeUndefined();
    expect(projectNode(undefined)).toBeUndefined();
  });
});

describe('projectNamespace', () => {
  it('keeps every label and the phase', () => {
    const ns = projectNamespace({
      metadata: { name: 'shop', uid: 's', labels: { team: 'web', 'pod-security.kubernetes.io/enforce': 'baseline' } },
      status: { phase: 'Active' },
    });
    expect(ns?.metadata.labels).toEqual({ 'pod-security.kubernetes.io/enforce': 'baseline', team: 'web' });
    expect(ns?.phase).toBe('Active');
  });

  it('skips malformed input', () => {
    expect(projectNamespace([])).toBeUndefined();
  });
});
