import 'server-only';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../../model/text';
import { TransportError } from '../http/transport-error';
import { failureCoverage, HttpStatusError, statusMessage } from './http-status';

describe('failureCoverage', () => {
  it.each([
    [new HttpStatusError(401, 'Unauthorized'), 'unauthorized', /token may have expired/],
    [new HttpStatusError(403, 'pods is forbidden'), 'forbidden', /pods is forbidden/],
    [new HttpStatusError(404, 'not found'), 'not-served', /Not served/],
    [new HttpStatusError(503, 'etcd down'), 'error', /etcd down/],
    [new TransportError('timeout', 'no answer within 15000 ms'), 'timeout', /15000 ms/],
    [new TransportError('network', 'reset'), 'error', /reset/],
  ])('%s → %s', (error, status, message) => {
    const entry = failureCoverage('pods', error, 'v1');
    expect(entry).toMatchObject({ resource: 'pods', status, apiVersion: 'v1', count: 0 });
    expect(renderText(entry.message ?? [])).toMatch(message);
  });

  it('takes the message of a Status body, or a short plain-text line', () => {
    expect(statusMessage({ status: 403, body: JSON.stringify({ kind: 'Status', message: 'nope' }) })).toBe('nope');
    expect(statusMessage({ status: 403, body: 'forbidden: User "x" cannot get path "/metrics"\n' })).toBe(
      'forbidden: User "x" cannot get path "/metrics" (HTTP 403)',
    );
    expect(statusMessage({ status: 502, body: '<html>bad gateway</html>' })).toBe('the API server answered HTTP 502');
  });
});
