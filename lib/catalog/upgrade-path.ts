import { compareChanges } from './query';
import { RELEASES, type Change, type Release } from './schema';

/** Minor versions a user can upgrade from and to. */
export const PATH_VERSIONS = ['1.23', '1.24', '1.25'] as const;
export type PathVersion = (typeof PATH_VERSIONS)[number];

const minor = (v: string) => Number(v.split('.')[1]);

/** The catalog releases crossed when upgrading from one minor to another (from excluded, to included). */
export function releasesBetween(from: string, to: string): Release[] {
  return RELEASES.filter((r) => minor(r) > minor(from) && minor(r) <= minor(to));
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
    return (PATH_VERSIONS as readonly string[]).includes(s ?? '') ? (s as PathVersion) : fallback;
  };
  return { from: pick(input.from, '1.23'), to: pick(input.to, '1.25') };
}
