import { describe, expect, it } from 'vitest';
import { SnapshotBuilder } from './builder';
import { DEFAULT_BUDGETS } from '../model/budgets';
import { inlineHelmDecoder, type HelmDecoder } from './helm/decoder';
import { helmStorageObject } from './helm/encode';
import { shopRelease } from './helm/test-releases';

const source = { kind: 'kubeconfig' as const, label: 'kind-test' };
const template = { spec: { containers: [{ name: 'c', image: 'busybox' }] } };
const cronJob = (name: string) => ({
  metadata: {
    name,
    namespace: 'ci',
    managedFields: [{ manager: 'kubectl', operation: 'Update', apiVersion: 'batch/v1beta1' }],
  },
  spec: { schedule: '* * * * *', jobTemplate: { spec: { template } } },
});

describe('SnapshotBuilder', () => {
  it('routes items to their lists, evidence kinds to apiEvidence too', () => {
    const b = new SnapshotBuilder(source, new Date('2024-05-01T00:00:00Z'));
    b.addItems('cronjobs', [cronJob('a'), cronJob('b')]);
    b.addItems('podsecuritypolicies', [{ metadata: { name: 'restricted' }, spec: { privileged: false } }]);
    b.addItems('poddisruptionbudgets', [{ metadata: { name: 'pdb', namespace: 'shop' } }]);
    b.addItems('deployments', [{ metadata: { name: 'web', namespace: 'shop' }, spec: { template } }]);
    b.addItems('nodes', [{ metadata: { name: 'n' }, status: { nodeInfo: { kubeletVersion: 'v1.23.17' } } }]);
    b.addItems('csidrivers', [{ metadata: { name: 'ebs.csi.aws.com' } }]);
    const s = b.build();
    expect(s.collectedAt).toBe('2024-05-01T00:00:00.000Z');
    expect(s.source).toEqual(source);
    expect(s.workloads.map((w) => `${w.apiVersion} ${w.kind}/${w.metadata.name}`)).toEqual([
      'batch/v1 CronJob/a',
      'batch/v1 CronJob/b',
      'apps/v1 Deployment/web',
    ]);
    expect(s.podSecurityPolicies).toHaveLength(1);
    expect(s.apiEvidence.map((e) => `${e.resource}/${e.ref.name}`)).toEqual([
      'cronjobs/a',
      'cronjobs/b',
      'podsecuritypolicies/restricted',
      'poddisruptionbudgets/pdb',
    ]);
    expect(s.apiEvidence[3]?.ref).toEqual({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      namespace: 'shop',
      name: 'pdb',
    });
    expect(s.csiDrivers).toEqual(['ebs.csi.aws.com']);
  });

  it('decodes Helm records at build into releases, ignoring non-Helm Secrets', () => {
    const b = new SnapshotBuilder(source);
    b.addItems('helmsecrets', [helmStorageObject(shopRelease(1, 'superseded'), 'Secret')]);
    b.addItems('helmsecrets', [
      helmStorageObject(shopRelease(2), 'Secret'),
      { metadata: { name: 'opaque' }, type: 'Opaque' },
    ]);
    b.addItems('helmconfigmaps', [helmStorageObject(shopRelease(1), 'ConfigMap')]);
    const s = b.build();
    expect(s.helmReleases.map((r) => `${r.name} ${r.storage} ${r.current?.revision}`)).toEqual([
      'storefront Secret 2',
      'storefront ConfigMap 1',
    ]);
    expect(b.counts('helmsecrets')).toEqual({ kept: 2, ignored: 1, skipped: 0 });
  });

  it('waits for a decoder that works elsewhere, holding back a reader until few records are pending', async () => {
    const inline = inlineHelmDecoder(DEFAULT_BUDGETS);
    const release: (() => void)[] = [];
    const later: HelmDecoder = {
      decode: (input) => new Promise((resolve) => release.push(() => resolve(inline.decode(input)))),
    };
    const b = new SnapshotBuilder(source, new Date(), { helmDecoder: later });
    b.addItems(
      'helmsecrets',
      [1, 2, 3].map((v) => helmStorageObject(shopRelease(v, v === 3 ? 'deployed' : 'superseded'), 'Secret')),
    );
    expect(b.pendingDecodes).toBe(3);
    expect(() => b.build()).toThrow(/still being decoded/);
    let settled = false;
    const waiting = b.settle(1).then(() => (settled = true));
    release.shift()?.();
    await Promise.resolve();
    expect(settled).toBe(false);
    release.shift()?.();
    await waiting;
    release.shift()?.();
    const s = await b.finish();
    expect(s.helmReleases[0]?.revisions.map((r) => r.revision)).toEqual([1, 2, 3]);
    expect(s.helmReleases[0]?.current?.revision).toBe(3);
  });

  it('fails finish when a decode was cancelled', async () => {
    const cancelled: HelmDecoder = { decode: () => Promise.reject(new Error('The scan was cancelled.')) };
    const b = new SnapshotBuilder(source, new Date(), { helmDecoder: cancelled });
    b.addItems('helmsecrets', [helmStorageObject(shopRelease(1), 'Secret')]);
    await expect(b.finish()).rejects.toThrow(/cancelled/);
  });

  it('keeps service-account token metadata and kubeadm facts only', () => {
    const b = new SnapshotBuilder(source);
    b.addItems('serviceaccounttokens', [
      {
        type: 'kubernetes.io/service-account-token',
        metadata: { name: 't', namespace: 'a' },
        data: { token: 'c2VjcmV0' },
      },
      { type: 'Opaque', metadata: { name: 'o' }, data: { password: 'c2VjcmV0' } },
    ]);
    b.addItems('kubeadmconfig', [
      {
        metadata: { name: 'kubeadm-config', namespace: 'kube-system' },
        data: { ClusterConfiguration: 'apiVersion: kubeadm.k8s.io/v1beta2\nimageRepository: k8s.gcr.io\n' },
      },
      { metadata: { name: 'kubelet-config-1.23', namespace: 'kube-system' } },
      { metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: '.' } },
    ]);
    const s = b.build();
    expect(s.serviceAccountTokens.map((t) => t.metadata.name)).toEqual(['t']);
    expect(JSON.stringify(s)).not.toContain('c2VjcmV0');
    expect(s.kubeadm).toEqual({
      kubeletConfigMaps: ['kubelet-config-1.23'],
      clusterConfigurationApiVersion: 'kubeadm.k8s.io/v1beta2',
      imageRepository: 'k8s.gcr.io',
    });
  });

  it('fills coverage counts, notes skipped items and keeps RESOURCE_KEYS order', () => {
    const b = new SnapshotBuilder(source);
    b.addItems('pods', [{ metadata: { name: 'p' }, spec: {} }, { nope: true }, 'junk']);
    b.addItems('nodes', [{ metadata: { name: 'n' } }]);
    b.recordCoverage({ resource: 'pods', status: 'ok', apiVersion: 'v1', count: 0 });
    b.recordCoverage({ resource: 'podsecuritypolicies', status: 'forbidden', count: 0, message: ['RBAC says no'] });
    b.recordCoverage({ resource: 'nodes', status: 'ok', count: 7 });
    b.setServerVersion({ gitVersion: 'v1.23.17', major: '1', minor: '23' });
    b.setServedGroupVersions(['v1', 'apps/v1']);
    b.setDeprecatedApiRequests([]);
    const s = b.build();
    expect(s.coverage).toEqual([
      { resource: 'version', status: 'ok', count: 1 },
      { resource: 'discovery', status: 'ok', count: 2 },
      { resource: 'metrics', status: 'ok', count: 0 },
      { resource: 'nodes', status: 'ok', count: 7 },
      {
        resource: 'pods',
        status: 'ok',
        apiVersion: 'v1',
        count: 1,
        message: ['2 objects had an unexpected shape and were skipped.'],
      },
      { resource: 'podsecuritypolicies', status: 'forbidden', count: 0, message: ['RBAC says no'] },
    ]);
    expect(s.serverVersion?.minor).toBe('23');
    expect(s.servedGroupVersions).toEqual(['v1', 'apps/v1']);
    expect(s.deprecatedApiRequests).toEqual([]);
  });

  it('shares one spec object between identical pods and controller templates', () => {
    const b = new SnapshotBuilder(source);
    const spec = { nodeName: 'n1', containers: [{ name: 'web', image: 'nginx' }] };
    const pods = Array.from({ length: 10_000 }, (_, i) => ({ metadata: { name: `web-${i}`, uid: `${i}` }, spec }));
    for (let i = 0; i < pods.length; i += 500) b.addItems('pods', pods.slice(i, i + 500));
    b.addItems('replicasets', [
      { metadata: { name: 'web-1' }, spec: { template: { spec: { containers: spec.containers } } } },
    ]);
    const s = b.build();
    expect(s.pods).toHaveLength(10_000);
    expect(new Set(s.pods.map((p) => p.spec)).size).toBe(1);
    expect(b.distinctPodSpecs).toBe(2);
    expect(s.workloads[0]?.template.spec.containers).toBe(s.pods[0]?.spec.containers);
  });

  it('keeps optional facts out until set, and counts items given to fact keys as skipped', () => {
    const b = new SnapshotBuilder(source);
    b.addItems('version', [{}]);
    const s = b.build();
    expect(s.serverVersion).toBeUndefined();
    expect(s.kubeadm).toBeUndefined();
    expect(s.deprecatedApiRequests).toBeUndefined();
    expect(b.counts('version').skipped).toBe(1);
    expect(s.coverage).toEqual([]);
    b.setKubeconfigFacts({ context: 'kind', users: [] });
    expect(b.build().kubeconfig).toEqual({ context: 'kind', users: [] });
  });
});
