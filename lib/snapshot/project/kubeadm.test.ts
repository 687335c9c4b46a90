import { describe, expect, it } from 'vitest';
import { addKubeadmFact, isKubeadmConfigMap, projectKubeadmConfigMap } from './kubeadm';

const kubeadmConfig = {
  metadata: { name: 'kubeadm-config', namespace: 'kube-system' },
  data: {
    ClusterConfiguration: [
      'apiVersion: kubeadm.k8s.io/v1beta3',
      'kind: ClusterConfiguration',
      'imageRepository: k8s.gcr.io',
      'kubernetesVersion: v1.23.17',
    ].join('\n'),
  },
};

describe('kubeadm ConfigMaps', () => {
  it('reads the ClusterConfiguration apiVersion and imageRepository', () => {
    expect(projectKubeadmConfigMap(kubeadmConfig)).toEqual({
      kind: 'cluster-configuration',
      apiVersion: 'kubeadm.k8s.io/v1beta3',
      imageRepository: 'k8s.gcr.io',
    });
  });

  it('names kubelet-config ConfigMaps', () => {
    expect(projectKubeadmConfigMap({ metadata: { name: 'kubelet-config-1.23', namespace: 'kube-system' } })).toEqual({
      kind: 'kubelet-config',
      name: 'kubelet-config-1.23',
    });
  });

  it('ignores other ConfigMaps and tolerates bad YAML', () => {
    expect(isKubeadmConfigMap({ metadata: { name: 'coredns', namespace: 'kube-system' } })).toBe(false);
    expect(isKubeadmConfigMap({ metadata: { name: 'kubeadm-config', namespace: 'default' } })).toBe(false);
    expect(projectKubeadmConfigMap({ ...kubeadmConfig, data: { ClusterConfiguration: ': : [' } })).toEqual({
      kind: 'cluster-configuration',
    });
  });

  it('folds facts together', () => {
    let config = { kubeletConfigMaps: [] as string[] };
    config = addKubeadmFact(config, { kind: 'kubelet-config', name: 'kubelet-config-1.23' });
    config = addKubeadmFact(config, { kind: 'kubelet-config', name: 'kubelet-config-1.23' });
    config = addKubeadmFact(config, { kind: 'cluster-configuration', apiVersion: 'kubeadm.k8s.io/v1beta2' });
    expect(config).toEqual({
      kubeletConfigMaps: ['kubelet-config-1.23'],
      clusterConfigurationApiVersion: 'kubeadm.k8s.io/v1beta2',
    });
  });
});
