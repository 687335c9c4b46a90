import type { ReportSummary } from '../model/saved-report';
import { sameCluster } from './cluster-identity';

/** What the compare form knows of a saved report: its summary, and (for reports saved here) its scan and server. */
export type PickableReport = ReportSummary & { scannedAt?: string; server?: string };

/** True when two saved reports can be compared: both redacted or neither, and of one cluster as far as known. */
export function comparable(a: PickableReport, b: PickableReport): boolean {
  if (a.redacted !== b.redacted) return false;
  // A redacted copy of the same scan has nothing to compare.
  if (a.scannedAt !== undefined && a.scannedAt === b.scannedAt) return false;
  const identity = (r: PickableReport) => ({ label: r.clusterLabel, ...(r.server ? { server: r.server } : {}) });
  return sameCluster(identity(a), identity(b));
}

/**
 * The pair the compare form starts with: the newest report as the newer scan, and the newest older report that can
 * be compared with it as the older one (never its own redacted copy). Without one, the next report.
 */
export function defaultPair(reports: readonly PickableReport[]): { base?: string; head?: string } {
  const [head, ...rest] = reports;
  if (!head) return {};
  const base = rest.find((r) => comparable(head, r)) ?? rest[0];
  return { head: head.id, ...(base ? { base: base.id } : {}) };
}

/** How a report reads in the compare form's list: time to the second, cluster, target, breaking count, short id. */
export function pickLabel(r: PickableReport): string {
  const when = r.createdAt.slice(0, 19).replace('T', ' ');
  return `${when} · ${r.clusterLabel}${r.redacted ? ' (redacted)' : ''} · to ${r.target} · ${r.counts.breaking} breaking · #${r.id.slice(0, 6)}`;
}
