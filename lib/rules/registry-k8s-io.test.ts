import { describe, expect, it } from 'vitest';
import { container, pod, snapshot, workload } from '../snapshot/test-fixtures';
import { rule as check } from './registry-k8s-io';
import { plainRule } from './testing/plain';
import { ruleContext } from './testing/context';

const rule = plainRule(check);

const image = (name: string, img: string, role: 'container' | 'init' | 'ephemeral' = 'container') =>
  container(name, { image: img, role });

describe('registry-k8s-io', () => {
  it('flags templates with k8s.gcr.io images in any container, with the new name', () => {
    const w = workload('Deployment', 'metrics-server', 'kube-system', {
      containers: [
        image('init', 'k8s.gcr.io/busybox:1.28', 'init'),
        image('server', 'k8s.gcr.io/metrics-server/metrics-server:v0.6.1'),
      ],
    });
    const [f, ...rest] = rule.run(
      snapshot({ workloads: [w] }),
      ruleContext({ profile: { policyEngines: ['kyverno'] } }),
    );
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      changeId: 'registry-k8s-io',
      severity: 'action',
      confidence: 'certain',
      object: { kind: 'Deployment', name: 'metrics-server' },
    });
    expect(f?.remediation).toContain(
      'k8s.gcr.io/metrics-server/metrics-server:v0.6.1 to registry.k8s.io/metrics-server/metrics-server:v0.6.1',
    );
    expect(f?.remediation).toContain('Kyverno policies');
    expect(f?.evidence.map((e) => e.path)).toEqual([
      'spec.template.spec.initContainers[init].image',
      'spec.template.spec.containers[server].image',
    ]);
  });

  it('does not report a pod already covered by its controller, but does report orphan and static pods', () => {
    const d = workload('DaemonSet', 'proxy', 'kube-system', {
      containers: [image('p', 'k8s.gcr.io/kube-proxy:v1.23.9')],
    });
    const owned = pod(
      'proxy-abc',
      'kube-system',
      { containers: [image('p', 'k8s.gcr.io/kube-proxy:v1.23.9')] },
      {
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'proxy', uid: d.metadata.uid, controller: true },
        ],
      },
    );
    const apiserver = {
      ...pod('kube-apiserver-cp1', 'kube-system', {
        containers: [image('kube-apiserver', 'k8s.gcr.io/kube-apiserver:v1.23.9')],
      }),
      mirror: true,
    };
    const findings = rule.run(snapshot({ workloads: [d], pods: [owned, apiserver] }), ruleContext());
    expect(findings.map((f) => `${f.object.kind}/${f.object.name}`)).toEqual([
      'DaemonSet/proxy',
      'Pod/kube-apiserver-cp1',
    ]);
    expect(findings[1]?.remediation).toContain('static pod manifest');
  });

  it('notes a kubeadm imageRepository of k8s.gcr.io as info', () => {
    const [f] = rule.run(
      snapshot({ kubeadm: { imageRepository: 'k8s.gcr.io', kubeletConfigMaps: [] } }),
      ruleContext(),
    );
    expect(f).toMatchObject({ severity: 'info', object: { kind: 'ConfigMap', name: 'kubeadm-config' } });
  });

  it('does not flag registry.k8s.io, look-alike registries or a private kubeadm mirror', () => {
    const w = workload('Deployment', 'ok', 'default', {
      containers: [
        image('a', 'registry.k8s.io/pause:3.9'),
        image('b', 'eu.gcr.io/k8s.gcr.io-mirror/pause:3.6'),
        image('c', 'mirror.example.com/k8s.gcr.io/pause:3.6'),
      ],
    });
    const s = snapshot({
      workloads: [w],
      kubeadm: { imageRepository: 'registry.internal/k8s', kubeletConfigMaps: [] },
    });
    expect(rule.run(s, ruleContext())).toEqual([]);
  });
});
