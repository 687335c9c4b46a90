import type { Catalog } from '../catalog/load';
import { AppError, type AppErrorData } from '../errors';
import type { StoredReport } from '../model/saved-report';
import { changeSummaries } from './change-summaries';
import type { ChangeSummary } from '../model/scan';
import { compareReports, type ReportComparison } from './compare';

export type SavedComparison =
  | { ok: true; older: StoredReport; newer: StoredReport; comparison: ReportComparison; changes: ChangeSummary[] }
  | { ok: false; error: AppErrorData };

/** Compares two saved reports, or says why it cannot (a report is missing, or they are of different clusters). */
export function compareSaved(
  older: StoredReport | undefined,
  newer: StoredReport | undefined,
  catalog: Catalog,
): SavedComparison {
  if (!older || !newer) {
    return {
      ok: false,
      error: {
        kind: 'not-found',
        message: 'One of the two reports does not exist (any more). Pick two saved reports.',
      },
    };
  }
  try {
    const comparison = compareReports(older.report, newer.report);
    const changes = [...changeSummaries(newer.report, catalog), ...changeSummaries(older.report, catalog)];
    return { ok: true, older, newer, comparison, changes };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toData() };
    throw error;
  }
}
