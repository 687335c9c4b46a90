import { OBJECT_RESOURCE_KEYS, RESOURCES, type ResourceKey } from '../../model/resources';
import { minorOf, type Target } from '../../model/releases';

/** True when the scan's target release is at least the given one ('1.25' >= '1.24'). */
export function targetAtLeast(target: Target, release: Target): boolean {
  return minorOf(target) >= minorOf(release);
}

/** The resources behind `podSubjects`: pods and every controller the resource table projects as a workload. */
export const POD_SUBJECT_NEEDS: readonly ResourceKey[] = [
  'pods',
  ...OBJECT_RESOURCE_KEYS.filter((k) => RESOURCES[k].projection === 'workload'),
];
