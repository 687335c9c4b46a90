import { isObjectResourceKey, RESOURCES } from '../../model/resources';
import type { DeprecatedApiRequest, Snapshot } from '../../model/snapshot';

/**
 * True when the scan itself reads this resource through this removed version (the only one the cluster serves):
 * then a scan raises the series, so it proves nothing about other clients and is not a finding; the report's
 * notes say so instead (lib/scan/notes.ts), identically on every scan.
 */
export function raisedByScan(
  snapshot: Pick<Snapshot, 'coverage'>,
  r: Pick<DeprecatedApiRequest, 'group' | 'version' | 'resource'>,
): boolean {
  const gv = r.group === '' ? r.version : `${r.group}/${r.version}`;
  return snapshot.coverage.some(
    (c) =>
      c.deprecatedVersionRead === true &&
      c.apiVersion === gv &&
      isObjectResourceKey(c.resource) &&
      RESOURCES[c.resource].resource === r.resource,
  );
}

/** The series of the deprecated-API metric the scan's own reads explain. */
export function seriesRaisedByScan(
  snapshot: Pick<Snapshot, 'coverage' | 'deprecatedApiRequests'>,
): DeprecatedApiRequest[] {
  return (snapshot.deprecatedApiRequests ?? []).filter((r) => raisedByScan(snapshot, r));
}
