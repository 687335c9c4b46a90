import { AppError } from '../errors';
import { severityCounts } from '../report/group';
import { redactReport } from '../report/redact';
import { hashManageToken, newManageToken } from './secrets';
import { reportSchema } from '../report/schema';
import { upgradeReportDocument } from '../report/upgrade';
import type { Report } from '../model/report';
import { z } from 'zod';
import { countJsonValues } from '../parsing/json-count';
import { newReportId } from './ids';
import type { ListOptions, ReportSummary, SaveOptions, SaveReceipt } from '../model/saved-report';

/** Limits a store enforces on what it saves. */
export interface StoreLimits {
  /** Largest stored document, in bytes of UTF-8 JSON (RELEASE_LENS_MAX_REPORT_BYTES). */
  maxReportBytes: number;
}

/** A report ready to insert: validated, redacted if asked, serialized, with the columns the list shows. */
export interface PreparedReport {
  summary: ReportSummary;
  schemaVersion: number;
  document: string;
  /** Given to the saver once; only `manageHash` is stored. */
  manageToken: string;
  manageHash: string;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function validate(input: unknown): Report {
  const result = reportSchema.safeParse(upgradeReportDocument(input));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.');
  throw new AppError('invalid-input', `The report is not valid: ${field}: ${issue?.message ?? 'invalid'}.`, field);
}

/**
 * Validates, redacts and serializes a report for saving; throws AppError invalid-input or too-large. A report
 * that claims to be redacted is redacted again here, literal text included: the claim is never trusted.
 */
export function prepareReport(input: unknown, options: SaveOptions, limits: StoreLimits, salt: string): PreparedReport {
  const valid = validate(input);
  const claimed = valid.redaction !== undefined;
  const report = options.redact || claimed ? redactReport(valid, { salt, scrubLiterals: claimed }) : valid;
  const document = JSON.stringify(report);
  const bytes = Buffer.byteLength(document, 'utf8');
  if (bytes > limits.maxReportBytes) {
    throw new AppError(
      'too-large',
      `The report is ${mb(bytes)}; this server saves reports up to ${mb(limits.maxReportBytes)} ` +
        '(RELEASE_LENS_MAX_REPORT_BYTES). Export it as JSON instead, or raise the limit.',
    );
  }
  const summary: ReportSummary = {
    id: newReportId(),
    createdAt: new Date().toISOString(),
    clusterLabel: report.cluster.source.label,
    ...(report.cluster.serverVersion === undefined ? {} : { serverVersion: report.cluster.serverVersion }),
    target: report.target,
    counts: severityCounts(report.findings),
    redacted: report.redaction !== undefined,
  };
  const manageToken = newManageToken();
  return {
    summary,
    schemaVersion: report.schemaVersion,
    document,
    manageToken,
    manageHash: hashManageToken(manageToken),
  };
}

/** A saved report may hold one value per this many bytes of RELEASE_LENS_MAX_REPORT_BYTES. */
export const REPORT_BYTES_PER_VALUE = 16;

const saveBodySchema = z.object({ report: z.unknown(), redact: z.boolean().default(false) });

/**
 * Prepares the body of a save request, `{"report": …, "redact": true|false}`, from its text: the whole costly
 * part of a save (parse, validate, redact, serialize), which the server runs on a worker thread.
 */
export function prepareSaveBody(text: string, limits: StoreLimits, salt: string): PreparedReport {
  // JSON.parse cannot be stopped half way, so what it would build is bounded first: a real report holds far
  // fewer values than one per REPORT_BYTES_PER_VALUE bytes of the limit.
  const maxValues = Math.ceil(limits.maxReportBytes / REPORT_BYTES_PER_VALUE);
  if (countJsonValues(text, maxValues) > maxValues) {
    throw new AppError(
      'too-large',
      `The report holds more than ${maxValues} values, more than any report of the size limit ` +
        '(RELEASE_LENS_MAX_REPORT_BYTES) can; it was not saved.',
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('invalid-input', 'The request body is not valid JSON.');
  }
  const parsed = saveBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    throw new AppError('invalid-input', `${field || 'body'}: ${issue?.message ?? 'invalid'}`, field || undefined);
  }
  return prepareReport(parsed.data.report, { redact: parsed.data.redact }, limits, salt);
}

/** What the saver gets back: the id, the time, whether it was redacted, and the manage token (only now). */
export function receiptOf(prepared: PreparedReport): SaveReceipt {
  const { summary } = prepared;
  return {
    id: summary.id,
    createdAt: summary.createdAt,
    manageToken: prepared.manageToken,
    redacted: summary.redacted,
  };
}

/** A stored document as a Report; a document that no longer parses is a server fault, not the caller's. */
export function parseStoredReport(id: string, document: unknown): Report {
  const parsed: unknown = typeof document === 'string' ? JSON.parse(document) : document;
  const result = reportSchema.safeParse(upgradeReportDocument(parsed));
  if (result.success) return result.data;
  throw new AppError('internal', `Saved report ${id} could not be read back: ${result.error.issues[0]?.message ?? ''}`);
}

/** Checks paging input: limit 1 to 500, offset 0 or more. */
export function checkListOptions(options: ListOptions): { limit: number; offset: number } {
  const offset = options.offset ?? 0;
  if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > 500) {
    throw new AppError('invalid-input', 'limit must be a whole number from 1 to 500.', 'limit');
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new AppError('invalid-input', 'offset must be a whole number, 0 or more.', 'offset');
  }
  return { limit: options.limit, offset };
}
