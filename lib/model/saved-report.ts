import type { Severity } from './catalog';
import type { Target } from './releases';
import type { Report } from './report';

/** How to save a report. */
export interface SaveOptions {
  /** Replace names by tokens before storing (see lib/report/redact.ts); the original is never stored. */
  redact: boolean;
  /** File it under this registered cluster (an agent's upload, a scheduled scan); see lib/model/fleet.ts. */
  cluster?: string;
}

/** What a save returns: the id for the link, and when it was saved. */
export interface SavedReport {
  id: string;
  /** ISO 8601, UTC. */
  createdAt: string;
}

/** What the saver alone gets back: the secret that lets them delete the report. Shown once, stored as a hash. */
export interface SaveReceipt extends SavedReport {
  manageToken: string;
  redacted: boolean;
}

/** The answer of POST /api/reports. */
export interface SaveResponse extends SaveReceipt {
  url: string;
}

/** Who asks to delete a report: its saver (with the manage token), or the instance administrator. */
export type DeleteCredential = { kind: 'manage-token'; token: string } | { kind: 'admin' };

/** deleted; not-found (no such report); denied (the credential does not open it). */
export type DeleteOutcome = 'deleted' | 'not-found' | 'denied';

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
