import type { Container, PodSpec } from '../../../model/snapshot';
import { t, type Text } from '../../../model/text';
import type { SpecPath } from '../subjects';
import { named, setting } from '../text';
import { annotationPath, containerScPath, podScPath } from './paths';
import type { PspDefault } from './psp-defaults';
import { containerSeccomp, podSeccomp, seccompFromAnnotation, SECCOMP_POD_ANNOTATION } from './seccomp';

const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** A place in a pod template the PSP default used to fill, and how to set it there explicitly. */
export interface PspGap {
  path: Text;
  /** The container concerned; absent for pod-level fields. */
  container?: string;
  fix: Text;
}

function containerGap(
  d: PspDefault,
  c: Container,
  spec: PodSpec,
  annotations: Record<string, string>,
  specPath: SpecPath,
): PspGap[] {
  const sc = c.securityContext;
  const pod = spec.securityContext;
  const at = (field: string, fix: (path: Text) => Text): PspGap[] => {
    const path = containerScPath(specPath, c, field);
    return [{ path, container: c.name, fix: fix(path) }];
  };
  const set = (field: string, value: string) => at(field, (p) => t`set ${p}: ${setting(value)}`);
  switch (d.key) {
    case 'defaultAddCapabilities': {
      const have = [...(sc.capabilitiesAdd ?? []), ...(sc.capabilitiesDrop ?? [])];
      const missing = (d.caps ?? []).filter((cap) => !have.includes(cap));
      return missing.length > 0 ? at('capabilities.add', (p) => t`add ${setting(missing.join(', '))} to ${p}`) : [];
    }
    case 'requiredDropCapabilities': {
      const drop = sc.capabilitiesDrop ?? [];
      const missing = drop.includes('ALL') ? [] : (d.caps ?? []).filter((cap) => !drop.includes(cap));
      return missing.length > 0 ? at('capabilities.drop', (p) => t`add ${setting(missing.join(', '))} to ${p}`) : [];
    }
    case 'allowPrivilegeEscalation':
      return sc.allowPrivilegeEscalation === undefined ? set('allowPrivilegeEscalation', 'false') : [];
    case 'runAsUser':
      return sc.runAsUser === undefined && pod.runAsUser === undefined ? set('runAsUser', d.value) : [];
    case 'runAsNonRoot': {
      const unset = [sc.runAsNonRoot, pod.runAsNonRoot, sc.runAsUser, pod.runAsUser].every((x) => x === undefined);
      return unset ? set('runAsNonRoot', 'true') : [];
    }
    case 'runAsGroup':
      return sc.runAsGroup === undefined && pod.runAsGroup === undefined ? set('runAsGroup', d.value) : [];
    case 'readOnlyRootFilesystem':
      return sc.readOnlyRootFilesystem === undefined ? set('readOnlyRootFilesystem', 'true') : [];
    case 'appArmor': {
      if (annotations[APPARMOR_PREFIX + c.name] !== undefined || sc.appArmorProfile !== undefined) return [];
      const annotation = t`${APPARMOR_PREFIX}${named(c.name)}`;
      const path = annotationPath(specPath, annotation);
      return [{ path, container: c.name, fix: t`add the pod template annotation ${annotation}: ${setting(d.value)}` }];
    }
    default:
      return [];
  }
}

function podGap(d: PspDefault, spec: PodSpec, annotations: Record<string, string>, specPath: SpecPath): PspGap[] {
  const sc = spec.securityContext;
  const set = (field: string, value: string) => {
    const path = podScPath(specPath, field);
    return [{ path, fix: t`set ${path}: ${setting(value)}` }];
  };
  switch (d.key) {
    case 'fsGroup':
      return sc.fsGroup === undefined ? set('fsGroup', d.value) : [];
    case 'supplementalGroups':
      return (sc.supplementalGroups ?? []).length === 0 ? set('supplementalGroups', `[${d.value}]`) : [];
    case 'seLinux': {
      const own = (s: { seLinuxType?: string; seLinuxUser?: string; seLinuxRole?: string }) =>
        s.seLinuxType !== undefined || s.seLinuxUser !== undefined || s.seLinuxRole !== undefined;
      if (own(sc) || spec.containers.every((c) => own(c.securityContext))) return [];
      return set('seLinuxOptions', 'the options the PSP set (see the running pods)');
    }
    case 'seccomp': {
      if (podSeccomp(spec, annotations, specPath)) return [];
      if (spec.containers.every((c) => containerSeccomp(c, annotations, specPath))) return [];
      const type = seccompFromAnnotation(d.value);
      const value =
        type?.type === 'Localhost'
          ? `Localhost (localhostProfile: ${type.localhostProfile ?? ''})`
          : (type?.type ?? d.value);
      return set('seccompProfile.type', value);
    }
    default:
      return [];
  }
}

/** Where a pod template leaves unset a field the PSP default filled in: after the PSP is gone it stays unset. */
export function templateGaps(
  d: PspDefault,
  spec: PodSpec,
  annotations: Record<string, string>,
  specPath: SpecPath,
): PspGap[] {
  const containers = spec.containers.filter((c) => c.role !== 'ephemeral');
  return [
    ...podGap(d, spec, annotations, specPath),
    ...containers.flatMap((c) => containerGap(d, c, spec, annotations, specPath)),
  ];
}

/** True when a running pod carries the value the PSP injects at the gap: proof the default was applied. */
export function podShows(d: PspDefault, gap: PspGap, spec: PodSpec, annotations: Record<string, string>): boolean {
  const sc = spec.securityContext;
  const c = spec.containers.find((x) => x.name === gap.container)?.securityContext;
  const n = Number(d.value);
  switch (d.key) {
    case 'defaultAddCapabilities':
      return (d.caps ?? []).some((cap) => c?.capabilitiesAdd?.includes(cap));
    case 'requiredDropCapabilities':
      return (d.caps ?? []).some((cap) => c?.capabilitiesDrop?.includes(cap));
    case 'allowPrivilegeEscalation':
      return c?.allowPrivilegeEscalation === false;
    case 'runAsUser':
      return (c?.runAsUser ?? sc.runAsUser) === n;
    case 'runAsNonRoot':
      return (c?.runAsNonRoot ?? sc.runAsNonRoot) === true;
    case 'runAsGroup':
      return (c?.runAsGroup ?? sc.runAsGroup) === n;
    case 'fsGroup':
      return sc.fsGroup === n;
    case 'supplementalGroups':
      return sc.supplementalGroups?.includes(n) ?? false;
    case 'readOnlyRootFilesystem':
      return c?.readOnlyRootFilesystem === true;
    case 'seLinux':
      return [sc.seLinuxType, sc.seLinuxUser, sc.seLinuxRole].some((x) => x !== undefined);
    case 'seccomp':
      return annotations[SECCOMP_POD_ANNOTATION] === d.value || sc.seccompProfileType !== undefined;
    case 'appArmor':
      return gap.container !== undefined && annotations[APPARMOR_PREFIX + gap.container] === d.value;
  }
}
