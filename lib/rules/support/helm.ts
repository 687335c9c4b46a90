import type { ObjectMeta } from '../../model/snapshot';
import type { HelmReleaseRef } from '../../model/finding';

/**
 * The Helm release that manages an object, from the annotations Helm 3 writes (meta.helm.sh/release-name and
 * release-namespace), falling back to the common instance label when the object is labelled as Helm-managed.
 */
export function helmReleaseOf(meta: ObjectMeta): HelmReleaseRef | undefined {
  const name = meta.annotations['meta.helm.sh/release-name'];
  if (name) {
    return { name, namespace: meta.annotations['meta.helm.sh/release-namespace'] ?? meta.namespace ?? '' };
  }
  const managedBy = meta.labels['app.kubernetes.io/managed-by'];
  const instance = meta.labels['app.kubernetes.io/instance'];
  if (managedBy?.toLowerCase() === 'helm' && instance) return { name: instance, namespace: meta.namespace ?? '' };
  return undefined;
}
