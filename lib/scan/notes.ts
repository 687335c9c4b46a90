import { OBJECTS_SKIPPED_NOTE, type ReportNote } from '../model/report';
import type { Snapshot } from '../model/snapshot';
import { fixed, join, slot, t } from '../model/text';
import { seriesRaisedByScan } from '../rules/support/own-reads';

/** Notes about how the snapshot was read that a reader of the report should know. */
export function coverageNotes(snapshot: Snapshot): ReportNote[] {
  const skipped = (snapshot.skipped ?? []).map((s) => ({
    kind: OBJECTS_SKIPPED_NOTE,
    message: t`${s.count} ${s.count === 1 ? 'object' : 'objects'} ${s.file === undefined ? t`of ${slot('api', s.resource ?? 'unknown')}` : t`in ${slot('value', s.file)}`} ${s.count === 1 ? 'was' : 'were'} not read (${join(s.reasons.map(fixed), '; ')}); the checks did not see ${s.count === 1 ? 'it' : 'them'}.`,
  }));
  return [...skipped, ...deprecatedReads(snapshot)];
}

/** The note kind for a resource the scan itself read through a deprecated version. */
export const OWN_DEPRECATED_READ_NOTE = 'deprecated-api-read';

function deprecatedReads(snapshot: Snapshot): ReportNote[] {
  const seen = seriesRaisedByScan(snapshot);
  return snapshot.coverage
    .filter((c) => c.deprecatedVersionRead)
    .map((c) => {
      const gv = c.apiVersion === undefined ? t`a deprecated API version` : t`${slot('api', c.apiVersion)}`;
      const present = seen.some((r) => (r.group === '' ? r.version : `${r.group}/${r.version}`) === c.apiVersion);
      return {
        kind: OWN_DEPRECATED_READ_NOTE,
        message: t`${c.resource} were read through ${gv}, the only version that serves them; that read raises the matching series of the cluster's deprecated-API metric.${present ? t` The series is present now; a scan (this one or an earlier one, or taking the snapshot) explains it, so it is not reported as another client. To be sure nothing else calls ${gv}, search the audit log for requests to it whose userAgent is not release-lens or kubectl.` : ''}`,
      };
    });
}
