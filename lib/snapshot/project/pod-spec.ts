import type { Container, PodSpec, Toleration, Volume } from '../../model/snapshot';
import { CONTAINER_READS, projectContainers } from './container';
import type { FieldReads } from './field-reads';
import { bool, put, rec, recs, str, strMap, text } from './read';
import type { Raw } from './read';
import { POD_SECURITY_CONTEXT_READS, projectSecurityContext } from './security-context';
import { projectVolumes } from './volume';

const SELECTOR_TERM_READS: FieldReads = { matchExpressions: { key: true }, matchFields: { key: true } };

/** What projectPodSpec reads of a pod spec. */
export const POD_SPEC_READS: FieldReads = {
  // Read whole: the source is whichever field holds an object (projectVolumeSource).
  volumes: true,
  initContainers: CONTAINER_READS,
  containers: CONTAINER_READS,
  ephemeralContainers: CONTAINER_READS,
  nodeSelector: true,
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: SELECTOR_TERM_READS },
      preferredDuringSchedulingIgnoredDuringExecution: { preference: SELECTOR_TERM_READS },
    },
  },
  tolerations: { key: true, operator: true, value: true, effect: true },
  topologySpreadConstraints: { topologyKey: true, whenUnsatisfiable: true },
  hostNetwork: true,
  hostPID: true,
  hostIPC: true,
  securityContext: POD_SECURITY_CONTEXT_READS,
  nodeName: true,
  serviceAccountName: true,
  serviceAccount: true,
  automountServiceAccountToken: true,
  priorityClassName: true,
  runtimeClassName: true,
};

function nodeAffinityKeys(spec: Raw): string[] {
  const na = rec(rec(spec, 'affinity'), 'nodeAffinity');
  if (!na) return [];
  const terms = [
    ...recs(rec(na, 'requiredDuringSchedulingIgnoredDuringExecution'), 'nodeSelectorTerms'),
    ...recs(na, 'preferredDuringSchedulingIgnoredDuringExecution').flatMap((p): Raw[] => {
      const preference = rec(p, 'preference');
      return preference ? [preference] : [];
    }),
  ];
  const keys = new Set<string>();
  for (const t of terms) {
    for (const e of [...recs(t, 'matchExpressions'), ...recs(t, 'matchFields')]) {
      const key = text(e, 'key');
      if (key !== undefined) keys.add(key);
    }
  }
  return [...keys].sort();
}

function tolerations(spec: Raw): Toleration[] {
  return recs(spec, 'tolerations').map((t) => {
    const out: Toleration = {};
    put(out, 'key', text(t, 'key'));
    put(out, 'operator', text(t, 'operator'));
    put(out, 'value', text(t, 'value'));
    put(out, 'effect', text(t, 'effect'));
    return out;
  });
}

function topologySpread(spec: Raw): PodSpec['topologySpreadConstraints'] {
  return recs(spec, 'topologySpreadConstraints').map((c) => ({
    topologyKey: str(c, 'topologyKey') ?? '',
    whenUnsatisfiable: str(c, 'whenUnsatisfiable') ?? '',
  }));
}

/** The admission-injected token volume: `kube-api-access-` and a random five-character suffix. */
const TOKEN_VOLUME = /^kube-api-access-[a-z0-9]{5}$/;
const TOKEN_VOLUME_NAME = 'kube-api-access';

/**
 * Drops the random suffix of the injected service-account token volume (in the volume and its mounts) so that
 * pods of one controller project to equal specs and can share one object in memory. No check reads that name.
 */
function normalizeTokenVolume(volumes: Volume[], containers: Container[]): void {
  const injected = volumes.find(
    (v) => v.source.type === 'projected' && v.source.serviceAccountToken && TOKEN_VOLUME.test(v.name),
  );
  if (!injected || volumes.some((v) => v.name === TOKEN_VOLUME_NAME)) return;
  const original = injected.name;
  injected.name = TOKEN_VOLUME_NAME;
  for (const c of containers) {
    for (const m of c.volumeMounts) if (m.name === original) m.name = TOKEN_VOLUME_NAME;
  }
}

/** Projects a raw pod spec (of a pod or a pod template) to the fields the checks read. */
export function projectPodSpec(spec: Raw): PodSpec {
  const volumes = projectVolumes(spec);
  const containers = projectContainers(spec);
  normalizeTokenVolume(volumes, containers);
  const out: PodSpec = {
    nodeSelector: strMap(spec, 'nodeSelector'),
    nodeAffinityKeys: nodeAffinityKeys(spec),
    tolerations: tolerations(spec),
    topologySpreadConstraints: topologySpread(spec),
    hostNetwork: bool(spec, 'hostNetwork') ?? false,
    hostPID: bool(spec, 'hostPID') ?? false,
    hostIPC: bool(spec, 'hostIPC') ?? false,
    securityContext: projectSecurityContext(rec(spec, 'securityContext'), true),
    volumes,
    containers,
  };
  put(out, 'nodeName', text(spec, 'nodeName'));
  put(out, 'serviceAccountName', text(spec, 'serviceAccountName') ?? text(spec, 'serviceAccount'));
  put(out, 'automountServiceAccountToken', bool(spec, 'automountServiceAccountToken'));
  put(out, 'priorityClassName', text(spec, 'priorityClassName'));
  put(out, 'runtimeClassName', text(spec, 'runtimeClassName'));
  return out;
}
