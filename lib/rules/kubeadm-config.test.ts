import { describe, expect, it } from 'vitest';
import { snapshot } from '../snapshot/test-fixtures';
import { rule as check } from './kubeadm-config';
import { plainRule } from './testing/plain';
import { ruleContext } from './testing/context';

const rule = plainRule(check);

const run = (clusterConfigurationApiVersion?: string) =>
  rule.run(
    snapshot({
      kubeadm: { kubeletConfigMaps: [], ...(clusterConfigurationApiVersion ? { clusterConfigurationApiVersion } : {}) },
    }),
    ruleContext(),
  );

describe('kubeadm-config', () => {
  it('flags a v1beta2 ClusterConfiguration as action with kubeadm config migrate', () => {
    const [f, ...rest] = run('kubeadm.k8s.io/v1beta2');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      changeId: 'kubeadm-v1beta2-deprecation',
      severity: 'action',
      confidence: 'certain',
      object: { kind: 'ConfigMap', namespace: 'kube-system', name: 'kubeadm-config' },
    });
    expect(f?.remediation).toContain('kubeadm config migrate');
    expect(f?.evidence[0]).toMatchObject({
      path: 'data.ClusterConfiguration.apiVersion',
      value: 'kubeadm.k8s.io/v1beta2',
    });
  });

  it('flags a v1beta1 ClusterConfiguration as breaking', () => {
    expect(run('kubeadm.k8s.io/v1beta1')[0]?.severity).toBe('breaking');
  });

  it('does not flag v1beta3, an unknown version or a cluster without kubeadm', () => {
    expect(run('kubeadm.k8s.io/v1beta3')).toEqual([]);
    expect(run()).toEqual([]);
    expect(rule.run(snapshot(), ruleContext())).toEqual([]);
  });
});
