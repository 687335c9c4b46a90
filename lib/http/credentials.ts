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

/** An agent's upload token and the registered cluster it files reports under. */
export interface ClusterToken {
  clusterId: string;
  token: string;
}

/** Who may save, and where the report is filed: under a registered cluster when the token is that cluster's. */
export interface SaveGrant {
  cluster?: string;
}

/**
 * Decides whether a request may save a report. A registered cluster's agent token files the report under that
 * cluster; an instance upload token or the administrator's saves an ordinary report. A bearer token that is none of
 * them is refused, so a mistyped agent token never lands as an anonymous report. Without a token, saving is open
 * unless RELEASE_LENS_UPLOAD_TOKENS is set.
 */
export function assertMaySave(request: Request, e: Env, clusterTokens: () => readonly ClusterToken[]): SaveGrant {
  const token = bearerToken(request);
  if (token === undefined) {
    if (e.RELEASE_LENS_UPLOAD_TOKENS.length === 0) return {};
    throw new AppError(
      'unauthorized',
      'This server saves reports only with an upload token: send it as "Authorization: Bearer <token>" (the CLI reads RELEASE_LENS_UPLOAD_TOKEN).',
    );
  }
  if (e.RELEASE_LENS_UPLOAD_TOKENS.some((t) => sameSecret(token, t)) || isAdmin(request, e)) return {};
  // Every token is compared, so the time taken does not tell which cluster's token came close.
  let cluster: string | undefined;
  for (const t of clusterTokens()) if (sameSecret(token, t.token)) cluster = t.clusterId;
  if (cluster !== undefined) return { cluster };
  throw new AppError('forbidden', 'The upload token is not one this server accepts.');
}

/**
 * Refuses the fleet view unless the request carries a fleet token (RELEASE_LENS_FLEET_TOKENS) or the
 * administrator's: it names every registered cluster and links their reports.
 */
export function assertFleetViewer(request: Request, e: Env): void {
  if (e.RELEASE_LENS_ADMIN_TOKEN === undefined && e.RELEASE_LENS_FLEET_TOKENS.length === 0) {
    throw new AppError(
      'forbidden',
      'The fleet view is off on this server. The operator turns it on with RELEASE_LENS_FLEET_TOKENS (or RELEASE_LENS_ADMIN_TOKEN).',
    );
  }
  const token = bearerToken(request);
  if (token === undefined) {
    throw new AppError('unauthorized', 'The fleet view needs a fleet token (Authorization: Bearer …).');
  }
  if (!isAdmin(request, e) && !e.RELEASE_LENS_FLEET_TOKENS.some((t) => sameSecret(token, t))) {
    throw new AppError('forbidden', 'This is not a fleet token of this server.');
  }
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
