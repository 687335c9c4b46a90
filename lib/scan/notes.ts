import type { ReportNote } from '../model/report';
import type { Snapshot } from '../model/snapshot';
import { slot, t } from '../model/text';

/** Notes about how the snapshot was read that a reader of the report should know. */
export function coverageNotes(snapshot: Snapshot): ReportNote[] {
  return snapshot.coverage
    .filter((c) => c.deprecatedVersionRead)
    .map((c) => ({
      kind: 'deprecated-api-read',
      message: t`${c.resource} were read through ${c.apiVersion === undefined ? 'a deprecated API version' : slot('api', c.apiVersion)}, the only version that serves them; this read shows up in the cluster's deprecated-API metric.`,
    }));
}
