import type { PodSpec } from '../../../model/snapshot';
import type { SpecPath } from '../subjects';
import { baselineViolations } from './baseline';
import { restrictedViolations } from './restricted';
import type { PssResult } from './types';
import { SECCOMP_CONTAINER_ANNOTATION_PREFIX, SECCOMP_POD_ANNOTATION } from './seccomp';

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

/** The annotations evaluation reads (the alpha seccomp ones), as a key. */
function seccompKey(podAnnotations: Record<string, string>): string {
  let key = '';
  for (const [name, v] of Object.entries(podAnnotations)) {
    if (name === SECCOMP_POD_ANNOTATION || name.startsWith(SECCOMP_CONTAINER_ANNOTATION_PREFIX))
      key += `${name}=${v}\n`;
  }
  return key;
}

/**
 * evaluatePodSecurity, remembered per spec object: the snapshot interns equal pod specs, so the pods of one
 * ReplicaSet share one evaluation. A cache serves one snapshot; a new one starts empty.
 */
export function podSecurityCache(): typeof evaluatePodSecurity {
  const bySpec = new WeakMap<PodSpec, Map<string, PssResult>>();
  return (spec, podAnnotations, specPath = 'spec') => {
    const key = `${specPath}\n${seccompKey(podAnnotations)}`;
    let results = bySpec.get(spec);
    if (!results) {
      results = new Map();
      bySpec.set(spec, results);
    }
    let result = results.get(key);
    if (!result) {
      result = evaluatePodSecurity(spec, podAnnotations, specPath);
      results.set(key, result);
    }
    return result;
  };
}
