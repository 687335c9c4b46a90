import type { PodSecurityPolicy } from '../../../model/snapshot';
import { PSP_APPARMOR_DEFAULT, PSP_SECCOMP_DEFAULT } from './psp-level';

export type PspDefaultKey =
  | 'defaultAddCapabilities'
  | 'requiredDropCapabilities'
  | 'allowPrivilegeEscalation'
  | 'runAsUser'
  | 'runAsNonRoot'
  | 'runAsGroup'
  | 'fsGroup'
  | 'supplementalGroups'
  | 'readOnlyRootFilesystem'
  | 'seLinux'
  | 'seccomp'
  | 'appArmor';

/** A value a PodSecurityPolicy writes into pods that leave the field unset. */
export interface PspDefault {
  key: PspDefaultKey;
  /** Where the PSP sets it, e.g. spec.runAsUser.ranges[0].min. */
  pspField: string;
  /** What it injects, as text (e.g. '1000', 'NET_ADMIN', 'runtime/default'). */
  value: string;
  /** The PSP setting as written, when it differs from what it injects (MustRunAsNonRoot → runAsNonRoot: true). */
  pspValue?: string;
  /** Capabilities, for the capability defaults. */
  caps?: string[];
  /** True when losing it can break the workload (identity, groups, capabilities, SELinux labels), not only harden it. */
  functional: boolean;
}

const firstMin = (s: { rule: string; ranges: { min: number }[] } | undefined) =>
  s?.rule === 'MustRunAs' ? s.ranges[0]?.min : undefined;

/** Every default the PSP injects into pods (what its mutating half does), in a fixed order. */
export function pspDefaults(psp: PodSecurityPolicy): PspDefault[] {
  const out: PspDefault[] = [];
  const push = (d: PspDefault) => out.push(d);
  if (psp.defaultAddCapabilities.length > 0) {
    const caps = [...psp.defaultAddCapabilities].sort();
    push({
      key: 'defaultAddCapabilities',
      pspField: 'spec.defaultAddCapabilities',
      value: caps.join(', '),
      caps,
      functional: true,
    });
  }
  if (psp.requiredDropCapabilities.length > 0) {
    const caps = [...psp.requiredDropCapabilities].sort();
    push({
      key: 'requiredDropCapabilities',
      pspField: 'spec.requiredDropCapabilities',
      value: caps.join(', '),
      caps,
      functional: false,
    });
  }
  // An explicit default wins; otherwise allowPrivilegeEscalation: false doubles as a default of false.
  const ape = psp.defaultAllowPrivilegeEscalation ?? (psp.allowPrivilegeEscalation === false ? false : undefined);
  if (ape === false) {
    const field =
      psp.defaultAllowPrivilegeEscalation === false
        ? 'spec.defaultAllowPrivilegeEscalation'
        : 'spec.allowPrivilegeEscalation';
    push({ key: 'allowPrivilegeEscalation', pspField: field, value: 'false', functional: false });
  }
  const uid = firstMin(psp.runAsUser);
  if (uid !== undefined)
    push({ key: 'runAsUser', pspField: 'spec.runAsUser.ranges[0].min', value: String(uid), functional: true });
  if (psp.runAsUser.rule === 'MustRunAsNonRoot') {
    push({
      key: 'runAsNonRoot',
      pspField: 'spec.runAsUser.rule',
      value: 'true',
      pspValue: 'MustRunAsNonRoot',
      functional: false,
    });
  }
  const gid = firstMin(psp.runAsGroup);
  if (gid !== undefined)
    push({ key: 'runAsGroup', pspField: 'spec.runAsGroup.ranges[0].min', value: String(gid), functional: true });
  const fsGroup = firstMin(psp.fsGroup);
  if (fsGroup !== undefined)
    push({ key: 'fsGroup', pspField: 'spec.fsGroup.ranges[0].min', value: String(fsGroup), functional: true });
  const sup = firstMin(psp.supplementalGroups);
  if (sup !== undefined) {
    push({
      key: 'supplementalGroups',
      pspField: 'spec.supplementalGroups.ranges[0].min',
      value: String(sup),
      functional: true,
    });
  }
  if (psp.readOnlyRootFilesystem) {
    push({ key: 'readOnlyRootFilesystem', pspField: 'spec.readOnlyRootFilesystem', value: 'true', functional: false });
  }
  if (psp.seLinuxRule === 'MustRunAs') {
    push({
      key: 'seLinux',
      pspField: 'spec.seLinux.rule',
      value: 'the seLinuxOptions it defines',
      pspValue: 'MustRunAs',
      functional: true,
    });
  }
  const seccomp = psp.metadata.annotations[PSP_SECCOMP_DEFAULT];
  if (seccomp)
    push({
      key: 'seccomp',
      pspField: `metadata.annotations[${PSP_SECCOMP_DEFAULT}]`,
      value: seccomp,
      functional: false,
    });
  const apparmor = psp.metadata.annotations[PSP_APPARMOR_DEFAULT];
  // The runtime applies its default AppArmor profile to containers without one, so runtime/default changes nothing.
  if (apparmor && apparmor !== 'runtime/default') {
    push({
      key: 'appArmor',
      pspField: `metadata.annotations[${PSP_APPARMOR_DEFAULT}]`,
      value: apparmor,
      functional: false,
    });
  }
  return out;
}
