import { createHash, timingSafeEqual } from 'node:crypto';
import type { Env } from '../env';
import { AppError } from '../errors';

/** The bearer token of a request (Authorization: Bearer …), if any. */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization') ?? '';
  const m = /^Bearer\s+(\S{1,512})$/i.exec(header.trim());
  return m?.[1];
}

/** Compares two secrets in constant time (over their hashes, so lengths leak nothing either). */
export function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** True when the request carries the administrator token of this instance. */
export function isAdmin(request: Request, e: Env): boolean {
  const token = bearerToken(request);
  return (
    token !== undefined && e.RELEASE_LENS_ADMIN_TOKEN !== undefined && sameSecret(token, e.RELEASE_LENS_ADMIN_TOKEN)
  );
}

/** Refuses a save when the instance requires upload tokens and the request has none of them (or the admin's). */
export function assertMaySave(request: Request, e: Env): void {
  if (e.RELEASE_LENS_UPLOAD_TOKENS.length === 0) return;
  const token = bearerToken(request);
  if (token === undefined) {
    throw new AppError(
      'unauthorized',
      'This server saves reports only with an upload token: send it as "Authorization: Bearer <token>" (the CLI reads RELEASE_LENS_UPLOAD_TOKEN).',
    );
  }
  const valid = e.RELEASE_LENS_UPLOAD_TOKENS.some((t) => sameSecret(token, t)) || isAdmin(request, e);
  if (!valid) throw new AppError('forbidden', 'The upload token is not one this server accepts.');
}

/** Refuses a listing unless the request carries the administrator token. */
export function assertAdmin(request: Request, e: Env): void {
  if (e.RELEASE_LENS_ADMIN_TOKEN === undefined) {
    throw new AppError(
      'forbidden',
      'Listing saved reports is off on this server: a report opens only by its link. The operator can turn listing on with RELEASE_LENS_ADMIN_TOKEN.',
    );
  }
  if (bearerToken(request) === undefined) {
    throw new AppError(
      'unauthorized',
      'Listing saved reports needs the administrator token (Authorization: Bearer …).',
    );
  }
  if (!isAdmin(request, e)) throw new AppError('forbidden', 'This is not the administrator token of this server.');
}
