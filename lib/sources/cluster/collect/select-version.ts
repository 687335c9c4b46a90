import 'server-only';
import type { Discovery } from './discovery';
import { groupVersion, type VersionChoice } from '../../../model/resources';
import type { ResourceSpec } from '../../../model/resources';

/** A version to read a resource through. */
export interface VersionCandidate extends VersionChoice {
  groupVersion: string;
}

/**
 * The versions to try, best first. With discovery, exactly one: the first acceptable version whose group/version is
 * served and lists the resource, so a deprecated version is never called while a better one is served. Without
 * discovery, every acceptable version in order; the caller moves on after a 404.
 * `resources` gives the resource names of a served group/version, or undefined when unknown.
 */
export function chooseVersions(
  spec: ResourceSpec,
  served: ReadonlySet<string> | undefined,
  resources: ReadonlyMap<string, ReadonlySet<string> | undefined>,
): VersionCandidate[] {
  const all = spec.versions.map((v) => ({ ...v, groupVersion: groupVersion(spec.group, v.version) }));
  if (!served) return all;
  const first = all.find((c) => {
    if (!served.has(c.groupVersion)) return false;
    const names = resources.get(c.groupVersion);
    // A served group/version whose resource list could not be read: assume it has the resource.
    return names === undefined || names.has(spec.resource);
  });
  return first ? [first] : [];
}

/** Resolves the resource lists chooseVersions needs (only for served group/versions) and chooses. */
export async function selectVersions(spec: ResourceSpec, discovery: Discovery): Promise<VersionCandidate[]> {
  const resources = new Map<string, ReadonlySet<string> | undefined>();
  if (discovery.served) {
    for (const v of spec.versions) {
      const gv = groupVersion(spec.group, v.version);
      if (!discovery.served.has(gv)) continue;
      const names = await discovery.resourcesOf(gv);
      resources.set(gv, names);
      // Stop at the first group/version that has it: later (older) ones need not be asked about.
      if (names === undefined || names.has(spec.resource)) break;
    }
  }
  return chooseVersions(spec, discovery.served, resources);
}
