/**
 * The entry of a report-preparing worker thread (bundled to dist/workers/report-prepare.cjs): parsing, validating,
 * redacting and serializing a saved report of tens of MiB takes seconds, which must not be the server's.
 */
import { AppError, type AppErrorData } from '../errors';
import { prepareSaveBody, type PreparedReport, type StoreLimits } from './prepare';

export interface PrepareTask {
  text: string;
  limits: StoreLimits;
  salt: string;
}

/** Expected failures come back as data (a class does not survive the trip between threads). */
export type PrepareResult = { ok: true; prepared: PreparedReport } | { ok: false; error: AppErrorData };

export default function prepareTask({ text, limits, salt }: PrepareTask): PrepareResult {
  try {
    return { ok: true, prepared: prepareSaveBody(text, limits, salt) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toData() };
    throw error;
  }
}
