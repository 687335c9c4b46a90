import { RESOURCE_INFO } from '../../snapshot/resources';
import type { ObjectResourceKey } from '../../snapshot/resources';
import type { ResourceKey } from '../../snapshot/types';

/** One command of an offline snapshot: what it collects and the exact shell line. */
export interface SnapshotCommand {
  purpose: string;
  command: string;
}

/** The kubectl resource name of a key, qualified with its group so a CRD of the same plural cannot shadow it. */
const kubectlName = (key: ObjectResourceKey): string => {
  const { resource, group } = RESOURCE_INFO[key];
  return group === '' ? resource : `${resource}.${group}`;
};

/** Kinds read by the main command; Secrets and ConfigMaps need their own selectors, Events are optional. */
const MAIN: readonly ObjectResourceKey[] = [
  'nodes',
  'namespaces',
  'pods',
  'deployments',
  'statefulsets',
  'daemonsets',
  'replicasets',
  'replicationcontrollers',
  'jobs',
  'cronjobs',
  'persistentvolumes',
  'storageclasses',
  'csidrivers',
  'services',
  'priorityclasses',
  'customresourcedefinitions',
  'validatingwebhookconfigurations',
  'mutatingwebhookconfigurations',
  'poddisruptionbudgets',
  'horizontalpodautoscalers',
  'endpointslices',
  'runtimeclasses',
  'flowschemas',
  'prioritylevelconfigurations',
  'csistoragecapacities',
];

const mainCommand = (keys: readonly ObjectResourceKey[]): SnapshotCommand => ({
  purpose: 'Workloads, nodes, storage, policies and the objects of kinds with removed API versions',
  command: `kubectl get ${keys.map(kubectlName).join(',')} -A -o json --show-managed-fields > cluster.json`,
});

/** The commands for resources that are not part of the main `kubectl get`. */
const SEPARATE: Readonly<Partial<Record<ResourceKey, SnapshotCommand>>> = {
  helmsecrets: {
    purpose: 'Helm releases stored in Secrets',
    command: 'kubectl get secrets -A -l owner=helm -o json > helm-secrets.json',
  },
  helmconfigmaps: {
    purpose: 'Helm releases stored in ConfigMaps',
    command: 'kubectl get configmaps -A -l owner=helm -o json > helm-configmaps.json',
  },
  serviceaccounttokens: {
    purpose: 'Legacy service-account token Secrets (the token values are dropped when the file is read)',
    command:
      'kubectl get secrets -A --field-selector type=kubernetes.io/service-account-token -o json > sa-tokens.json',
  },
  kubeadmconfig: {
    purpose: 'kubeadm configuration (kubeadm-config and kubelet-config ConfigMaps)',
    command: 'kubectl get configmaps -n kube-system -o json > kube-system-configmaps.json',
  },
  version: { purpose: 'API server version', command: 'kubectl version -o json > version.json' },
  discovery: { purpose: 'Served API versions', command: 'kubectl api-versions > api-versions.txt' },
  metrics: {
    purpose: 'Deprecated APIs that clients still call (needs RBAC get on the /metrics URL)',
    command: 'kubectl get --raw /metrics > metrics.txt',
  },
};

const COMMON: readonly SnapshotCommand[] = Object.values(SEPARATE);

/**
 * The commands that make a complete offline snapshot. Clusters up to 1.24 still serve PodSecurityPolicy; from 1.25
 * on, naming it makes kubectl fail, so it is left out.
 */
export const SNAPSHOT_COMMANDS: Readonly<Record<'1.23-1.24' | '1.25+', readonly SnapshotCommand[]>> = {
  '1.23-1.24': [mainCommand([...MAIN, 'podsecuritypolicies']), ...COMMON],
  '1.25+': [mainCommand(MAIN), ...COMMON],
};

/** The commands for a cluster of the given minor version (1.23-1.24 set when unknown). */
export function snapshotCommandsFor(serverMinor: number | undefined): readonly SnapshotCommand[] {
  return serverMinor !== undefined && serverMinor >= 25 ? SNAPSHOT_COMMANDS['1.25+'] : SNAPSHOT_COMMANDS['1.23-1.24'];
}

/** The command that adds one resource to an offline snapshot. */
export function commandFor(resource: ResourceKey): string {
  const separate = SEPARATE[resource];
  if (separate) return separate.command;
  if (resource === 'version' || resource === 'discovery' || resource === 'metrics') return '';
  return `kubectl get ${kubectlName(resource)} -A -o json --show-managed-fields > ${resource}.json`;
}
