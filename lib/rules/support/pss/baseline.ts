import type { Container, PodSpec } from '../../../model/snapshot';
import { annotationPath, containerList, containerScPath, podScPath } from './paths';
import { containerSeccomp, isAllowedSeccomp, podSeccomp } from './seccomp';
import { t, type Text } from '../../../model/text';
import type { SpecPath } from '../subjects';
import { named } from '../text';
import type { PssViolation } from './types';

/** Capabilities a baseline container may add: the container runtimes' default set (PSS v1.25). */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** The "safe" sysctls of policy version v1.25 (later versions allow more). */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
]);

const SELINUX_TYPES = new Set(['container_t', 'container_init_t', 'container_kvm_t']);
const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** AppArmor values baseline accepts, in annotation form or field form. */
function allowedAppArmor(value: string): boolean {
  return (
    value === '' ||
    value === 'runtime/default' ||
    value.startsWith('localhost/') ||
    value === 'RuntimeDefault' ||
    value === 'Localhost'
  );
}

const v = (control: string, path: Text, detail: string): PssViolation => ({
  level: 'baseline',
  control,
  path,
  detail,
});

function podLevel(spec: PodSpec, annotations: Record<string, string>, specPath: SpecPath): PssViolation[] {
  const out: PssViolation[] = [];
  const sc = spec.securityContext;
  if (sc.windowsHostProcess === true) {
    out.push(v('windowsHostProcess', podScPath(specPath, 'windowsOptions.hostProcess'), 'Windows HostProcess pod'));
  }
  for (const ns of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
    if (spec[ns]) out.push(v('hostNamespaces', t`${specPath}.${ns}`, `shares the node's namespace (${ns}: true)`));
  }
  for (const vol of spec.volumes) {
    if (vol.source.type === 'hostPath') {
      const detail = `hostPath volume of ${vol.source.path}`;
      out.push(v('hostPathVolumes', t`${specPath}.volumes[${named(vol.name)}].hostPath`, detail));
    }
  }
  for (const [name, value] of Object.entries(annotations).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (name.startsWith(APPARMOR_ANNOTATION_PREFIX) && !allowedAppArmor(value)) {
      const annotation = t`${APPARMOR_ANNOTATION_PREFIX}${named(name.slice(APPARMOR_ANNOTATION_PREFIX.length))}`;
      out.push(v('appArmorProfile', annotationPath(specPath, annotation), `AppArmor profile "${value}"`));
    }
  }
  if (sc.appArmorProfile !== undefined && !allowedAppArmor(sc.appArmorProfile)) {
    out.push(v('appArmorProfile', podScPath(specPath, 'appArmorProfile'), `AppArmor profile "${sc.appArmorProfile}"`));
  }
  out.push(...seLinux(sc, (f) => podScPath(specPath, f)));
  const seccomp = podSeccomp(spec, annotations, specPath);
  if (seccomp && !isAllowedSeccomp(seccomp.type)) {
    out.push(v('seccompProfile_baseline', seccomp.path, `seccomp profile ${seccomp.type} ("${seccomp.raw}")`));
  }
  for (const name of sc.sysctls ?? []) {
    if (!SAFE_SYSCTLS.has(name)) {
      out.push(v('sysctls', podScPath(specPath, `sysctls[${name}]`), `unsafe sysctl ${name}`));
    }
  }
  return out;
}

function seLinux(sc: PodSpec['securityContext'], path: (field: string) => Text): PssViolation[] {
  const out: PssViolation[] = [];
  if (sc.seLinuxType && !SELINUX_TYPES.has(sc.seLinuxType)) {
    out.push(v('seLinuxOptions', path('seLinuxOptions.type'), `SELinux type ${sc.seLinuxType}`));
  }
  if (sc.seLinuxUser) out.push(v('seLinuxOptions', path('seLinuxOptions.user'), `SELinux user ${sc.seLinuxUser}`));
  if (sc.seLinuxRole) out.push(v('seLinuxOptions', path('seLinuxOptions.role'), `SELinux role ${sc.seLinuxRole}`));
  return out;
}

function containerLevel(c: Container, annotations: Record<string, string>, specPath: SpecPath): PssViolation[] {
  const out: PssViolation[] = [];
  const sc = c.securityContext;
  const path = (field: string) => containerScPath(specPath, c, field);
  if (sc.windowsHostProcess === true)
    out.push(v('windowsHostProcess', path('windowsOptions.hostProcess'), 'HostProcess'));
  if (sc.privileged === true) out.push(v('privileged', path('privileged'), 'privileged container'));
  const extra = (sc.capabilitiesAdd ?? []).filter((cap) => !BASELINE_CAPABILITIES.has(cap));
  if (extra.length > 0) out.push(v('capabilities_baseline', path('capabilities.add'), `adds ${extra.join(', ')}`));
  const ports = c.hostPorts.filter((p) => p !== 0);
  if (ports.length > 0) {
    const where = t`${specPath}.${containerList(c)}[${named(c.name)}].ports[*].hostPort`;
    out.push(v('hostPorts', where, `host ports ${ports.join(', ')}`));
  }
  if (sc.appArmorProfile !== undefined && !allowedAppArmor(sc.appArmorProfile)) {
    out.push(v('appArmorProfile', path('appArmorProfile'), `AppArmor profile "${sc.appArmorProfile}"`));
  }
  out.push(...seLinux(sc, path));
  if (sc.procMount !== undefined && sc.procMount !== 'Default') {
    out.push(v('procMount', path('procMount'), `procMount ${sc.procMount}`));
  }
  const seccomp = containerSeccomp(c, annotations, specPath);
  if (seccomp && !isAllowedSeccomp(seccomp.type)) {
    out.push(v('seccompProfile_baseline', seccomp.path, `seccomp profile ${seccomp.type} ("${seccomp.raw}")`));
  }
  return out;
}

/** Every baseline control of the Pod Security Standards (policy v1.25) the spec fails. */
export function baselineViolations(spec: PodSpec, annotations: Record<string, string>, specPath: SpecPath) {
  return [
    ...podLevel(spec, annotations, specPath),
    ...spec.containers.flatMap((c) => containerLevel(c, annotations, specPath)),
  ];
}
