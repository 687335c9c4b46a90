import { OBJECTS_SKIPPED_NOTE, type ReportNote } from '../model/report';
import type { Snapshot } from '../model/snapshot';
import { fixed, join, slot, t } from '../model/text';

/** Notes about how the snapshot was read that a reader of the report should know. */
export function coverageNotes(snapshot: Snapshot): ReportNote[] {
  const skipped = (snapshot.skipped ?? []).map((s) => ({
    kind: OBJECTS_SKIPPED_NOTE,
    message: t`${s.count} ${s.count === 1 ? 'object' : 'objects'} ${s.file === undefined ? t`of ${slot('api', s.resource ?? 'unknown')}` : t`in ${slot('path', s.file)}`} ${s.count === 1 ? 'was' : 'were'} over a read budget and not read (${join(s.reasons.map(fixed), '; ')}); the checks did not see ${s.count === 1 ? 'it' : 'them'}.`,
  }));
  return [...skipped, ...deprecatedReads(snapshot)];
}

function deprecatedReads(snapshot: Snapshot): ReportNote[] {
  return snapshot.coverage
    .filter((c) => c.deprecatedVersionRead)
    .map((c) => ({
      kind: 'deprecated-api-read',
      message: t`${c.resource} were read through ${c.apiVersion === undefined ? 'a deprecated API version' : slot('api', c.apiVersion)}, the only version that serves them; this read shows up in the cluster's deprecated-API metric.`,
    }));
}
