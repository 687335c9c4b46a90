import { fixed, t, type Text } from '../../model/text';
import { isObjectResourceKey } from '../../model/resources';
import { RESOURCES } from '../../model/resources';
import type { CoverageEntry } from '../../model/snapshot';
import type { ResourceKey } from '../../model/resources';
import { RESOURCE_KEYS } from '../../model/resources';
import { commandFor } from './commands';

/** What an offline snapshot provided. */
export interface OfflineFacts {
  /** Object keys with at least one object, or whose typed list or info `resources` entry appeared. */
  seen: ReadonlySet<ResourceKey>;
  /** Minor version of the API server, when given. */
  serverMinor?: number;
  version: boolean;
  discovery: boolean;
  metrics: boolean;
}

const SPECIAL: Partial<Record<ResourceKey, string>> = {
  helmsecrets: 'Helm release Secrets (owner=helm)',
  helmconfigmaps: 'Helm release ConfigMaps (owner=helm)',
  serviceaccounttokens: 'service-account token Secrets',
  kubeadmconfig: 'kubeadm ConfigMaps (kube-system/kubeadm-config, kubelet-config)',
  version: 'The API server version',
  discovery: 'The list of served API versions',
  metrics: 'The API server metrics',
};

/** Commands and descriptions are this project's own text (built from the resource table). */
function notProvided(resource: ResourceKey): Text {
  const command = fixed(commandFor(resource));
  if (!isObjectResourceKey(resource)) {
    return t`${fixed(SPECIAL[resource] ?? resource)} is not in the snapshot. To add it, also upload the output of: ${command}`;
  }
  const what = fixed(SPECIAL[resource] ?? `${RESOURCES[resource].kind} objects`);
  return t`The snapshot has no ${what}: either the cluster has none, or the command that made the snapshot left them out. To check them, add the output of: ${command}`;
}

/** Coverage of an offline snapshot: ok when present, not-served for PSP on 1.25+, not-provided otherwise. */
export function offlineCoverage(facts: OfflineFacts): CoverageEntry[] {
  return RESOURCE_KEYS.map((resource): CoverageEntry => {
    const present = isObjectResourceKey(resource) ? facts.seen.has(resource) : facts[resource];
    // kubectl read them through policy/v1beta1, the only version that ever served them since 1.16, which raises
    // that series of the deprecated-API metric as a live scan does.
    if (present && resource === 'podsecuritypolicies') {
      return { resource, status: 'ok', count: 0, apiVersion: 'policy/v1beta1', deprecatedVersionRead: true };
    }
    if (present) return { resource, status: 'ok', count: 0 };
    if (resource === 'podsecuritypolicies' && facts.serverMinor !== undefined && facts.serverMinor >= 25) {
      return {
        resource,
        status: 'not-served',
        count: 0,
        message: t`Kubernetes 1.25 and later do not serve PodSecurityPolicy.`,
      };
    }
    return { resource, status: 'not-provided', count: 0, message: notProvided(resource) };
  });
}
