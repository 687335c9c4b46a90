import { z } from 'zod';
import type { Report } from '../lib/model/report';
import { TOOL_VERSION } from '../lib/version';
import { CliError } from './errors';
import { EXIT } from './exit-codes';

/** What POST /api/reports answers with on success (201). */
const savedSchema = z.object({ id: z.string().min(1).max(200), manageToken: z.string().max(200).optional() });
/** What every API route answers with on failure. */
const errorSchema = z.object({
  error: z.object({ kind: z.string(), message: z.string(), field: z.string().optional() }),
});

export interface UploadOptions {
  /** Whether the dashboard should redact the report before saving (a report already redacted keeps its tokens). */
  redact: boolean;
  /** Sent as a bearer token when the dashboard requires one to save (RELEASE_LENS_UPLOAD_TOKEN). */
  token?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

const failed = (message: string, cause?: unknown) =>
  new CliError(EXIT.uploadFailed, `Upload failed: ${message}`, cause === undefined ? undefined : { cause });

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function networkFailure(endpoint: string, error: unknown): CliError {
  if (error instanceof Error && error.name === 'TimeoutError')
    return failed(`${endpoint} did not answer in time.`, error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  const detail = cause ?? (error instanceof Error ? error.message : String(error));
  return failed(`could not reach ${endpoint} (${detail}).`, error);
}

/** Where a saved report lives, and the token that deletes it (DELETE <link> with Authorization: Bearer <token>). */
export interface UploadResult {
  link: string;
  manageToken?: string;
}

/**
 * Saves the report on a running dashboard (`POST <base>/api/reports` with `{report, redact}`) and returns the
 * report's absolute link, `<base>/reports/<id>`, with its manage token. Failures throw a CliError with exit code 4
 * and the server's message.
 */
export async function uploadReport(base: string, report: Report, options: UploadOptions): Promise<UploadResult> {
  const endpoint = `${base}/api/reports`;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 60_000);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'User-Agent': `release-lens-cli/${TOOL_VERSION}`,
        ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ report, redact: options.redact }),
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
    });
  } catch (error) {
    throw networkFailure(endpoint, error);
  }
  const body = await readBody(response);
  if (!response.ok) {
    const typed = errorSchema.safeParse(body);
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    if (!typed.success) throw failed(`${endpoint} answered ${status}.`);
    const { kind, message, field } = typed.data.error;
    const at = field === undefined ? '' : ` (${field})`;
    throw failed(`the dashboard refused the report (HTTP ${response.status}, ${kind}): ${message}${at}`);
  }
  const saved = savedSchema.safeParse(body);
  if (!saved.success) throw failed(`${endpoint} answered HTTP ${response.status} without a report id.`);
  return {
    link: `${base}/reports/${encodeURIComponent(saved.data.id)}`,
    ...(saved.data.manageToken === undefined ? {} : { manageToken: saved.data.manageToken }),
  };
}
