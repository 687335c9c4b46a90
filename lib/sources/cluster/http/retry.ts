import 'server-only';
import type { GetOptions, HttpResponse, Transport } from './transport';
import { TransportError } from './transport-error';

/** How failed requests are retried: exponential backoff with full jitter; injectable clock and randomness for tests. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Upper bound for a server's Retry-After. */
  maxRetryAfterMs: number;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Waits ms, or rejects as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new TransportError('aborted', 'The scan was cancelled.', 'ABORT_ERR'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new TransportError('aborted', 'The scan was cancelled.', 'ABORT_ERR'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 30_000,
  random: Math.random,
  sleep,
};

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** 429 and 5xx (but 501 Not Implemented) are worth another try; so are dropped connections. */
export const isRetryableStatus = (status: number): boolean => status === 429 || (status >= 500 && status !== 501);
const isRetryableFailure = (e: unknown): boolean => e instanceof TransportError && e.failure === 'network';

/** The delay before attempt `attempt + 1` (attempt counts from 1). */
export function backoffDelay(attempt: number, policy: RetryPolicy, retryAfter?: string): number {
  const fromServer = parseRetryAfter(retryAfter);
  if (fromServer !== undefined) return Math.min(fromServer, policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(policy.random() * ceiling);
}

/** GET with retries on 429/5xx/dropped connections; returns the last response (any status) or throws the last failure. */
export async function getWithRetry(
  transport: Transport,
  path: string,
  options: GetOptions = {},
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<HttpResponse> {
  for (let attempt = 1; ; attempt++) {
    let response: HttpResponse;
    try {
      response = await transport.get(path, options);
    } catch (error) {
      if (attempt >= policy.maxAttempts || !isRetryableFailure(error)) throw error;
      await policy.sleep(backoffDelay(attempt, policy), options.signal);
      continue;
    }
    if (attempt >= policy.maxAttempts || !isRetryableStatus(response.status)) return response;
    await policy.sleep(backoffDelay(attempt, policy, response.retryAfter), options.signal);
  }
}
