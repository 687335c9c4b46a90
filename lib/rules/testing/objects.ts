/**
 * Builders for the projected objects test-fixtures.ts has no builder for (namespaces, PSPs, storage, services...),
 * used by the rule tests. Each takes only what a test cares about.
 */
import type {
  Namespace,
  PersistentVolume,
  PodSecurityPolicy,
  PriorityClass,
  Service,
  ServiceAccountTokenSecret,
  StorageClass,
  VolumeSource,
} from '../../model/snapshot';
import { meta } from '../../snapshot/test-fixtures';
import type { ClusterProfile, RuleContext } from '../support/check';
import type { Target } from '../../model/releases';

export function namespace(name: string, labels: Record<string, string> = {}): Namespace {
  return { metadata: meta(name, undefined, { labels }), phase: 'Active' };
}

/** A PSP that allows everything a restricted pod needs and nothing more, unless `extra` says otherwise. */
export function psp(
  name: string,
  extra: Partial<Omit<PodSecurityPolicy, 'metadata'>> = {},
  annotations: Record<string, string> = {},
): PodSecurityPolicy {
  return {
    metadata: meta(name, undefined, { annotations }),
    privileged: false,
    defaultAddCapabilities: [],
    requiredDropCapabilities: ['ALL'],
    allowedCapabilities: [],
    allowPrivilegeEscalation: false,
    hostNetwork: false,
    hostPID: false,
    hostIPC: false,
    readOnlyRootFilesystem: false,
    volumes: ['configMap', 'emptyDir', 'projected', 'secret', 'downwardAPI', 'persistentVolumeClaim'],
    allowedHostPaths: [],
    runAsUser: { rule: 'MustRunAsNonRoot', ranges: [] },
    supplementalGroups: { rule: 'RunAsAny', ranges: [] },
    fsGroup: { rule: 'RunAsAny', ranges: [] },
    seLinuxRule: 'RunAsAny',
    allowedProcMountTypes: [],
    ...extra,
  };
}

export function persistentVolume(
  name: string,
  source: VolumeSource,
  extra: Partial<Omit<PersistentVolume, 'metadata' | 'source'>> = {},
  annotations: Record<string, string> = {},
): PersistentVolume {
  return { metadata: meta(name, undefined, { annotations }), source, phase: 'Bound', ...extra };
}

export function storageClass(name: string, provisioner: string, isDefault = false): StorageClass {
  return { metadata: meta(name), provisioner, isDefault };
}

export function service(namespace: string, name: string, extra: Partial<Omit<Service, 'metadata'>> = {}): Service {
  return { metadata: meta(name, namespace), type: 'ClusterIP', ...extra };
}

export function priorityClass(name: string, value: number, extra: Partial<Omit<PriorityClass, 'metadata'>> = {}) {
  const pc: PriorityClass = { metadata: meta(name), value, globalDefault: false, ...extra };
  return pc;
}

export function tokenSecret(namespace: string, name: string, serviceAccountName: string): ServiceAccountTokenSecret {
  return { metadata: meta(name, namespace), serviceAccountName };
}

/** A rule context for a target, with an unknown provider and no policy engine unless given. */
export function ctx(target: Target = '1.25', profile: Partial<ClusterProfile> = {}): RuleContext {
  return { target, removedApis: [], profile: { provider: 'unknown', policyEngines: [], ...profile } };
}
