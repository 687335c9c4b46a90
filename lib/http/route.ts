import { env } from '../env';
import { guardRequest, type GuardInput } from './request-guard';
import { json } from './responses';
import { SECURITY_HEADERS } from './security-headers';

/** What the request guard reads of a request: headers only, never the body. */
export function guardInputOf(request: Request): GuardInput {
  const h = request.headers;
  return {
    method: request.method,
    host: h.get('host'),
    origin: h.get('origin'),
    secFetchSite: h.get('sec-fetch-site'),
    contentType: h.get('content-type'),
    hasBody: h.has('transfer-encoding') || Number(h.get('content-length') ?? 0) > 0,
  };
}

/** Headers of every API answer: the security headers, and a policy that lets a JSON answer run nothing. */
const API_HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

/**
 * Wraps an API route handler: the Host, Origin and body-type checks run here, on the headers, before the handler
 * reads anything. API routes are outside the proxy (proxy.ts), so a request body goes straight to its handler,
 * streamed, with the handler's own limits as the real limits, and is never buffered in between.
 */
export function route<C>(
  handler: (request: Request, context: C) => Promise<Response> | Response,
): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    const refusal = guardRequest(guardInputOf(request), env().RELEASE_LENS_ALLOWED_HOSTS);
    const response = refusal
      ? json({ error: { kind: 'forbidden', message: refusal.message } }, refusal.status)
      : await handler(request, context);
    for (const [name, value] of Object.entries(API_HEADERS)) response.headers.set(name, value);
    return response;
  };
}
