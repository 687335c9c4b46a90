import type { ReportSummary } from '../model/saved-report';

/** The summary columns both stores keep beside the document, in list order. */
export const SUMMARY_COLUMNS =
  'id, created_at, cluster_label, server_version, target, breaking, action, info, redacted';

/** A summary row as a driver returns it: SQLite gives text and 0/1, PostgreSQL gives Date and boolean. */
export interface SummaryRow {
  id: string;
  created_at: string | Date;
  cluster_label: string;
  server_version: string | null;
  target: ReportSummary['target'];
  breaking: number;
  action: number;
  info: number;
  redacted: number | boolean;
}

/** The list entry of a stored report. */
export function toSummary(r: SummaryRow): ReportSummary {
  return {
    id: r.id,
    createdAt: typeof r.created_at === 'string' ? r.created_at : r.created_at.toISOString(),
    clusterLabel: r.cluster_label,
    ...(r.server_version === null ? {} : { serverVersion: r.server_version }),
    target: r.target,
    counts: { breaking: r.breaking, action: r.action, info: r.info },
    redacted: r.redacted === true || r.redacted === 1,
  };
}
