import { describe, expect, it } from 'vitest';
import { container, meta, node, snapshot, workload } from '../snapshot/test-fixtures';
import type { Node } from '../model/snapshot';
import { rule as check } from './kubelet-version-skew';
import { plainRule } from './testing/plain';
import { ruleContext } from './testing/context';
import type { ClusterProfile } from './support/check';
import type { Target } from '../model/releases';

const rule = plainRule(check);

const run = (
  nodes: Node[],
  target: Target = '1.25',
  provider: ClusterProfile['provider'] = 'kubeadm',
  workloads = snapshot().workloads,
) => rule.run(snapshot({ nodes, workloads }), ruleContext({ target, profile: { provider } }));
const grade = (kubelet: string, target: Target = '1.25') =>
  run([node('n', 'containerd://1.6.8', kubelet)], target).map((f) => f.severity);

describe('kubelet-version-skew', () => {
  it('flags kubelets more than two minors behind the target as breaking', () => {
    expect(grade('v1.22.17')).toEqual(['breaking']);
    expect(grade('v1.21.14', '1.24')).toEqual(['breaking']);
    const [f] = run([node('old', 'containerd://1.6.8', 'v1.22.17')]);
    expect(f?.message).toContain('must reach 1.23 or later');
    expect(f?.evidence[0]).toMatchObject({ path: 'status.nodeInfo.kubeletVersion', value: 'v1.22.17' });
  });

  it('notes kubelets exactly two behind as info, and passes one behind or equal', () => {
    expect(grade('v1.23.9')).toEqual(['info']);
    expect(grade('v1.22.9', '1.24')).toEqual(['info']);
    expect(grade('v1.24.3')).toEqual([]);
    expect(grade('v1.25.0')).toEqual([]);
  });

  it('flags kubelets newer than the target API server as breaking', () => {
    expect(grade('v1.25.2', '1.24')).toEqual(['breaking']);
  });

  it('never measures against a control plane older than the cluster already runs', () => {
    const n = node('n', 'containerd://1.6.8', 'v1.25.2');
    expect(rule.run(snapshot({ nodes: [n] }), ruleContext({ target: '1.24', profile: { serverMinor: 25 } }))).toEqual(
      [],
    );
  });

  it('also grades the reported kube-proxy version', () => {
    const n = node('n', 'containerd://1.6.8', 'v1.24.3', { kubeProxyVersion: 'v1.21.0' });
    const [f] = run([n]);
    expect(f?.severity).toBe('breaking');
    expect(f?.message).toContain('kube-proxy v1.21.0');
    expect(f?.evidence[1]?.path).toBe('status.nodeInfo.kubeProxyVersion');
  });

  it('tailors the upgrade advice to the provider', () => {
    const labelled = (labels: Record<string, string>) =>
      node('n', 'containerd://1.6.8', 'v1.22.17-eks-1', { metadata: meta('n', undefined, { labels }) });
    expect(run([labelled({ 'eks.amazonaws.com/nodegroup': 'ng-1' })], '1.25', 'eks')[0]?.remediation).toContain(
      'update-nodegroup-version',
    );
    expect(run([labelled({ 'eks.amazonaws.com/compute-type': 'fargate' })], '1.25', 'eks')[0]?.remediation).toContain(
      'Fargate',
    );
    expect(run([labelled({})], '1.25', 'kubeadm')[0]?.remediation).toContain('kubeadm upgrade node');
  });

  it('checks the kube-proxy DaemonSet image where the provider does not upgrade it with the control plane', () => {
    const ds = workload('DaemonSet', 'kube-proxy', 'kube-system', {
      containers: [
        container('kube-proxy', {
          image: '602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/kube-proxy:v1.22.6-eksbuild.1',
        }),
      ],
    });
    const eks = run([], '1.25', 'eks', [ds]);
    expect(eks.map((f) => [f.object.kind, f.severity])).toEqual([['DaemonSet', 'breaking']]);
    expect(eks[0]?.remediation).toContain('aws eks update-addon');
    expect(run([], '1.25', 'kubeadm', [ds])).toEqual([]);
  });
});
