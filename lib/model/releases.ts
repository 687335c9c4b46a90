/** The Kubernetes releases the catalog covers, oldest first. */
export const RELEASES = ['1.24', '1.25'] as const;
export type Release = (typeof RELEASES)[number];

/** The releases a scan can target: every release the catalog covers. */
export const TARGETS = RELEASES;
export type Target = Release;

/** The newest release the catalog covers: the default target. */
export const LATEST_RELEASE: Release = '1.25';

/** The versions an upgrade path can start or end at: the release before the catalog's first, then each release. */
export const PATH_VERSIONS = ['1.23', ...RELEASES] as const;
export type PathVersion = (typeof PATH_VERSIONS)[number];

/** Releases whose API removals the catalog tracks: the covered ones plus the look-ahead. */
export const API_RELEASES = [...RELEASES, '1.26', '1.27'] as const;
export type ApiRelease = (typeof API_RELEASES)[number];

/** True for a release the catalog covers. */
export function isRelease(value: string): value is Release {
  return (RELEASES as readonly string[]).includes(value);
}

/** The minor number of a release such as '1.25' or 'v1.25.3'; NaN when there is none. */
export function minorOf(release: string): number {
  const m = /^v?\d+\.(\d+)/.exec(release.trim());
  return m ? Number(m[1]) : Number.NaN;
}
