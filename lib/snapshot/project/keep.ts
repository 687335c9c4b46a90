/**
 * The one place that says which labels, annotations and container details survive projection. A snapshot of a
 * 100k-pod cluster has to fit in memory, so everything else is dropped at the edge. A check that needs a new key
 * adds it here (and says so in docs/snapshot.md).
 */

/** Annotations kept on any object: exact keys. */
export const KEPT_ANNOTATIONS: readonly string[] = [
  'kubernetes.io/psp',
  'kubernetes.io/config.mirror',
  'kubernetes.io/config.source',
  'kubeadm.alpha.kubernetes.io/cri-socket',
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
  'kubernetes.io/service-account.name',
  'volume.beta.kubernetes.io/storage-provisioner',
  'volume.kubernetes.io/storage-provisioner',
];

/** Annotations kept on any object: key prefixes. */
export const KEPT_ANNOTATION_PREFIXES: readonly string[] = [
  'seccomp.security.alpha.kubernetes.io/',
  'container.seccomp.security.alpha.kubernetes.io/',
  'container.apparmor.security.beta.kubernetes.io/',
  'apparmor.security.beta.kubernetes.io/',
  'meta.helm.sh/',
  'pv.kubernetes.io/',
];

/** Labels kept on objects other than nodes and namespaces: exact keys. */
export const KEPT_LABELS: readonly string[] = [
  'app.kubernetes.io/managed-by',
  'app.kubernetes.io/instance',
  'helm.sh/chart',
  // The release of an add-on deployed by digest (addon-versions).
  'app.kubernetes.io/version',
];

/** Labels kept on objects other than nodes and namespaces: key prefixes. */
export const KEPT_LABEL_PREFIXES: readonly string[] = ['pod-security.kubernetes.io/'];

/**
 * Labels kept only with these values: the add-on table's label selectors (data/addons), which recognise an add-on
 * built into a private image. Kept as pairs so that `app` or `k8s-app` of every other workload is still dropped; a
 * catalog test fails when the table uses a pair that is not here.
 */
export const KEPT_ADDON_LABELS: Readonly<Record<string, readonly string[]>> = {
  app: [
    'cert-manager',
    'cluster-autoscaler',
    'csi-azuredisk-controller',
    'csi-azuredisk-node',
    'ebs-csi-controller',
    'ebs-csi-node',
    'external-dns',
    'flannel',
    'gcp-compute-persistent-disk-csi-driver',
    'helm-controller',
    'istiod',
    'kustomize-controller',
    'notification-controller',
    'source-controller',
  ],
  'app.kubernetes.io/component': ['admission-controller', 'controller'],
  'app.kubernetes.io/name': [
    'argocd-application-controller',
    'argocd-repo-server',
    'argocd-server',
    'aws-cluster-autoscaler',
    'aws-load-balancer-controller',
    'cert-manager',
    'coredns',
    'external-dns',
    'ingress-nginx',
    'kube-state-metrics',
    'kyverno',
    'metrics-server',
    'nginx-ingress',
    'prometheus-operator',
    'velero',
  ],
  'app.kubernetes.io/part-of': ['kyverno'],
  component: ['kube-proxy', 'velero'],
  'control-plane': ['audit-controller', 'controller-manager'],
  deploy: ['velero'],
  'gatekeeper.sh/system': ['yes'],
  'k8s-app': ['calico-kube-controllers', 'calico-node', 'cilium', 'kube-proxy', 'metrics-server'],
  'linkerd.io/control-plane-component': ['destination', 'identity', 'proxy-injector'],
  tier: ['node'],
};

/** The annotation that holds the last `kubectl apply`; only its apiVersion is kept (as ApiEvidenceObject). */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

const matches = (key: string, exact: readonly string[], prefixes: readonly string[]): boolean =>
  exact.includes(key) || prefixes.some((p) => key.startsWith(p));

/** True when an annotation key is one the checks read. */
export function keepAnnotation(key: string): boolean {
  return matches(key, KEPT_ANNOTATIONS, KEPT_ANNOTATION_PREFIXES);
}

// A Set of `key=value`, not a lookup on the record: a label key such as `constructor` must not reach its prototype.
const ADDON_LABEL_PAIRS: ReadonlySet<string> = new Set(
  Object.entries(KEPT_ADDON_LABELS).flatMap(([key, values]) => values.map((v) => `${key}=${v}`)),
);

/** True when a label is one the checks or the grouping read. */
export function keepLabel(key: string, value: string): boolean {
  return matches(key, KEPT_LABELS, KEPT_LABEL_PREFIXES) || ADDON_LABEL_PAIRS.has(`${key}=${value}`);
}

/** Keeps every label (nodes and namespaces: roles, topology, pod-security levels all matter). */
export function keepAnyLabel(): boolean {
  return true;
}

/**
 * Text that points at a Docker Engine: a docker or dockershim socket, or a Docker daemon TCP port (2375/2376).
 * cri-dockerd sockets are deliberately not matched: they keep working after the dockershim removal.
 */
export const DOCKER_HINT = /docker\.sock|dockershim\.sock|tcp:\/\/[^\s'"]*:237[56]\b|DOCKER_HOST/;

/** Longest command/args entry kept; longer ones (inline shell scripts) are cut around the first match. */
export const MAX_KEPT_ARG_LENGTH = 512;

/** True for an env var the Docker checks use. */
export function keepEnv(name: string, value: string | undefined): boolean {
  return name === 'DOCKER_HOST' || (value !== undefined && DOCKER_HINT.test(value));
}

/** The part of a command/args entry worth keeping, or undefined when it does not mention Docker. */
export function keepDockerArg(arg: string): string | undefined {
  const m = DOCKER_HINT.exec(arg);
  if (!m) return undefined;
  if (arg.length <= MAX_KEPT_ARG_LENGTH) return arg;
  const start = Math.max(0, m.index - MAX_KEPT_ARG_LENGTH / 2);
  return `…${arg.slice(start, start + MAX_KEPT_ARG_LENGTH)}…`;
}
