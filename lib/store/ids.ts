import { randomBytes } from 'node:crypto';

/** 128 random bits, base64url: 22 characters that cannot be guessed or enumerated. */
export function newReportId(): string {
  return randomBytes(16).toString('base64url');
}

const ID = /^[A-Za-z0-9_-]{22,64}$/;

/** True when `id` could be a report id; anything else is not looked up at all. */
export function isReportId(id: string): boolean {
  return ID.test(id);
}
