import {
  isServerFactKey,
  OBJECT_RESOURCE_KEYS,
  RESOURCES,
  SERVER_FACT_KEYS,
  type ObjectResourceKey,
  type ResourceKey,
  type ServerFactKey,
} from '../../model/resources';
import type { SnapshotCommand } from '../../model/scan';

/** The kubectl resource name of a key, qualified with its group so a CRD of the same plural cannot shadow it. */
const kubectlName = (key: ObjectResourceKey): string => {
  const { resource, group } = RESOURCES[key];
  return group === '' ? resource : `${resource}.${group}`;
};

/** Kinds read by the main command (the table's `offline: 'main'`); PodSecurityPolicy only where it is served. */
const MAIN: readonly ObjectResourceKey[] = OBJECT_RESOURCE_KEYS.filter(
  (k) => RESOURCES[k].offline === 'main' && k !== 'podsecuritypolicies',
);

const mainCommand = (keys: readonly ObjectResourceKey[]): SnapshotCommand => ({
  purpose: 'Workloads, nodes, storage, policies and the objects of kinds with removed API versions',
  command: `kubectl get ${keys.map(kubectlName).join(',')} -A -o json --show-managed-fields > cluster.json`,
});

/** How an offline snapshot gets the facts about the API server itself. */
const SERVER_FACT_COMMANDS: Readonly<Record<ServerFactKey, SnapshotCommand>> = {
  version: { purpose: 'API server version', command: 'kubectl version -o json > version.json' },
  discovery: { purpose: 'Served API versions', command: 'kubectl api-versions > api-versions.txt' },
  metrics: {
    purpose: 'Deprecated APIs that clients still call (needs RBAC get on the /metrics URL)',
    command: 'kubectl get --raw /metrics > metrics.txt',
  },
};

/** The command of a resource that is not part of the main `kubectl get`, if it has one of its own. */
function separateCommand(key: ResourceKey): SnapshotCommand | undefined {
  if (isServerFactKey(key)) return SERVER_FACT_COMMANDS[key];
  const offline = RESOURCES[key].offline;
  return typeof offline === 'string' ? undefined : offline;
}

const COMMON: readonly SnapshotCommand[] = [
  ...OBJECT_RESOURCE_KEYS.flatMap((k) => separateCommand(k) ?? []),
  ...SERVER_FACT_KEYS.map((k) => SERVER_FACT_COMMANDS[k]),
];

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
  const separate = separateCommand(resource);
  if (separate) return separate.command;
  if (isServerFactKey(resource)) return '';
  return `kubectl get ${kubectlName(resource)} -A -o json --show-managed-fields > ${resource}.json`;
}
