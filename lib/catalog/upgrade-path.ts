import { compareChanges } from './query';
import { LATEST_RELEASE, minorOf, PATH_VERSIONS, RELEASES, type PathVersion, type Release } from '../model/releases';
import type { Change } from './schema';

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

/**
 * Reads a from/to pair from a query, defaulting to 1.23 → 1.25. A version this catalog does not cover is not
 * clamped silently: it is named in `problems`, so the page can say what it shows instead.
 */
export function parsePath(input: { from?: string | string[]; to?: string | string[] }): {
  from: PathVersion;
  to: PathVersion;
  problems: string[];
} {
  const problems: string[] = [];
  const pick = (name: string, v: string | string[] | undefined, fallback: PathVersion): PathVersion => {
    const s = Array.isArray(v) ? v[0] : v;
    if (s === undefined || s === '') return fallback;
    const known = PATH_VERSIONS.find((p) => p === s);
    if (known) return known;
    problems.push(
      `"${s.slice(0, 20)}" is not a version this catalog covers as "${name}" (it covers ${PATH_VERSIONS.join(', ')}); showing ${fallback} instead.`,
    );
    return fallback;
  };
  return {
    from: pick('from', input.from, PATH_VERSIONS[0]),
    to: pick('to', input.to, LATEST_RELEASE),
    problems,
  };
}
