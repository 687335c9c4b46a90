import { renderText } from '../model/text';
import { describe, expect, it } from 'vitest';
import { meta, node, snapshot } from '../snapshot/test-fixtures';
import type { Node } from '../model/snapshot';
import { detectProfile } from './profile';

const n = (
  name: string,
  kubelet: string,
  providerID?: string,
  labels: Record<string, string> = {},
  annotations: Record<string, string> = {},
): Node =>
  node(name, 'containerd://1.6.8', kubelet, {
    metadata: meta(name, undefined, { labels, annotations }),
    ...(providerID ? { providerID } : {}),
  });
const providerOf = (nodes: Node[], extra: Parameters<typeof snapshot>[0] = {}) =>
  detectProfile(snapshot({ nodes, ...extra }));

describe('detectProfile: provider', () => {
  it('detects EKS from an aws:// providerID with EKS labels or an -eks- kubelet, with evidence', () => {
    const p = providerOf([
      n('ip-10-0-1-2', 'v1.23.13', 'aws:///us-east-1a/i-0abc', { 'eks.amazonaws.com/nodegroup': 'ng-1' }),
    ]);
    expect(p.provider).toBe('eks');
    expect(renderText(p.providerEvidence ?? [])).toBe(
      'node ip-10-0-1-2: providerID aws:///us-east-1a/i-0abc and label eks.amazonaws.com/nodegroup=ng-1',
    );
    expect(providerOf([n('a', 'v1.23.13-eks-fb459a0', 'aws:///us-east-1a/i-1')]).provider).toBe('eks');
  });

  it('does not call a plain AWS node (kops, self-built) EKS', () => {
    expect(providerOf([n('a', 'v1.23.13', 'aws:///us-east-1a/i-1')]).provider).toBe('unknown');
  });

  it('detects AKS, GKE, k3s, RKE2, OpenShift, kind and minikube', () => {
    expect(
      providerOf([n('a', 'v1.23.8', 'azure:///subscriptions/x', { 'kubernetes.azure.com/agentpool': 'np1' })]).provider,
    ).toBe('aks');
    expect(
      providerOf([
        n('a', 'v1.23.8-gke.1900', 'gce://proj/zone/vm', { 'cloud.google.com/gke-nodepool': 'default-pool' }),
      ]).provider,
    ).toBe('gke');
    expect(providerOf([n('a', 'v1.24.4+k3s1')]).provider).toBe('k3s');
    expect(providerOf([n('a', 'v1.24.4+rke2r1')]).provider).toBe('rke2');
    expect(
      providerOf([n('a', 'v1.24.0+9546431', 'aws:///us-east-1a/i-1', { 'node.openshift.io/os_id': 'rhcos' })]).provider,
    ).toBe('openshift');
    const socket = { 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock' };
    expect(providerOf([n('a', 'v1.24.0', 'kind://docker/kind/kind-control-plane', {}, socket)]).provider).toBe('kind');
    expect(providerOf([n('a', 'v1.24.0', undefined, { 'minikube.k8s.io/name': 'minikube' }, socket)]).provider).toBe(
      'minikube',
    );
  });

  it('detects kubeadm from the cri-socket annotation or the kubeadm ConfigMap', () => {
    const socket = { 'kubeadm.alpha.kubernetes.io/cri-socket': '/var/run/dockershim.sock' };
    expect(providerOf([n('a', 'v1.23.9', undefined, {}, socket)]).provider).toBe('kubeadm');
    const p = providerOf([n('a', 'v1.23.9')], { kubeadm: { kubeletConfigMaps: [] } });
    expect(p).toMatchObject({ provider: 'kubeadm', providerEvidence: ['ConfigMap kube-system/kubeadm-config'] });
  });

  it('falls back to the server version without nodes, and to unknown', () => {
    const eks = detectProfile(
      snapshot({ serverVersion: { gitVersion: 'v1.23.17-eks-0a21954', major: '1', minor: '23+' } }),
    );
    expect(eks).toMatchObject({ provider: 'eks', serverMinor: 23 });
    expect(
      detectProfile(snapshot({ serverVersion: { gitVersion: 'v1.23.4', major: '1', minor: '23' } })).provider,
    ).toBe('unknown');
  });
});

describe('detectProfile: policy engines and server minor', () => {
  it('finds Kyverno and Gatekeeper from CRDs, webhooks or namespaces', () => {
    const crd = (group: string) => ({ name: `x.${group}`, group, kind: 'X', versions: [], storedVersions: [] });
    expect(
      detectProfile(snapshot({ customResourceDefinitions: [crd('kyverno.io'), crd('templates.gatekeeper.sh')] }))
        .policyEngines,
    ).toEqual(['kyverno', 'gatekeeper']);
    const hooks = snapshot({
      webhooks: [
        {
          kind: 'ValidatingWebhookConfiguration',
          name: 'gatekeeper-validating-webhook-configuration',
          webhookNames: [],
        },
      ],
    });
    expect(detectProfile(hooks).policyEngines).toEqual(['gatekeeper']);
    const kyvernoHook = snapshot({
      webhooks: [
        { kind: 'MutatingWebhookConfiguration', name: 'kyverno-resource-mutating-webhook-cfg', webhookNames: [] },
      ],
    });
    expect(detectProfile(kyvernoHook).policyEngines).toEqual(['kyverno']);
    expect(detectProfile(snapshot()).policyEngines).toEqual([]);
  });

  it('reads serverMinor from the server version, else the newest kubelet', () => {
    expect(detectProfile(snapshot()).serverMinor).toBe(23);
    const { serverVersion: _sv, ...rest } = snapshot({ nodes: [n('a', 'v1.22.3'), n('b', 'v1.24.1')] });
    expect(detectProfile(rest).serverMinor).toBe(24);
    const { serverVersion: _none, ...empty } = snapshot();
    expect(detectProfile(empty).serverMinor).toBeUndefined();
  });
});
