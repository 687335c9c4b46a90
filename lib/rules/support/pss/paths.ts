import type { Container } from '../../../model/snapshot';

/** The pod spec list a container sits in. */
export function containerList(c: Container): string {
  return c.role === 'init' ? 'initContainers' : c.role === 'ephemeral' ? 'ephemeralContainers' : 'containers';
}

/** e.g. spec.template.spec.containers[app].securityContext.privileged */
export function containerScPath(specPath: string, c: Container, field: string): string {
  return `${specPath}.${containerList(c)}[${c.name}].securityContext.${field}`;
}

/** e.g. spec.template.spec.securityContext.runAsUser */
export function podScPath(specPath: string, field: string): string {
  return `${specPath}.securityContext.${field}`;
}

/** The metadata beside a spec: 'spec' → 'metadata', 'spec.template.spec' → 'spec.template.metadata'. */
export function metadataPath(specPath: string): string {
  return specPath.replace(/spec$/, 'metadata');
}

/** e.g. spec.template.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod] */
export function annotationPath(specPath: string, key: string): string {
  return `${metadataPath(specPath)}.annotations[${key}]`;
}
