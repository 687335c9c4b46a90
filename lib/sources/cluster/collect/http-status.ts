import 'server-only';
import { slot, t } from '../../../model/text';
import type { CoverageEntry } from '../../../model/snapshot';
import type { CoverageStatus } from '../../../model/resources';
import { TransportError } from '../http/transport-error';
import type { HttpResponse } from '../http/transport';

/** A non-2xx answer from the API server, with the message of its Status body. */
export class HttpStatusError extends Error {
  override name = 'HttpStatusError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The `message` of a Kubernetes Status body, or a short description of the status code. */
export function statusMessage(response: HttpResponse): string {
  try {
    const body: unknown = JSON.parse(response.body);
    if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string') {
      return body.message.slice(0, 500);
    }
  } catch {
    // Not JSON (non-resource URLs such as /metrics answer in plain text): use a short first line.
    const line = response.body.trim().split('\n')[0] ?? '';
    if (line && line.length <= 300 && !line.startsWith('<')) return `${line} (HTTP ${response.status})`;
  }
  return `the API server answered HTTP ${response.status}`;
}

/** Throws HttpStatusError unless the response is 2xx; returns the parsed JSON body. */
export function expectJson(response: HttpResponse): unknown {
  if (response.status < 200 || response.status > 299)
    throw new HttpStatusError(response.status, statusMessage(response));
  try {
    return JSON.parse(response.body);
  } catch {
    throw new HttpStatusError(response.status, 'the API server sent a response that is not JSON');
  }
}

function statusOf(error: unknown): CoverageStatus {
  if (error instanceof HttpStatusError) {
    if (error.status === 401) return 'unauthorized';
    if (error.status === 403) return 'forbidden';
    if (error.status === 404) return 'not-served';
    return 'error';
  }
  if (error instanceof TransportError && error.failure === 'timeout') return 'timeout';
  return 'error';
}

/** A failed read as coverage data: the scan goes on, and the report says what could not be read and why. */
export function failureCoverage(
  resource: CoverageEntry['resource'],
  error: unknown,
  apiVersion?: string,
): CoverageEntry {
  const status = statusOf(error);
  // The API server's own words can name users and namespaces: they travel as one value slot.
  const detail = slot('value', error instanceof Error ? error.message : 'unknown error');
  const message =
    status === 'unauthorized'
      ? t`The credentials were rejected (401): the token may have expired. ${detail}`
      : status === 'not-served'
        ? t`Not served by this API server (404). ${detail}`
        : t`${detail}`;
  return { resource, status, count: 0, message, ...(apiVersion ? { apiVersion } : {}) };
}
