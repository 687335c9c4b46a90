import type { Container, PodSpec } from '../../../model/snapshot';
import { t, type Text } from '../../../model/text';
import type { SpecPath } from '../subjects';
import { key, named } from '../text';
import { annotationPath, containerScPath, podScPath } from './paths';

export const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
export const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/** A seccomp profile as the field expresses it. */
export interface SeccompProfile {
  type: string;
  localhostProfile?: string;
}

/** The profile in effect at one level, where it was read, and the raw value. */
export interface SeccompSetting extends SeccompProfile {
  source: 'field' | 'annotation';
  path: Text;
  raw: string;
}

/**
 * The field equivalent of an alpha annotation value, as the API server translates it when a pod is created
 * (runtime/default and docker/default → RuntimeDefault, unconfined → Unconfined, localhost/<p> → Localhost).
 */
export function seccompFromAnnotation(value: string): SeccompProfile | undefined {
  if (value === 'runtime/default' || value === 'docker/default') return { type: 'RuntimeDefault' };
  if (value === 'unconfined') return { type: 'Unconfined' };
  if (value.startsWith('localhost/')) return { type: 'Localhost', localhostProfile: value.slice('localhost/'.length) };
  return undefined;
}

/** True for the profiles the baseline and restricted levels accept. */
export function isAllowedSeccomp(type: string): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

function fromField(type: string | undefined, profile: string | undefined, path: Text): SeccompSetting | undefined {
  if (type === undefined) return undefined;
  return { type, ...(profile === undefined ? {} : { localhostProfile: profile }), source: 'field', path, raw: type };
}

function fromAnnotation(annotations: Record<string, string>, name: string, keyText: Text, specPath: SpecPath) {
  const raw = annotations[name];
  const profile = raw === undefined ? undefined : seccompFromAnnotation(raw);
  if (raw === undefined || !profile) return undefined;
  return { ...profile, source: 'annotation' as const, path: annotationPath(specPath, keyText), raw };
}

/**
 * The pod-level profile new pods get: the field, or else the pod annotation, which the API server still copies into
 * the field when a pod is created (until 1.27), before Pod Security admission looks at it.
 */
export function podSeccomp(spec: PodSpec, annotations: Record<string, string>, specPath: SpecPath) {
  const sc = spec.securityContext;
  return (
    fromField(sc.seccompProfileType, sc.seccompLocalhostProfile, podScPath(specPath, 'seccompProfile.type')) ??
    fromAnnotation(annotations, SECCOMP_POD_ANNOTATION, [key(SECCOMP_POD_ANNOTATION)], specPath)
  );
}

/** The container-level profile: the field, or else the container annotation (copied the same way). */
export function containerSeccomp(c: Container, annotations: Record<string, string>, specPath: SpecPath) {
  const sc = c.securityContext;
  return (
    fromField(sc.seccompProfileType, sc.seccompLocalhostProfile, containerScPath(specPath, c, 'seccompProfile.type')) ??
    fromAnnotation(
      annotations,
      SECCOMP_CONTAINER_ANNOTATION_PREFIX + c.name,
      t`${SECCOMP_CONTAINER_ANNOTATION_PREFIX}${named(c.name)}`,
      specPath,
    )
  );
}
