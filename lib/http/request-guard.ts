/**
 * Who may talk to this server: only the host names it is configured for (a DNS-rebinding page names another
 * Host), and, for anything that changes state, only its own pages or non-browser clients (a cross-site form or
 * fetch carries a foreign Origin or Sec-Fetch-Site), with a JSON or multipart body (a "simple" cross-site request
 * can only send text/plain or a form encoding).
 */

/** Why a request is refused: the HTTP status and a message a person can act on. */
export interface Refusal {
  status: 403 | 415 | 421;
  message: string;
}

export interface GuardInput {
  method: string;
  /** The Host header, e.g. 'localhost:3000'. */
  host: string | null;
  origin: string | null;
  secFetchSite: string | null;
  contentType: string | null;
  /** Whether the request has a body (Content-Length > 0 or chunked). */
  hasBody: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BODY_TYPES = ['application/json', 'multipart/form-data'];

/** The host name of a Host header, lower-cased, without its port ('[::1]:3000' → '[::1]'). */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.indexOf(':');
  return colon < 0 ? h : h.slice(0, colon);
}

/** True when the Host header names one of the allowed hosts ('*' allows any; an entry may carry a port). */
export function hostAllowed(host: string | null, allowed: readonly string[]): boolean {
  if (allowed.includes('*')) return true;
  if (host === null || host === '') return false;
  const full = host.trim().toLowerCase();
  return allowed.some((a) => a === full || a === hostName(full));
}

/** The refusal for a request, or undefined when it may go on. */
export function guardRequest(input: GuardInput, allowedHosts: readonly string[]): Refusal | undefined {
  if (!hostAllowed(input.host, allowedHosts)) {
    return {
      status: 421,
      message: `This server does not answer for host "${input.host ?? ''}". Open it as one of: ${allowedHosts.join(', ')} (or add the name to RELEASE_LENS_ALLOWED_HOSTS).`,
    };
  }
  if (SAFE_METHODS.has(input.method.toUpperCase())) return undefined;
  const site = input.secFetchSite?.toLowerCase();
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, message: 'Requests that change something are accepted only from this server’s own pages.' };
  }
  if (input.origin !== null && input.origin !== 'null') {
    let originHost: string;
    try {
      originHost = new URL(input.origin).host.toLowerCase();
    } catch {
      originHost = '';
    }
    if (originHost !== (input.host ?? '').trim().toLowerCase()) {
      return { status: 403, message: `Requests from ${input.origin} may not change anything on this server.` };
    }
  } else if (input.origin === 'null') {
    return { status: 403, message: 'Requests from an opaque origin may not change anything on this server.' };
  }
  if (input.hasBody) {
    const type = (input.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!BODY_TYPES.includes(type)) {
      return { status: 415, message: 'Send the request body as application/json or multipart/form-data.' };
    }
  }
  return undefined;
}
