import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogFrom } from '../catalog/load';
import type { Target } from '../model/releases';
import type { HelmRelease } from '../model/snapshot';
import { projectWorkload } from '../snapshot/project/workload';
import { container, meta, snapshot, workload } from '../snapshot/test-fixtures';
import { rule as check } from './addon-versions';
import { addonInventory, addonOfImage, parseImage, rangeVerdict, versionOfTag } from './support/addons';
import { ruleContext } from './testing/context';
import { plainRule } from './testing/plain';

const { addons } = loadCatalogFrom(path.join(import.meta.dirname, '..', '..', 'data'));
const rule = plainRule(check);

function run(
  image: string,
  opts: {
    target?: Target;
    labels?: Record<string, string>;
    kind?: 'Deployment' | 'DaemonSet';
    helm?: HelmRelease;
  } = {},
) {
  const w = workload(
    opts.kind ?? 'Deployment',
    'addon',
    'kube-system',
    { containers: [container('main', { image })] },
    {
      metadata: { ...meta('addon', 'kube-system'), labels: opts.labels ?? {} },
    },
  );
  const s = snapshot({ workloads: [w], helmReleases: opts.helm ? [opts.helm] : [] });
  return rule.run(s, { ...ruleContext(opts.target ? { target: opts.target } : {}), addons });
}

const verdict = (image: string, target: Target = '1.25') =>
  run(image, { target }).map((f) => `${f.severity}/${f.confidence}`);

describe('recognising add-ons', () => {
  it.each([
    ['registry.k8s.io/ingress-nginx/controller:v1.3.0', 'ingress-nginx'],
    ['k8s.gcr.io/ingress-nginx/controller:v0.49.3@sha256:abc', 'ingress-nginx'],
    // A mirror: another registry, or a proxy path, ending with the listed path.
    ['harbor.example.com/proxy/ingress-nginx/controller:v1.8.1', 'ingress-nginx'],
    ['quay.io/jetstack/cert-manager-controller:v1.8.0', 'cert-manager'],
    ['calico/node:v3.23.1', 'calico'],
    ['docker.io/calico/node:v3.23.1', 'calico'],
    ['602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/kube-proxy:v1.24.7-eksbuild.2', 'kube-proxy'],
    ['registry.k8s.io/coredns/coredns:v1.8.6', 'coredns'],
    ['ghcr.io/fluxcd/source-controller:v0.25.9', 'flux'],
  ])('%s is %s', (image, id) => {
    expect(addonOfImage(addons, parseImage(image))?.id).toBe(id);
  });

  it('does not take an unrelated image for an add-on', () => {
    for (const image of ['nginx:1.25', 'registry.example.com/shop/controller:v1.3.0', 'node:20', 'busybox']) {
      expect(addonOfImage(addons, parseImage(image))?.id, image).toBeUndefined();
    }
  });

  it('reads release numbers from tags, and nothing from tags that are not', () => {
    expect(versionOfTag('v1.24.7-eksbuild.2')).toBe('1.24.7');
    expect(versionOfTag('1.8.6')).toBe('1.8.6');
    expect(versionOfTag('v3.23')).toBe('3.23');
    expect(versionOfTag('latest')).toBeUndefined();
    expect(versionOfTag('sha-4f2a9c1')).toBeUndefined();
    expect(parseImage('nginx')).toEqual({ registry: 'docker.io', path: 'library/nginx' });
    expect(parseImage('localhost:5000/a/b:1.0@sha256:ff')).toEqual({
      registry: 'localhost:5000',
      path: 'a/b',
      tag: '1.0',
      digest: 'sha256:ff',
    });
  });

  it('places versions against ranges: inside, older than the first, newer than the last', () => {
    expect(rangeVerdict('>=1.3.0 <1.9.0', '1.3.0')).toBe('inside');
    expect(rangeVerdict('>=1.3.0 <1.9.0', '1.2.1')).toBe('older');
    expect(rangeVerdict('>=1.3.0 <1.9.0', '1.9.0')).toBe('newer');
    expect(rangeVerdict('>=1.8.6', '1.10.1')).toBe('inside');
  });
});

