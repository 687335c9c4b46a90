import { PATH_VERSIONS } from '../model/releases';

/** The upgrade plan's query for a report: from its cluster's minor (when covered) to its target, and the report. */
export function planQuery(report: { cluster: { serverVersion?: string }; target: string }, reportId?: string): string {
  const minor = /^v?(\d+\.\d+)/.exec(report.cluster.serverVersion ?? '')?.[1];
  const from = PATH_VERSIONS.find((v) => v === minor);
  return new URLSearchParams({
    ...(from ? { from } : {}),
    to: report.target,
    ...(reportId ? { report: reportId } : {}),
  }).toString();
}
