import { describe, expect, it } from 'vitest';
import { meta, node, pod, snapshot, workload } from '../snapshot/test-fixtures';
import { rule as check } from './node-runtime';
import { plainRule } from './testing/plain';
import { ruleContext } from './testing/context';

const rule = plainRule(check);

const SOCKET = 'kubeadm.alpha.kubernetes.io/cri-socket';
const withSocket = (name: string, socket: string) => ({
  metadata: meta(name, undefined, { annotations: { [SOCKET]: socket } }),
});

describe('node-runtime', () => {
  it('flags a docker node on a 1.23 kubelet as dockershim, breaking and certain, with kubeadm advice', () => {
    const s = snapshot({
      nodes: [node('w1', 'docker://20.10.17', 'v1.23.9', withSocket('w1', '/var/run/dockershim.sock'))],
    });
    const [f, ...rest] = rule.run(s, ruleContext());
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({
      changeId: 'dockershim-removal',
      severity: 'breaking',
      confidence: 'certain',
      object: { apiVersion: 'v1', kind: 'Node', name: 'w1' },
    });
    expect(f?.message).toContain('dockershim');
    expect(f?.remediation).toContain('kubeadm-flags.env');
    expect(f?.remediation).toContain('cri-dockerd');
    expect(f?.evidence.map((e) => e.value)).toEqual(['docker://20.10.17', 'v1.23.9', '/var/run/dockershim.sock']);
  });

  it('flags a docker node without the kubeadm annotation', () => {
    const s = snapshot({ nodes: [node('w1', 'docker://20.10.7', 'v1.22.17')] });
    expect(rule.run(s, ruleContext())).toHaveLength(1);
  });

  it('calls out a stale containerd cri-socket annotation on a docker node', () => {
    const s = snapshot({
      nodes: [node('w1', 'docker://20.10.7', 'v1.23.1', withSocket('w1', 'unix:///run/containerd/containerd.sock'))],
    });
    const [f] = rule.run(s, ruleContext());
    expect(f?.evidence[2]?.detail).toContain('stale');
  });

  it('does not flag cri-dockerd nodes: a cri-dockerd socket, or docker on a 1.24+ kubelet', () => {
    const s = snapshot({
      nodes: [
        node('a', 'docker://20.10.17', 'v1.23.9', withSocket('a', 'unix:///var/run/cri-dockerd.sock')),
        node('b', 'docker://20.10.17', 'v1.24.3'),
        node('c', 'docker://20.10.17', 'v1.25.0', withSocket('c', '/var/run/dockershim.sock')),
      ],
    });
    expect(rule.run(s, ruleContext())).toEqual([]);
  });

  it('does not flag containerd or CRI-O nodes', () => {
    const s = snapshot({
      nodes: [node('a', 'containerd://1.6.8', 'v1.23.9'), node('b', 'cri-o://1.23.2', 'v1.23.9')],
    });
    expect(rule.run(s, ruleContext())).toEqual([]);
  });

  it('notes a runtime it cannot classify as info/possible', () => {
    const s = snapshot({ nodes: [node('x', 'remote://0.1.0', 'v1.23.9'), node('y', '', 'v1.23.9')] });
    const findings = rule.run(s, ruleContext());
    expect(findings.map((f) => [f.object.name, f.severity, f.confidence])).toEqual([
      ['x', 'info', 'possible'],
      ['y', 'info', 'possible'],
    ]);
    expect(findings[1]?.message).toContain('no container runtime');
    expect(rule.run(snapshot({ nodes: [node('z', 'remote://0.1.0', 'v1.24.3')] }), ruleContext())).toEqual([]);
  });

  it('flags Windows docker nodes with Windows advice', () => {
    const n = node('win1', 'docker://20.10.9', 'v1.23.9', { operatingSystem: 'windows' });
    const [f] = rule.run(snapshot({ nodes: [n] }), ruleContext());
    expect(f?.message).toMatch(/^Windows node win1/);
    expect(f?.remediation).toContain('npipe:////./pipe/containerd-containerd');
  });

  it('tailors the remediation to EKS, AKS and GKE node pools', () => {
    const labelled = (name: string, labels: Record<string, string>, os = 'linux') =>
      node(name, 'docker://20.10.17', 'v1.23.13-eks-fb459a0', {
        metadata: meta(name, undefined, { labels }),
        operatingSystem: os,
      });
    const eks = rule.run(
      snapshot({ nodes: [labelled('e', { 'eks.amazonaws.com/nodegroup': 'ng-1' })] }),
      ruleContext({ profile: { provider: 'eks' } }),
    );
    expect(eks[0]?.message).toContain('(node group ng-1)');
    expect(eks[0]?.remediation).toContain('--container-runtime containerd');
    const eksWin = rule.run(
      snapshot({ nodes: [labelled('ew', {}, 'windows')] }),
      ruleContext({ profile: { provider: 'eks' } }),
    );
    expect(eksWin[0]?.remediation).toContain('-ContainerRuntime containerd');
    const aks = rule.run(
      snapshot({ nodes: [labelled('a', { 'kubernetes.azure.com/agentpool': 'np1' })] }),
      ruleContext({ profile: { provider: 'aks' } }),
    );
    expect(aks[0]?.remediation).toContain('az aks nodepool upgrade');
    expect(aks[0]?.remediation).toContain('--name np1');
    const gke = rule.run(
      snapshot({ nodes: [labelled('g', { 'cloud.google.com/gke-nodepool': 'pool-a' })] }),
      ruleContext({ profile: { provider: 'gke' } }),
    );
    expect(gke[0]?.remediation).toContain('--node-pool=pool-a --image-type=COS_CONTAINERD');
  });

  it('grades k3s and minikube docker nodes as action: their tooling brings cri-dockerd along', () => {
    const s = snapshot({ nodes: [node('k', 'docker://20.10.12', 'v1.23.6+k3s1')] });
    const [f] = rule.run(s, ruleContext({ profile: { provider: 'k3s' } }));
    expect(f?.severity).toBe('action');
    expect(f?.remediation).toContain('--docker');
  });

  it('returns nodes sorted by name', () => {
    const s = snapshot({ nodes: ['c', 'a', 'b'].map((n) => node(n, 'docker://19.3.15', 'v1.21.14')) });
    expect(rule.run(s, ruleContext()).map((f) => f.object.name)).toEqual(['a', 'b', 'c']);
  });
});

