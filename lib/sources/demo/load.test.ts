import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoCluster } from './build/build-demo';
import { loadDemoSnapshot } from './load';
import { parseOfflineSnapshot } from '../offline/parse';

const dataDir = path.join(import.meta.dirname, '..', '..', '..', 'data');
const s = loadDemoSnapshot(dataDir);

describe('the demo cluster', () => {
  it('loads as a demo snapshot of a 1.23 cluster with full coverage', () => {
    expect(s.source).toEqual({ kind: 'demo', label: 'Demo cluster: Northwind Freight (Kubernetes 1.23)' });
    expect(s.serverVersion?.gitVersion).toBe('v1.23.17');
    expect(s.coverage.every((c) => c.status === 'ok' && c.message === undefined)).toBe(true);
    expect(s.servedGroupVersions).toContain('batch/v1beta1');
    expect(s.deprecatedApiRequests?.length).toBeGreaterThan(0);
  });

  it('has a dockershim node, a containerd 1.6.2 node, a skewed kubelet and dynamic kubelet config', () => {
    const runtimes = s.nodes.map((n) => n.containerRuntimeVersion);
    expect(runtimes).toContain('docker://20.10.17');
    expect(runtimes).toContain('containerd://1.6.2');
    expect(s.nodes.some((n) => n.kubeletVersion === 'v1.22.17')).toBe(true);
    expect(s.nodes.some((n) => n.configSource?.configMap !== undefined)).toBe(true);
    expect(s.nodes.find((n) => n.containerRuntimeVersion.startsWith('docker'))?.metadata.annotations).toEqual({
      'kubeadm.alpha.kubernetes.io/cri-socket': '/var/run/dockershim.sock',
    });
  });

  it('has Docker socket users, in templates and pods', () => {
    const hostPaths = s.workloads.flatMap((w) =>
      w.template.spec.volumes.flatMap((v) =>
        v.source.type === 'hostPath' ? [`${w.metadata.name}:${v.source.path}`] : [],
      ),
    );
    expect(hostPaths).toContain('jenkins-agent:/var/run/docker.sock');
    expect(hostPaths).toContain('datadog-agent:/var/run');
    expect(s.pods.some((p) => p.spec.containers.some((c) => c.env.some((e) => e.name === 'DOCKER_HOST')))).toBe(true);
  });

  it('has removed-API evidence from managedFields, last-applied, Helm manifests and hooks', () => {
    const cron = s.apiEvidence.find((e) => e.ref.kind === 'CronJob');
    expect(cron?.lastAppliedApiVersion).toBe('batch/v1beta1');
    expect(cron?.managedFields.map((m) => m.apiVersion)).toEqual(['batch/v1beta1', 'batch/v1']);
    const storefront = s.helmReleases.find((r) => r.name === 'storefront');
    expect(storefront?.storage).toBe('Secret');
    expect(storefront?.current?.revision).toBe(2);
    const objects = storefront?.current?.objects ?? [];
    expect(objects.some((o) => o.apiVersion === 'policy/v1beta1' && o.kind === 'PodDisruptionBudget')).toBe(true);
    expect(objects.find((o) => o.kind === 'CronJob')).toMatchObject({
      apiVersion: 'batch/v1beta1',
      source: { hook: 'storefront-cache-warmer' },
    });
    const grafana = s.helmReleases.find((r) => r.name === 'grafana');
    expect(grafana?.storage).toBe('ConfigMap');
    expect(grafana?.revisions.filter((r) => r.status === 'deployed')).toHaveLength(2);
  });

  it('has PSPs with admitted pods, namespaces without PSA labels, and the other 1.24/1.25 items', () => {
    expect(s.podSecurityPolicies.map((p) => p.metadata.name).sort()).toEqual(['grafana', 'privileged', 'restricted']);
    expect(s.pods.filter((p) => p.metadata.annotations['kubernetes.io/psp'] !== undefined).length).toBeGreaterThan(3);
    expect(
      s.namespaces.filter((n) => !Object.keys(n.metadata.labels).some((k) => k.startsWith('pod-security'))).length,
    ).toBeGreaterThan(3);
    expect(s.persistentVolumes.some((p) => p.source.type === 'inTree' && p.source.plugin === 'glusterfs')).toBe(true);
    const token = s.serviceAccountTokens[0]?.metadata.name;
    expect(
      s.pods.some((p) => p.spec.volumes.some((v) => v.source.type === 'secret' && v.source.secretName === token)),
    ).toBe(true);
    expect(s.workloads.some((w) => 'seccomp.security.alpha.kubernetes.io/pod' in w.template.annotations)).toBe(true);
    expect(s.workloads.some((w) => 'node-role.kubernetes.io/master' in w.template.spec.nodeSelector)).toBe(true);
    expect(
      s.workloads.some((w) =>
        w.template.spec.containers.some((c) => c.probes.some((p) => p.command?.[0]?.includes('grpc_health_probe'))),
      ),
    ).toBe(true);
    expect(s.pods.some((p) => p.spec.containers.some((c) => c.image.startsWith('k8s.gcr.io/')))).toBe(true);
    expect(s.kubeadm?.imageRepository).toBe('k8s.gcr.io');
    expect(s.pods.some((p) => p.mirror)).toBe(true);
    expect(s.priorityClasses.some((p) => p.preemptionPolicy === 'Never')).toBe(true);
    expect(s.workloads.some((w) => w.kind === 'CronJob' && w.timeZone === undefined)).toBe(true);
  });

  it('never keeps Secret data', () => {
    expect(JSON.stringify(s)).not.toContain('ZGVtby10b2tlbi1ub3QtcmVhbA');
  });

  it('is what lib/sources/demo/build/build-demo.ts generates (regenerate it after editing the parts)', () => {
    const generated = parseOfflineSnapshot([{ name: 'demo-cluster.json', text: JSON.stringify(buildDemoCluster()) }]);
    expect(generated.ok && { ...generated.snapshot, source: s.source }).toEqual(s);
  });
});
