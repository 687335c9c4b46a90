import type { Target } from '../types';

/** The minor number of a release such as '1.25' or 'v1.25.3'; NaN when there is none. */
export function minorOf(release: string): number {
  const m = /^v?\d+\.(\d+)/.exec(release.trim());
  return m ? Number(m[1]) : Number.NaN;
}

/** The minor number of the scan's target release. */
export function targetMinor(target: Target): number {
  return minorOf(target);
}
