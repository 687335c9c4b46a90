import 'server-only';
import { env as processEnv, sqlitePath, type Env } from '../env';
import { openPostgresStore } from './postgres';
import { openSqliteStore } from './sqlite';
import type { ReportStore } from './types';

/** The report store the settings ask for: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export async function openStore(env: Env = processEnv()): Promise<ReportStore> {
  const maxReportBytes = env.RELEASE_LENS_MAX_REPORT_BYTES;
  if (env.DATABASE_URL !== undefined) {
    return openPostgresStore({ connectionString: env.DATABASE_URL, maxReportBytes });
  }
  return openSqliteStore({ path: sqlitePath(env), maxReportBytes });
}

export type { ListOptions, ReportSummary, SavedReport, SaveOptions, StoredReport } from '../model/saved-report';
export type { ReportStore } from './types';
export { isReportId } from './ids';
