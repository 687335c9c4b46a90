import { releasesBetween } from '../catalog/upgrade-path';
import type { Release } from '../model/releases';
import type { ClusterProfile } from '../rules/support/check';
import type { Target } from '../model/releases';
import { parseVersion } from '../rules/support/versions';
import type { Snapshot } from '../model/snapshot';

/**
 * The oldest minor the cluster still runs: the API server's, or an older kubelet's, since a node that has not
 * crossed 1.24 yet still meets the 1.24 changes. Unknown versions count as 1.23 so nothing is left out.
 */
export function startingMinor(snapshot: Snapshot, profile: ClusterProfile): number {
  const kubelets = snapshot.nodes
    .map((n) => parseVersion(n.kubeletVersion)?.minor)
    .filter((m): m is number => m !== undefined);
  const candidates = [profile.serverMinor, ...kubelets].filter((m): m is number => m !== undefined);
  return candidates.length > 0 ? Math.min(...candidates) : 23;
}

/** The catalog releases between where the cluster is and the target. */
export function releasesInScope(snapshot: Snapshot, profile: ClusterProfile, target: Target): Release[] {
  return releasesBetween(`1.${startingMinor(snapshot, profile)}`, target);
}
