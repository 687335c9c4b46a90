import type { Container } from '../../../model/snapshot';
import { t, type Text } from '../../../model/text';
import type { SpecPath } from '../subjects';
import { containerList, key, named } from '../text';

export { containerList };

/** e.g. spec.template.spec.containers[app].securityContext.privileged */
export function containerScPath(specPath: SpecPath, c: Container, field: string): Text {
  return t`${specPath}.${containerList(c)}[${named(c.name)}].securityContext.${key(field)}`;
}

/** e.g. spec.template.spec.securityContext.runAsUser */
export function podScPath(specPath: SpecPath, field: string): Text {
  return t`${specPath}.securityContext.${key(field)}`;
}

/** The metadata beside a spec: 'spec' → 'metadata', 'spec.template.spec' → 'spec.template.metadata'. */
export function metadataPath(
  specPath: SpecPath,
): 'metadata' | 'spec.template.metadata' | 'spec.jobTemplate.spec.template.metadata' {
  if (specPath === 'spec') return 'metadata';
  return specPath === 'spec.template.spec' ? 'spec.template.metadata' : 'spec.jobTemplate.spec.template.metadata';
}

/** e.g. spec.template.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod] */
export function annotationPath(specPath: SpecPath, annotation: Text): Text {
  return t`${metadataPath(specPath)}.annotations[${annotation}]`;
}
