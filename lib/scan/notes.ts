import type { ReportNote } from '../model/report';
import type { Snapshot } from '../model/snapshot';

/** Notes about how the snapshot was read that a reader of the report should know. */
export function coverageNotes(snapshot: Snapshot): ReportNote[] {
  return snapshot.coverage
    .filter((c) => c.deprecatedVersionRead)
    .map((c) => ({
      kind: 'deprecated-api-read',
      message: `${c.resource} were read through ${c.apiVersion ?? 'a deprecated API version'}, the only version that serves them; this read shows up in the cluster's deprecated-API metric.`,
    }));
}
