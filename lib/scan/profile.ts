import { slot, t } from '../model/text';
import type { Node, Snapshot } from '../model/snapshot';
import { CRI_SOCKET_ANNOTATION } from '../rules/support/runtime-class';
import { parseVersion } from '../rules/support/versions';
import type { ClusterProfile } from '../rules/support/check';

type Provider = ClusterProfile['provider'];

const labelWith = (node: Node, prefix: string): string | undefined =>
  Object.keys(node.metadata.labels)
    .sort()
    .find((k) => k.startsWith(prefix));

const label = (node: Node, key: string | undefined): string | undefined =>
  key === undefined ? undefined : `label ${key}=${node.metadata.labels[key] ?? ''}`;

/** Each detector says why a node belongs to a provider, or undefined. Order matters: the first match wins. */
const DETECTORS: readonly [Provider, (n: Node) => string | undefined][] = [
  ['openshift', (n) => label(n, labelWith(n, 'node.openshift.io/os_id'))],
  [
    'eks',
    (n) => {
      if (!n.providerID?.startsWith('aws://')) return undefined;
      const why =
        label(n, labelWith(n, 'eks.amazonaws.com/')) ??
        (n.kubeletVersion.includes('-eks-') ? `kubelet ${n.kubeletVersion}` : undefined);
      return why && `providerID ${n.providerID} and ${why}`;
    },
  ],
  [
    'aks',
    (n) =>
      n.providerID?.startsWith('azure://')
        ? withProvider(n, label(n, labelWith(n, 'kubernetes.azure.com/')))
        : undefined,
  ],
  [
    'gke',
    (n) =>
      n.providerID?.startsWith('gce://') ? withProvider(n, label(n, labelWith(n, 'cloud.google.com/gke-'))) : undefined,
  ],
  ['k3s', (n) => (n.kubeletVersion.includes('+k3s') ? `kubelet ${n.kubeletVersion}` : undefined)],
  ['rke2', (n) => (n.kubeletVersion.includes('+rke2') ? `kubelet ${n.kubeletVersion}` : undefined)],
  ['kind', (n) => (n.providerID?.startsWith('kind://') ? `providerID ${n.providerID}` : undefined)],
  ['minikube', (n) => label(n, labelWith(n, 'minikube.k8s.io/'))],
  [
    'kubeadm',
    (n) =>
      n.metadata.annotations[CRI_SOCKET_ANNOTATION] === undefined ? undefined : `annotation ${CRI_SOCKET_ANNOTATION}`,
  ],
];

function withProvider(n: Node, why: string | undefined): string | undefined {
  return why && `providerID ${n.providerID ?? ''} and ${why}`;
}

/** Suffixes managed offerings put in the server version, for snapshots without nodes. */
const SERVER_HINTS: readonly [Provider, string][] = [
  ['eks', '-eks-'],
  ['gke', '-gke.'],
  ['k3s', '+k3s'],
  ['rke2', '+rke2'],
];

function detectProvider(snapshot: Snapshot): Pick<ClusterProfile, 'provider' | 'providerEvidence'> {
  const nodes = [...snapshot.nodes].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  for (const [provider, detect] of DETECTORS) {
    for (const n of nodes) {
      const why = detect(n);
      if (why) return { provider, providerEvidence: t`node ${slot('node', n.metadata.name)}: ${slot('value', why)}` };
    }
  }
  const git = snapshot.serverVersion?.gitVersion ?? '';
  const hint = SERVER_HINTS.find(([, s]) => git.includes(s));
  if (hint) return { provider: hint[0], providerEvidence: t`server version ${slot('version', git)}` };
  if (snapshot.kubeadm) return { provider: 'kubeadm', providerEvidence: t`ConfigMap kube-system/kubeadm-config` };
  return { provider: 'unknown' };
}

function detectPolicyEngines(snapshot: Snapshot): ClusterProfile['policyEngines'] {
  const groups = snapshot.customResourceDefinitions.map((c) => c.group);
  const hooks = snapshot.webhooks.map((w) => w.name);
  const namespaces = snapshot.namespaces.map((n) => n.metadata.name);
  const engines: ClusterProfile['policyEngines'] = [];
  if (
    groups.some((g) => g === 'kyverno.io' || g.endsWith('.kyverno.io')) ||
    hooks.some((h) => h.startsWith('kyverno-')) ||
    namespaces.includes('kyverno')
  ) {
    engines.push('kyverno');
  }
  if (
    groups.some((g) => g === 'gatekeeper.sh' || g.endsWith('.gatekeeper.sh')) ||
    hooks.some((h) => h.startsWith('gatekeeper-')) ||
    namespaces.includes('gatekeeper-system')
  ) {
    engines.push('gatekeeper');
  }
  return engines;
}

function detectServerMinor(snapshot: Snapshot): number | undefined {
  const sv = snapshot.serverVersion;
  const minor = sv ? Number.parseInt(sv.minor, 10) : Number.NaN;
  if (!Number.isNaN(minor)) return minor;
  const git = sv ? parseVersion(sv.gitVersion) : undefined;
  if (git) return git.minor;
  const kubelets = snapshot.nodes.flatMap((n) => parseVersion(n.kubeletVersion)?.minor ?? []);
  return kubelets.length > 0 ? Math.max(...kubelets) : undefined;
}

/** The cluster facts rules tailor advice to: provider (with the evidence), policy engines, API server minor. */
export function detectProfile(snapshot: Snapshot): ClusterProfile {
  const serverMinor = detectServerMinor(snapshot);
  return {
    ...detectProvider(snapshot),
    policyEngines: detectPolicyEngines(snapshot),
    ...(serverMinor === undefined ? {} : { serverMinor }),
  };
}
