import 'server-only';
import { describe, expect, it } from 'vitest';
import { classifyNetworkError } from './transport-error';

const err = (code: string) => Object.assign(new Error(code), { code });

describe('classifyNetworkError', () => {
  it.each([
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls', 'unknown-ca', /certificate-authority-data/],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls', 'unknown-ca', /certificate-authority-data/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls', 'hostname', /tls-server-name/],
    ['CERT_HAS_EXPIRED', 'tls', 'expired', /expired/],
    ['EPROTO', 'tls', 'handshake', /HTTPS endpoint/],
    ['ECONNREFUSED', 'unreachable', undefined, /api\.example\.com:6443: nothing answers/],
    ['ENOTFOUND', 'unreachable', undefined, /does not resolve/],
    ['EHOSTUNREACH', 'unreachable', undefined, /nothing answers/],
    ['ETIMEDOUT', 'timeout', undefined, /timed out/],
    ['ECONNRESET', 'network', undefined, /failed/],
  ])('%s → %s', (code, failure, tlsReason, message) => {
    const e = classifyNetworkError(err(code), 'api.example.com:6443');
    expect(e.failure).toBe(failure);
    expect(e.tlsReason).toBe(tlsReason);
    expect(e.message).toMatch(message);
  });
});
