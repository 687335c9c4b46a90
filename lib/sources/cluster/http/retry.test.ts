import 'server-only';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, DEFAULT_RETRY, getWithRetry, parseRetryAfter, sleep, type RetryPolicy } from './retry';
import type { HttpResponse, Transport } from './transport';
import { TransportError } from './transport-error';

const ok: HttpResponse = { status: 200, body: '{}' };
const busy = (retryAfter?: string): HttpResponse => ({ status: 429, body: '', ...(retryAfter ? { retryAfter } : {}) });

function scripted(...answers: (HttpResponse | Error)[]): Transport & { calls: number } {
  const t = {
    calls: 0,
    get: () => {
      const next = answers[t.calls] ?? ok;
      t.calls += 1;
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
  };
  return t;
}

describe('backoff', () => {
  it('grows exponentially with full jitter, capped', () => {
    const p: RetryPolicy = { ...DEFAULT_RETRY, random: () => 1 };
    expect([1, 2, 3, 4, 10].map((a) => backoffDelay(a, p))).toEqual([250, 500, 1000, 2000, 4000]);
    expect(backoffDelay(3, { ...p, random: () => 0.5 })).toBe(500);
    expect(backoffDelay(3, { ...p, random: () => 0 })).toBe(0);
  });

  it('honours Retry-After in seconds or as a date, up to a cap', () => {
    expect(backoffDelay(1, DEFAULT_RETRY, '3')).toBe(3000);
    expect(backoffDelay(1, DEFAULT_RETRY, '3600')).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('getWithRetry (fake timers)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits Retry-After on 429, then succeeds', async () => {
    const t = scripted(busy('2'), ok);
    const result = getWithRetry(t, '/x');
    await vi.advanceTimersByTimeAsync(1999);
    expect(t.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toEqual(ok);
    expect(t.calls).toBe(2);
  });

  it('retries 5xx and dropped connections with backoff, at most 4 attempts', async () => {
    const policy: RetryPolicy = { ...DEFAULT_RETRY, random: () => 1 };
    const t = scripted(
      { status: 503, body: '' },
      new TransportError('network', 'reset'),
      { status: 500, body: '' },
      { status: 502, body: 'last' },
    );
    const result = getWithRetry(t, '/x', {}, policy);
    await vi.advanceTimersByTimeAsync(250 + 500 + 1000);
    await expect(result).resolves.toMatchObject({ status: 502, body: 'last' });
    expect(t.calls).toBe(4);
  });

  it('does not retry 4xx other than 429, nor timeouts', async () => {
    const forbidden = scripted({ status: 403, body: '' });
    await expect(getWithRetry(forbidden, '/x')).resolves.toMatchObject({ status: 403 });
    expect(forbidden.calls).toBe(1);
    const slow = scripted(new TransportError('timeout', 'slow'));
    await expect(getWithRetry(slow, '/x')).rejects.toThrow('slow');
    expect(slow.calls).toBe(1);
  });

  it('stops waiting when the scan is cancelled', async () => {
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ failure: 'aborted' });
  });
});
