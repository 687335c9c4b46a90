import type { ResourceKey } from '../../model/resources';
import type { Target } from '../../model/releases';

/** True when the scan's target release is at least the given one ('1.25' >= '1.24'). */
export function targetAtLeast(target: Target, release: Target): boolean {
  return Number(target.split('.')[1]) >= Number(release.split('.')[1]);
}

/** The resources behind `podSubjects`: every controller kind with a pod template, and pods. */
export const POD_SUBJECT_NEEDS: readonly ResourceKey[] = [
  'pods',
  'deployments',
  'statefulsets',
  'daemonsets',
  'replicasets',
  'replicationcontrollers',
  'jobs',
  'cronjobs',
];

/** Joins names for a message: 'a', 'a and b', 'a, b and 3 more'. */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