describe('addon-versions', () => {
  it('says breaking for a release older than the first that supports the target, naming it', () => {
    const [f] = run('registry.k8s.io/ingress-nginx/controller:v1.2.1');
    expect(f).toMatchObject({ changeId: 'addon-compatibility', severity: 'breaking', confidence: 'certain' });
    expect(f?.message).toContain(
      'older than any release the project supports on Kubernetes 1.25 (>=1.4.0 <1.10.0; the first is 1.4.0)',
    );
    expect(f?.evidence.map((e) => e.detail).join(' ')).toContain('https://github.com/kubernetes/ingress-nginx');
  });

  it('says verified compatible inside the range, and action for a release newer than the tested ones', () => {
    expect(verdict('registry.k8s.io/ingress-nginx/controller:v1.5.1')).toEqual(['info/certain']);
    expect(verdict('registry.k8s.io/ingress-nginx/controller:v1.11.0')).toEqual(['action/certain']);
    expect(verdict('registry.k8s.io/ingress-nginx/controller:v1.3.0', '1.24')).toEqual(['info/certain']);
    expect(verdict('registry.k8s.io/ingress-nginx/controller:v1.3.0', '1.25')).toEqual(['breaking/certain']);
  });

  it('grades a range that is only a reference pairing (CoreDNS and kubeadm) as worth a look, not a break', () => {
    const [f] = run('registry.k8s.io/coredns/coredns:v1.8.6');
    expect(f).toMatchObject({ severity: 'action', confidence: 'possible' });
    expect(f?.message).toContain('publishes no support range');
    expect(verdict('registry.k8s.io/coredns/coredns:v1.9.3')).toEqual(['info/certain']);
  });

  it('keeps cluster-autoscaler in lockstep with the control plane minor', () => {
    expect(verdict('registry.k8s.io/autoscaling/cluster-autoscaler:v1.24.3', '1.25')).toEqual(['breaking/certain']);
    expect(verdict('registry.k8s.io/autoscaling/cluster-autoscaler:v1.25.1', '1.25')).toEqual(['info/certain']);
  });

  it('reads a digest-pinned image through its version label, or says why it cannot', () => {
    const pinned = 'quay.io/jetstack/cert-manager-controller@sha256:0123456789abcdef';
    const labelled = run(pinned, { labels: { 'app.kubernetes.io/version': 'v1.5.3' } });
    expect(labelled.map((f) => `${f.severity}/${f.confidence}`)).toEqual(['breaking/likely']);
    const [unknown] = run(pinned);
    expect(unknown).toMatchObject({ severity: 'info', confidence: 'possible' });
    expect(unknown?.message).toContain('pinned by digest');
    expect(run('quay.io/jetstack/cert-manager-controller:latest')[0]?.message).toContain(
      'the image tag latest is not a release number',
    );
  });

  it('reads Flux from its version label or chart, not from each controller image', () => {
    const [f] = run('ghcr.io/fluxcd/source-controller:v0.25.9', { labels: { 'app.kubernetes.io/version': 'v0.31.0' } });
    expect(f?.message).toContain('runs Flux (flux2) 0.31.0');
    const helm: HelmRelease = {
      name: 'flux',
      namespace: 'kube-system',
      storage: 'Secret',
      revisions: [],
      decodeErrors: [],
      current: {
        revision: 1,
        status: 'deployed',
        storageObject: 's',
        chart: 'flux2',
        appVersion: '2.0.1',
        objects: [],
      },
    };
    const w = workload(
      'Deployment',
      'source-controller',
      'kube-system',
      { containers: [container('m', { image: 'ghcr.io/fluxcd/source-controller:v1.0.0' })] },
      {
        metadata: {
          ...meta('source-controller', 'kube-system'),
          labels: { 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/instance': 'flux' },
          annotations: { 'meta.helm.sh/release-name': 'flux', 'meta.helm.sh/release-namespace': 'kube-system' },
        },
      },
    );
    const [viaChart] = rule.run(snapshot({ workloads: [w], helmReleases: [helm] }), { ...ruleContext(), addons });
    expect(viaChart?.message).toContain('2.0.1');
  });

  it('recognises an add-on built into a private image by its Helm chart, never trusting that image tag', () => {
    const labels = { 'helm.sh/chart': 'ingress-nginx-4.7.1', 'app.kubernetes.io/version': '1.8.1' };
    const [f] = run('registry.example.com/platform/edge-proxy:3.2.0', { labels });
    expect(f?.message).toContain('runs ingress-nginx (Kubernetes community) 1.8.1');
    expect(f).toMatchObject({ severity: 'info', confidence: 'likely' });
    const [unknown] = run('registry.example.com/platform/edge-proxy:3.2.0', {
      labels: { 'helm.sh/chart': 'ingress-nginx-4.7.1' },
    });
    expect(unknown).toMatchObject({ severity: 'info', confidence: 'possible' });
    expect(
      run('registry.example.com/platform/edge-proxy:3.2.0', { labels: { 'helm.sh/chart': 'shop-1.0.0' } }),
    ).toEqual([]);
  });

  it("recognises a private build by the table's label selectors, read as projection keeps them", () => {
    // Raw Deployments as the API server returns them: projection keeps only the selector pairs.
    const raw = (name: string, labels: Record<string, string>, podLabels: Record<string, string>) => ({
      metadata: { name, namespace: 'edge', uid: name, labels },
      spec: {
        template: {
          metadata: { labels: podLabels },
          spec: { containers: [{ name: 'main', image: 'registry.example.com/platform/edge-proxy:3.2.0' }] },
        },
      },
    });
    const scan = (...objects: ReturnType<typeof raw>[]) => {
      const workloads = objects.flatMap((o) => projectWorkload(o, 'Deployment', 'apps/v1') ?? []);
      return rule.run(snapshot({ workloads }), { ...ruleContext(), addons });
    };
    const controller = raw(
      'edge',
      { 'app.kubernetes.io/version': '1.2.1', team: 'platform' },
      { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
    );
    const [f] = scan(controller);
    expect(f?.message).toContain('runs ingress-nginx (Kubernetes community) 1.2.1');
    // Not the image tag (3.2.0): a private build's tag says nothing about the release.
    expect(f).toMatchObject({ severity: 'breaking', confidence: 'likely' });
    // Every label of a selector must be there: the admission webhook job of the same chart is not the controller.
    expect(scan(raw('hook', {}, { 'app.kubernetes.io/name': 'ingress-nginx' }))).toEqual([]);
    // GKE's kube-dns carries k8s-app=kube-dns as CoreDNS does, and is not CoreDNS.
    expect(scan(raw('kube-dns', {}, { 'k8s-app': 'kube-dns' }))).toEqual([]);
    expect(scan(raw('web', { app: 'web' }, { app: 'web', tier: 'node' }))).toEqual([]);
    // Recognised, but no version label: unknown, with the reason.
    const [unknown] = scan(raw('cni', {}, { app: 'flannel', tier: 'node' }));
    expect(unknown?.message).toContain('Flannel (flannel-io), but its version cannot be read');
  });

  it('grades a range derived from a support policy or manifests as worth a look, not a break', () => {
    const [f] = run('docker.io/openpolicyagent/gatekeeper:v3.6.0');
    expect(f).toMatchObject({ severity: 'action', confidence: 'possible' });
    expect(f?.message).toContain("by the project's support policy or its own manifests (>=3.8.0 <3.14.0)");
    expect(verdict('docker.io/openpolicyagent/gatekeeper:v3.15.0')).toEqual(['action/possible']);
    expect(verdict('docker.io/openpolicyagent/gatekeeper:v3.10.0')).toEqual(['info/certain']);
  });

  it('reports each add-on of a workload once, and nothing for workloads without one', () => {
    const w = workload('DaemonSet', 'calico-node', 'kube-system', {
      containers: [
        container('install-cni', { image: 'docker.io/calico/cni:v3.20.0', role: 'init' }),
        container('calico-node', { image: 'docker.io/calico/node:v3.20.0' }),
      ],
    });
    const findings = rule.run(snapshot({ workloads: [w, workload('Deployment', 'web', 'shop')] }), {
      ...ruleContext(),
      addons,
    });
    expect(findings.map((f) => `${f.object.name} ${f.severity}`)).toEqual(['calico-node breaking']);
  });
});

describe('the add-on inventory', () => {
  it('lists each add-on with its version and its standing at every release step', () => {
    const s = snapshot({
      workloads: [
        workload('Deployment', 'coredns', 'kube-system', {
          containers: [container('c', { image: 'registry.k8s.io/coredns/coredns:v1.8.6' })],
        }),
        workload('Deployment', 'cm', 'cert-manager', {
          containers: [container('c', { image: 'quay.io/jetstack/cert-manager-controller@sha256:00' })],
        }),
      ],
    });
    expect(addonInventory(s, addons, ['1.24', '1.25'])).toEqual([
      {
        object: expect.objectContaining({ kind: 'Deployment', name: 'coredns' }),
        addon: 'coredns',
        name: 'CoreDNS (CNCF)',
        version: '1.8.6',
        versionFrom: 'tag',
        releases: [
          { release: '1.24', range: '>=1.8.6', verdict: 'inside', basis: 'reference' },
          { release: '1.25', range: '>=1.9.3', verdict: 'older', basis: 'reference' },
        ],
      },
      {
        object: expect.objectContaining({ name: 'cm' }),
        addon: 'cert-manager',
        name: expect.any(String),
        unknown: 'digest',
        releases: [
          { release: '1.24', range: '>=1.8.0 <1.15.0', verdict: 'unknown' },
          { release: '1.25', range: '>=1.10.0 <1.17.0', verdict: 'unknown' },
        ],
      },
    ]);
  });
});
