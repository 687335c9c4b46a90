import type { ObjectMeta, ObjectRef } from '../../model/snapshot';
import type { Finding } from '../../model/finding';
import { helmReleaseOf } from './helm';
import type { PodSubject } from './subjects';

/** The reference of an object from its apiVersion, kind and metadata. */
export function refOf(apiVersion: string, kind: string, meta: ObjectMeta): ObjectRef {
  return { apiVersion, kind, ...(meta.namespace === undefined ? {} : { namespace: meta.namespace }), name: meta.name };
}

/** The object, owner and Helm release part of a finding about a pod subject. */
export function subjectTarget(subject: PodSubject): Pick<Finding, 'object' | 'owner' | 'helmRelease'> {
  return {
    object: subject.ref,
    ...(subject.owner ? { owner: subject.owner } : {}),
    ...(subject.helmRelease ? { helmRelease: subject.helmRelease } : {}),
  };
}

/** The object and Helm release part of a finding about a non-pod object. */
export function objectTarget(ref: ObjectRef, meta: ObjectMeta): Pick<Finding, 'object' | 'helmRelease'> {
  const helm = helmReleaseOf(meta);
  return { object: ref, ...(helm ? { helmRelease: helm } : {}) };
}

/** Sorts findings by namespace, kind, name, then change and id, so every run gives the same order. */
export function sortFindings(findings: Finding[]): Finding[] {
  const key = (f: Finding) => [f.object.namespace ?? '', f.object.kind, f.object.name, f.changeId, f.id];
  return findings.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i += 1) {
      const x = ka[i] ?? '';
      const y = kb[i] ?? '';
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}
