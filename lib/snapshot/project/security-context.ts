import type { SecurityContext } from '../../model/snapshot';
import type { FieldReads } from './field-reads';
import { bool, num, nums, put, rec, recs, strs, text } from './read';
import type { Raw } from './read';

/** What projectSecurityContext reads of a container's securityContext. */
export const SECURITY_CONTEXT_READS: FieldReads = {
  capabilities: { add: true, drop: true },
  privileged: true,
  allowPrivilegeEscalation: true,
  runAsNonRoot: true,
  runAsUser: true,
  runAsGroup: true,
  readOnlyRootFilesystem: true,
  procMount: true,
  seccompProfile: { type: true, localhostProfile: true },
  seLinuxOptions: { type: true, user: true, role: true },
  appArmorProfile: { type: true },
  windowsOptions: { hostProcess: true },
};

/** What it reads of a pod's: the same, and the pod-only fields. */
export const POD_SECURITY_CONTEXT_READS: FieldReads = {
  ...SECURITY_CONTEXT_READS,
  sysctls: { name: true },
  supplementalGroups: true,
  fsGroup: true,
};

/**
 * Projects a container or pod securityContext to the fields the Pod Security Standards and PSP checks read.
 * Pod-only fields (sysctls, supplementalGroups, fsGroup) are read only when `pod` is true.
 */
export function projectSecurityContext(sc: Raw | undefined, pod: boolean): SecurityContext {
  if (!sc) return {};
  const caps = rec(sc, 'capabilities');
  const seccomp = rec(sc, 'seccompProfile');
  const seLinux = rec(sc, 'seLinuxOptions');
  const appArmor = rec(sc, 'appArmorProfile');
  const windows = rec(sc, 'windowsOptions');
  const out: SecurityContext = {};
  put(out, 'privileged', bool(sc, 'privileged'));
  put(out, 'allowPrivilegeEscalation', bool(sc, 'allowPrivilegeEscalation'));
  put(out, 'runAsNonRoot', bool(sc, 'runAsNonRoot'));
  put(out, 'runAsUser', num(sc, 'runAsUser'));
  put(out, 'runAsGroup', num(sc, 'runAsGroup'));
  put(out, 'readOnlyRootFilesystem', bool(sc, 'readOnlyRootFilesystem'));
  put(out, 'procMount', text(sc, 'procMount'));
  if (caps && 'add' in caps) out.capabilitiesAdd = strs(caps, 'add');
  if (caps && 'drop' in caps) out.capabilitiesDrop = strs(caps, 'drop');
  put(out, 'seccompProfileType', text(seccomp, 'type'));
  put(out, 'seccompLocalhostProfile', text(seccomp, 'localhostProfile'));
  put(out, 'seLinuxType', text(seLinux, 'type'));
  put(out, 'seLinuxUser', text(seLinux, 'user'));
  put(out, 'seLinuxRole', text(seLinux, 'role'));
  put(out, 'appArmorProfile', text(appArmor, 'type'));
  put(out, 'windowsHostProcess', bool(windows, 'hostProcess'));
  if (!pod) return out;
  if ('sysctls' in sc) out.sysctls = recs(sc, 'sysctls').flatMap((s) => text(s, 'name') ?? []);
  if ('supplementalGroups' in sc) out.supplementalGroups = nums(sc, 'supplementalGroups');
  put(out, 'fsGroup', num(sc, 'fsGroup'));
  return out;
}