describe('node-runtime: the workloads on an affected node', () => {
  it('names the controllers whose pods are scheduled on it, largest first, and static pods apart', () => {
    const deploy = workload('Deployment', 'web', 'shop');
    const rs = workload('ReplicaSet', 'web-7d9', 'shop', {}, {});
    rs.metadata.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: deploy.metadata.uid, controller: true },
    ];
    const agent = workload('DaemonSet', 'agent', 'kube-system');
    const owned = (name: string, ns: string, owner: { kind: string; name: string; uid: string }) =>
      pod(name, ns, { nodeName: 'w1' }, { ownerReferences: [{ apiVersion: 'apps/v1', ...owner, controller: true }] });
    const pods = [
      owned('web-1', 'shop', { kind: 'ReplicaSet', name: 'web-7d9', uid: rs.metadata.uid }),
      owned('web-2', 'shop', { kind: 'ReplicaSet', name: 'web-7d9', uid: rs.metadata.uid }),
      owned('agent-x', 'kube-system', { kind: 'DaemonSet', name: 'agent', uid: agent.metadata.uid }),
      { ...pod('etcd-w1', 'kube-system', { nodeName: 'w1' }), mirror: true },
      pod('elsewhere', 'shop', { nodeName: 'w2' }),
    ];
    const s = snapshot({ nodes: [node('w1', 'docker://20.10.7', 'v1.23.1')], workloads: [deploy, rs, agent], pods });
    const [f] = rule.run(s, ruleContext());
    expect(f?.message).toContain(
      'Draining it for the change moves 2 pods of Deployment shop/web, DaemonSet kube-system/agent and static pod Pod kube-system/etcd-w1 (it stays: edit its manifest on the node).',
    );
    expect(f?.message).not.toContain('elsewhere');
    expect(f?.evidence.map((e) => e.detail)).toContain('3 workloads have pods on this node.');
  });

  it('says when no pod is scheduled on it', () => {
    const [f] = rule.run(snapshot({ nodes: [node('w1', 'docker://20.10.7', 'v1.23.1')] }), ruleContext());
    expect(f?.message).toContain('No pod is scheduled on it now.');
  });
});
