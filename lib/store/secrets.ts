import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new manage token: 256 random bits, base64url. Only its hash is stored. */
export function newManageToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a manage token. */
export function hashManageToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** True when `token` is the one whose hash was stored; constant time in the length of the hash. */
export function manageTokenMatches(token: string, storedHash: string | null | undefined): boolean {
  if (!storedHash || token.length === 0 || token.length > 200) return false;
  const given = Buffer.from(hashManageToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** A new per-instance redaction salt, stored in instance_settings. */
export function newInstanceSalt(): string {
  return randomBytes(32).toString('base64url');
}

/** The key of the redaction salt in instance_settings. */
export const SALT_SETTING = 'redaction-salt';
