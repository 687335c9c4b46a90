import 'server-only';

/** Why a request produced no HTTP response. */
export type TransportFailure =
  'tls' | 'unreachable' | 'timeout' | 'aborted' | 'network' | 'too-large' | 'invalid-response' | 'refused-host';

export type TlsReason = 'unknown-ca' | 'hostname' | 'expired' | 'handshake';

/** A request that failed below HTTP; `message` is written for people and never includes credentials. */
export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    readonly failure: TransportFailure,
    message: string,
    readonly code?: string,
    readonly tlsReason?: TlsReason,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const UNKNOWN_CA = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
]);
const EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const HANDSHAKE = /^(EPROTO|ERR_SSL_|ERR_TLS_|ECONNRESET_TLS)/;

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function tlsError(code: string, reason: TlsReason, target: string, cause: unknown): TransportError {
  const what: Record<TlsReason, string> = {
    'unknown-ca':
      `The certificate of ${target} is not signed by a CA this client trusts (${code}). ` +
      "Fix certificate-authority-data: it must hold the cluster's CA (see `kubectl config view --raw --minify`).",
    hostname:
      `The certificate of ${target} is not valid for that name (${code}). ` +
      'Use the host name or IP the API server certificate was issued for, or set tls-server-name to one of its names.',
    expired:
      `The certificate of ${target} is expired or not yet valid (${code}). ` +
      'Renew the API server certificate (e.g. `kubeadm certs renew`) or check the clocks.',
    handshake: `The TLS handshake with ${target} failed (${code}). Check that the server URL is the HTTPS endpoint of kube-apiserver.`,
  };
  return new TransportError('tls', what[reason], code, reason, { cause });
}

/** Turns a Node.js socket/TLS error into a TransportError that names the host and says what to do. */
export function classifyNetworkError(error: unknown, target: string): TransportError {
  if (error instanceof TransportError) return error;
  const code = errorCode(error) ?? 'UNKNOWN';
  if (UNKNOWN_CA.has(code)) return tlsError(code, 'unknown-ca', target, error);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return tlsError(code, 'hostname', target, error);
  if (EXPIRED.has(code)) return tlsError(code, 'expired', target, error);
  if (HANDSHAKE.test(code)) return tlsError(code, 'handshake', target, error);
  if (UNREACHABLE.has(code)) {
    const why = code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'its name does not resolve' : 'nothing answers there';
    return new TransportError(
      'unreachable',
      `Cannot reach the API server at ${target}: ${why} (${code}).`,
      code,
      undefined,
      {
        cause: error,
      },
    );
  }
  if (code === 'ETIMEDOUT') {
    return new TransportError('timeout', `Connecting to ${target} timed out (${code}).`, code, undefined, {
      cause: error,
    });
  }
  return new TransportError('network', `The connection to ${target} failed (${code}).`, code, undefined, {
    cause: error,
  });
}
