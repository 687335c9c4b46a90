import { compareChanges } from './query';
import { LATEST_RELEASE, minorOf, PATH_VERSIONS, RELEASES, type PathVersion, type Release } from '../model/releases';
import { type Change } from './schema';

/** The catalog releases crossed when upgrading from one minor to another (from excluded, to included). */
export function releasesBetween(from: string, to: string): Release[] {
  return RELEASES.filter((r) => minorOf(r) > minorOf(from) && minorOf(r) <= minorOf(to));
}

export interface UpgradePath {
  from: string;
  to: string;
  releases: Release[];
  changes: Change[];
}

/** The union of changes between two versions, breaking first. */
export function upgradePath(changes: readonly Change[], from: string, to: string): UpgradePath {
  const releases = releasesBetween(from, to);
  return {
    from,
    to,
    releases,
    changes: changes.filter((c) => releases.includes(c.release)).sort(compareChanges),
  };
}

/** Reads a from/to pair from a query, defaulting to 1.23 → 1.25. */
export function parsePath(input: { from?: string | string[]; to?: string | string[] }): {
  from: PathVersion;
  to: PathVersion;
} {
  const pick = (v: string | string[] | undefined, fallback: PathVersion): PathVersion => {
    const s = Array.isArray(v) ? v[0] : v;
    return PATH_VERSIONS.find((p) => p === s) ?? fallback;
  };
  return { from: pick(input.from, PATH_VERSIONS[0]), to: pick(input.to, LATEST_RELEASE) };
}
