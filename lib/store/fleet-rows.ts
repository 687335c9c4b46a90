import type { FleetRun } from '../model/fleet';
import type { ReportSummary } from '../model/saved-report';
import { toSummary, type SummaryRow } from './summary-row';
import { AppError } from '../errors';
import type { RunKey } from './types';

/** The error of a second result for one scheduled scan: another attempt finished it first. */
export function runAlreadyDone(run: RunKey): AppError {
  return new AppError('conflict', `The scheduled scan of ${run.clusterId} for ${run.periodStart} is already done.`);
}

/** A ledger row as a driver returns it: SQLite gives text, PostgreSQL gives Date. */
export interface RunRow {
  cluster_id: string;
  period_start: string | Date;
  state: FleetRun['state'];
  attempts: number;
  updated_at: string | Date;
  report_id: string | null;
  error: string | null;
}

const iso = (v: string | Date) => (typeof v === 'string' ? v : v.toISOString());

/** A ledger row as the fleet view shows it. */
export function toFleetRun(r: RunRow): FleetRun {
  return {
    periodStart: iso(r.period_start),
    state: r.state,
    attempts: r.attempts,
    updatedAt: iso(r.updated_at),
    ...(r.report_id === null ? {} : { reportId: r.report_id }),
    ...(r.error === null ? {} : { error: r.error }),
  };
}

/** Groups rows of several clusters' reports by cluster, keeping their order (newest first). */
export function byCluster(
  rows: readonly (SummaryRow & { fleet_cluster: string })[],
  clusterIds: readonly string[],
): Map<string, ReportSummary[]> {
  const out = new Map<string, ReportSummary[]>(clusterIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.fleet_cluster)?.push(toSummary(r));
  return out;
}

/** A reason stored in the ledger is cut to this many characters. */
export const MAX_RUN_ERROR = 2000;

/** Most reports per cluster the fleet view reads for a trend. */
export const MAX_TREND = 200;

/** Checks the arguments of clusterReports, as checkListOptions checks a listing's: AppError invalid-input. */
export function checkClusterQuery(clusterIds: readonly string[], perCluster: number): void {
  if (!Number.isInteger(perCluster) || perCluster < 1 || perCluster > MAX_TREND) {
    throw new AppError('invalid-input', `perCluster must be a whole number from 1 to ${MAX_TREND}.`, 'perCluster');
  }
  if (clusterIds.length > 1000) throw new AppError('invalid-input', 'At most 1000 clusters at once.', 'clusterIds');
}
