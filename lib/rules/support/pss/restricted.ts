import type { Container, PodSpec } from '../../../model/snapshot';
import { BASELINE_CAPABILITIES } from './baseline';
import { containerScPath, podScPath } from './paths';
import { containerSeccomp, podSeccomp } from './seccomp';
import { t, type Text } from '../../../model/text';
import type { SpecPath } from '../subjects';
import { key, named } from '../text';
import type { PssViolation } from './types';

/** Inline volume types the restricted level allows (policy v1.25). hostPath is a baseline control. */
export const RESTRICTED_VOLUMES: ReadonlySet<string> = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

const v = (control: string, path: Text, detail: string): PssViolation => ({
  level: 'restricted',
  control,
  path,
  detail,
});

function volumes(spec: PodSpec, specPath: SpecPath): PssViolation[] {
  return spec.volumes.flatMap((vol) => {
    const s = vol.source;
    if (s.type === 'hostPath' || RESTRICTED_VOLUMES.has(s.type)) return [];
    const field = s.type === 'inTree' ? s.plugin : s.type === 'other' ? s.field : s.type;
    return [
      v(
        'restrictedVolumes',
        t`${specPath}.volumes[${named(vol.name)}].${key(field)}`,
        `${field} volume is not allowed`,
      ),
    ];
  });
}

function runAsNonRoot(spec: PodSpec, specPath: SpecPath): PssViolation[] {
  const out: PssViolation[] = [];
  const pod = spec.securityContext.runAsNonRoot;
  if (pod === false) out.push(v('runAsNonRoot', podScPath(specPath, 'runAsNonRoot'), 'runAsNonRoot is false'));
  for (const c of spec.containers) {
    const own = c.securityContext.runAsNonRoot;
    if (own === false) {
      out.push(v('runAsNonRoot', containerScPath(specPath, c, 'runAsNonRoot'), 'runAsNonRoot is false'));
    } else if (own === undefined && pod !== true) {
      const detail = 'runAsNonRoot is not true (set it on the pod or on the container)';
      out.push(v('runAsNonRoot', containerScPath(specPath, c, 'runAsNonRoot'), detail));
    }
  }
  return out;
}

function seccomp(spec: PodSpec, annotations: Record<string, string>, specPath: SpecPath): PssViolation[] {
  // An explicit profile other than RuntimeDefault/Localhost is a baseline violation; restricted also needs one set.
  if (podSeccomp(spec, annotations, specPath)) return [];
  return spec.containers
    .filter((c) => !containerSeccomp(c, annotations, specPath))
    .map((c) =>
      v(
        'seccompProfile_restricted',
        containerScPath(specPath, c, 'seccompProfile.type'),
        'no seccomp profile (set RuntimeDefault or Localhost on the pod or the container)',
      ),
    );
}

function containerLevel(c: Container, specPath: SpecPath): PssViolation[] {
  const out: PssViolation[] = [];
  const sc = c.securityContext;
  const path = (field: string) => containerScPath(specPath, c, field);
  if (sc.allowPrivilegeEscalation !== false) {
    const value = sc.allowPrivilegeEscalation === undefined ? 'unset' : 'true';
    out.push(v('allowPrivilegeEscalation', path('allowPrivilegeEscalation'), `allowPrivilegeEscalation is ${value}`));
  }
  if (sc.runAsUser === 0) out.push(v('runAsUser', path('runAsUser'), 'runs as user 0 (root)'));
  if (!(sc.capabilitiesDrop ?? []).includes('ALL')) {
    out.push(v('capabilities_restricted', path('capabilities.drop'), 'does not drop ALL capabilities'));
  }
  // Adds outside the baseline set are already baseline violations; restricted only allows NET_BIND_SERVICE.
  const adds = (sc.capabilitiesAdd ?? []).filter((cap) => cap !== 'NET_BIND_SERVICE' && BASELINE_CAPABILITIES.has(cap));
  if (adds.length > 0) out.push(v('capabilities_restricted', path('capabilities.add'), `adds ${adds.join(', ')}`));
  return out;
}

/** Every control the restricted level adds on top of baseline (policy v1.25) that the spec fails. */
export function restrictedViolations(spec: PodSpec, annotations: Record<string, string>, specPath: SpecPath) {
  const out = [...volumes(spec, specPath), ...runAsNonRoot(spec, specPath)];
  if (spec.securityContext.runAsUser === 0) {
    out.push(v('runAsUser', podScPath(specPath, 'runAsUser'), 'runs as user 0 (root)'));
  }
  out.push(...seccomp(spec, annotations, specPath));
  out.push(...spec.containers.flatMap((c) => containerLevel(c, specPath)));
  return out;
}
