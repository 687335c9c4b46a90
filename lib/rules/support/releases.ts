import { minorOf } from '../../model/releases';
import type { Target } from '../../model/releases';

/** The minor number of the scan's target release. */
export function targetMinor(target: Target): number {
  return minorOf(target);
}
