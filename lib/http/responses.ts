import { AppError, httpStatusOf, toErrorData } from '../errors';
import { RETRY_AFTER_SECONDS } from './admission';

/** A JSON response with no-store caching (everything here is per user and per scan); T is the wire type. */
export function json<T>(body: T, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}

/** An error as `{error: {kind, message, field?}}` with the matching status; unexpected errors are logged, not shown. */
export function errorResponse(error: unknown): Response {
  if (!(error instanceof AppError)) console.error('unexpected error in a route handler', error);
  const data = toErrorData(error);
  const headers: Record<string, string> = data.kind === 'busy' ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : {};
  return json({ error: data }, httpStatusOf(data.kind), headers);
}

/** A file to download: its type, a file name, never cached, never sniffed. */
export function download(body: string, contentType: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
