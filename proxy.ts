import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { guardRequest } from '@/lib/http/request-guard';
import { guardInputOf } from '@/lib/http/route';
import { contentSecurityPolicy, SECURITY_HEADERS } from '@/lib/http/security-headers';

/**
 * For pages: refuses requests for another Host (DNS rebinding) and cross-site or non-JSON writes, then adds a
 * per-request nonce-based Content-Security-Policy and the other security headers. API routes are not matched:
 * Next.js would buffer a request body here (at most 10 MB), so they run the same guard themselves
 * (lib/http/route.ts) and stream their bodies.
 */
export function proxy(request: NextRequest) {
  const refusal = guardRequest(guardInputOf(request), env().RELEASE_LENS_ALLOWED_HOSTS);
  if (refusal) {
    return NextResponse.json(
      { error: { kind: 'forbidden', message: refusal.message } },
      { status: refusal.status, headers: SECURITY_HEADERS },
    );
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  // eslint-disable-next-line no-restricted-properties -- NODE_ENV is inlined by Next.js at build time
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)' }],
};
