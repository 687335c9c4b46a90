import type { PodSpec } from '../../../model/snapshot';
import type { SpecPath } from '../subjects';
import { baselineViolations } from './baseline';
import { restrictedViolations } from './restricted';
import type { PssResult } from './types';

/**
 * Evaluates a pod spec against the Pod Security Standards as of policy version v1.25, the way the PodSecurity
 * admission plugin does for a pod created from it. Alpha seccomp annotations count as their field equivalent because
 * the API server copies them into the fields before admission. Not modelled: the Windows exemptions of v1.25
 * (spec.os is not in the snapshot) and exemptions configured in the admission configuration.
 */
export function evaluatePodSecurity(
  spec: PodSpec,
  podAnnotations: Record<string, string>,
  specPath: SpecPath = 'spec',
): PssResult {
  const baseline = baselineViolations(spec, podAnnotations, specPath);
  const restricted = restrictedViolations(spec, podAnnotations, specPath);
  const level = baseline.length > 0 ? 'privileged' : restricted.length > 0 ? 'baseline' : 'restricted';
  return { level, violations: [...baseline, ...restricted] };
}
