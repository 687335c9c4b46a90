import type { ListOptions, ReportSummary, SavedReport, SaveOptions, StoredReport } from '../model/saved-report';

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
