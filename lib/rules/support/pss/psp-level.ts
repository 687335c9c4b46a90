import type { PodSecurityPolicy } from '../../../model/snapshot';
import { BASELINE_CAPABILITIES } from './baseline';
import { RESTRICTED_VOLUMES } from './restricted';
import type { PssLevel } from './types';

export const PSP_SECCOMP_DEFAULT = 'seccomp.security.alpha.kubernetes.io/defaultProfileName';
export const PSP_SECCOMP_ALLOWED = 'seccomp.security.alpha.kubernetes.io/allowedProfileNames';
export const PSP_APPARMOR_DEFAULT = 'apparmor.security.beta.kubernetes.io/defaultProfileName';
export const PSP_APPARMOR_ALLOWED = 'apparmor.security.beta.kubernetes.io/allowedProfileNames';

/** One PSP setting that keeps it from matching a stricter Pod Security Standards level. */
export interface PspLevelReason {
  /** The level this setting fails. */
  fails: 'baseline' | 'restricted';
  field: string;
  detail: string;
}

/** The Pod Security Standards level a PSP matches, why not stricter, and what the mapping cannot judge. */
export interface PspLevel {
  level: PssLevel;
  reasons: PspLevelReason[];
  /** Settings the mapping treats as advice only, because counting them would make nearly every PSP "privileged". */
  caveats: string[];
}

const goodProfile = (p: string) => p === 'runtime/default' || p === 'docker/default' || p.startsWith('localhost/');
const splitList = (v: string | undefined) => (v === undefined ? undefined : v.split(',').map((s) => s.trim()));

function baselineReasons(psp: PodSecurityPolicy): PspLevelReason[] {
  const r: PspLevelReason[] = [];
  const add = (field: string, detail: string) => r.push({ fails: 'baseline', field, detail });
  if (psp.privileged) add('spec.privileged', 'allows privileged containers');
  for (const ns of ['hostNetwork', 'hostPID', 'hostIPC'] as const) if (psp[ns]) add(`spec.${ns}`, `allows ${ns}`);
  const caps = [...psp.allowedCapabilities, ...psp.defaultAddCapabilities].filter((c) => !BASELINE_CAPABILITIES.has(c));
  if (caps.length > 0) add('spec.allowedCapabilities', `allows adding ${[...new Set(caps)].join(', ')}`);
  const hostVolumes = psp.volumes.filter((v) => v === 'hostPath' || v === '*');
  if (hostVolumes.length > 0) add('spec.volumes', `allows ${hostVolumes.join(', ')} volumes`);
  if (psp.allowedProcMountTypes.some((t) => t !== 'Default'))
    add('spec.allowedProcMountTypes', 'allows Unmasked /proc');
  const seccomp = splitList(psp.metadata.annotations[PSP_SECCOMP_ALLOWED]);
  if (seccomp?.some((p) => p !== '' && !goodProfile(p))) {
    add(`metadata.annotations[${PSP_SECCOMP_ALLOWED}]`, `allows seccomp profiles ${seccomp.join(',')}`);
  }
  return r;
}

function restrictedReasons(psp: PodSecurityPolicy): PspLevelReason[] {
  const r: PspLevelReason[] = [];
  const add = (field: string, detail: string) => r.push({ fails: 'restricted', field, detail });
  const wide = psp.volumes.filter((v) => v !== 'hostPath' && v !== '*' && !RESTRICTED_VOLUMES.has(v));
  if (wide.length > 0) add('spec.volumes', `allows ${wide.join(', ')} volumes`);
  if (psp.allowPrivilegeEscalation !== false) add('spec.allowPrivilegeEscalation', 'allows privilege escalation');
  if (psp.runAsUser.rule !== 'MustRunAsNonRoot') {
    add('spec.runAsUser.rule', `is ${psp.runAsUser.rule}, not MustRunAsNonRoot`);
  }
  if (!psp.requiredDropCapabilities.includes('ALL')) add('spec.requiredDropCapabilities', 'does not drop ALL');
  const caps = psp.allowedCapabilities.filter((c) => c !== 'NET_BIND_SERVICE' && BASELINE_CAPABILITIES.has(c));
  if (caps.length > 0) add('spec.allowedCapabilities', `allows adding ${caps.join(', ')}`);
  const annotations = psp.metadata.annotations;
  const allowed = splitList(annotations[PSP_SECCOMP_ALLOWED]);
  const def = annotations[PSP_SECCOMP_DEFAULT];
  const everyPodGetsProfile = (def !== undefined && goodProfile(def)) || (allowed?.every(goodProfile) ?? false);
  if (!everyPodGetsProfile) {
    add(
      `metadata.annotations[${PSP_SECCOMP_DEFAULT}]`,
      'does not give every pod a RuntimeDefault or Localhost seccomp profile',
    );
  }
  return r;
}

/**
 * Maps a PodSecurityPolicy to the Pod Security Standards level it corresponds to, following the upstream
 * "Mapping PodSecurityPolicies to Pod Security Standards" table. SELinux RunAsAny and an unrestricted AppArmor list are
 * reported as caveats rather than counted, as almost every real PSP has them while few pods use them.
 */
export function pspLevel(psp: PodSecurityPolicy): PspLevel {
  const reasons = [...baselineReasons(psp), ...restrictedReasons(psp)];
  const level = reasons.some((x) => x.fails === 'baseline')
    ? 'privileged'
    : reasons.length > 0
      ? 'baseline'
      : 'restricted';
  const caveats: string[] = [];
  if (psp.seLinuxRule !== 'MustRunAs') {
    caveats.push(`seLinux rule ${psp.seLinuxRule} lets pods pick any SELinux user, role or type; baseline does not`);
  }
  const apparmor = splitList(psp.metadata.annotations[PSP_APPARMOR_ALLOWED]);
  if (apparmor === undefined || apparmor.some((p) => p !== '' && !goodProfile(p))) {
    caveats.push(
      'no AppArmor allow-list, so pods may run unconfined; baseline allows only runtime/default or localhost/*',
    );
  }
  return { level, reasons, caveats };
}
