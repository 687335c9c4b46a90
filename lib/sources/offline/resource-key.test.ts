import { describe, expect, it } from 'vitest';
import { resourceKeyFor, resourceKeyForList } from './resource-key';

describe('resourceKeyFor', () => {
  it('routes kinds by group, old groups included', () => {
    expect(resourceKeyFor('apps/v1', 'Deployment', {})).toBe('deployments');
    expect(resourceKeyFor('extensions/v1beta1', 'Deployment', {})).toBe('deployments');
    expect(resourceKeyFor('batch/v1beta1', 'CronJob', {})).toBe('cronjobs');
    expect(resourceKeyFor('policy/v1beta1', 'PodSecurityPolicy', {})).toBe('podsecuritypolicies');
    expect(resourceKeyFor('v1', 'Event', {})).toBe('events');
    expect(resourceKeyFor('events.k8s.io/v1', 'Event', {})).toBe('events');
    expect(resourceKeyFor('storage.k8s.io/v1beta1', 'CSIStorageCapacity', {})).toBe('csistoragecapacities');
  });

  it('does not take a CRD of another group for a built-in kind', () => {
    expect(resourceKeyFor('batch.volcano.sh/v1alpha1', 'Job', {})).toBeUndefined();
    expect(resourceKeyFor('networking.k8s.io/v1', 'Ingress', {})).toBeUndefined();
  });

  it('decides Secrets and ConfigMaps per object', () => {
    const helm = {
      metadata: { name: 'sh.helm.release.v1.a.v1', labels: { owner: 'helm' } },
      type: 'helm.sh/release.v1',
    };
    expect(resourceKeyFor('v1', 'Secret', helm)).toBe('helmsecrets');
    expect(
      resourceKeyFor('v1', 'Secret', { type: 'kubernetes.io/service-account-token', metadata: { name: 't' } }),
    ).toBe('serviceaccounttokens');
    expect(resourceKeyFor('v1', 'Secret', { type: 'Opaque', metadata: { name: 'o' } })).toBeUndefined();
    expect(resourceKeyFor('v1', 'ConfigMap', { metadata: { name: 'x', labels: { owner: 'helm' } } })).toBe(
      'helmconfigmaps',
    );
    expect(resourceKeyFor('v1', 'ConfigMap', { metadata: { name: 'kubeadm-config', namespace: 'kube-system' } })).toBe(
      'kubeadmconfig',
    );
    expect(resourceKeyFor('v1', 'ConfigMap', { metadata: { name: 'app', namespace: 'kube-system' } })).toBeUndefined();
  });
});

describe('resourceKeyForList', () => {
  it('maps typed lists, not the generic List or mixed Secret/ConfigMap lists', () => {
    expect(resourceKeyForList('v1', 'PodList')).toBe('pods');
    expect(resourceKeyForList('apps/v1', 'DaemonSetList')).toBe('daemonsets');
    expect(resourceKeyForList('v1', 'List')).toBeUndefined();
    expect(resourceKeyForList('v1', 'SecretList')).toBeUndefined();
  });
});
