import type { Severity } from '../catalog/schema';
import type { Target } from '../rules/types';
import type { Report } from '../report/schema';

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

/**
 * Where saved reports live. Reports are immutable once saved: there is no update, and the database rejects one.
 * Ids are unguessable; an unknown or malformed id reads as undefined. Errors are AppError (lib/errors.ts):
 * invalid-input (names the first bad field), too-large; when opening: unreachable, unauthorized (PostgreSQL login).
 */
export interface ReportStore {
  save(report: unknown, options: SaveOptions): Promise<SavedReport>;
  get(id: string): Promise<StoredReport | undefined>;
  /** Newest first. */
  list(options: ListOptions): Promise<ReportSummary[]>;
  delete(id: string): Promise<boolean>;
  close(): Promise<void>;
}
