import type { Severity } from './catalog';
import type { Target } from './releases';
import type { Report } from './report';

/** How to save a report. */
export interface SaveOptions {
  /** Replace names by tokens before storing (see lib/report/redact.ts); the original is never stored. */
  redact: boolean;
}

/** What a save returns: the id for the link, and when it was saved. */
export interface SavedReport {
  id: string;
  /** ISO 8601, UTC. */
  createdAt: string;
}

/** A saved report as read back. */
export interface StoredReport extends SavedReport {
  report: Report;
  redacted: boolean;
}

/** One line of the saved-reports list. */
export interface ReportSummary extends SavedReport {
  clusterLabel: string;
  serverVersion?: string;
  target: Target;
  /** Findings per severity. */
  counts: Record<Severity, number>;
  redacted: boolean;
}

export interface ListOptions {
  /** 1 to 500. */
  limit: number;
  offset?: number;
}
