/**
 * Errors as data. Every failure a user can meet has one of these kinds and a message that says what went wrong
 * and what to do about it.
 */
export const ERROR_KINDS = [
  'invalid-input',
  'too-large',
  'not-found',
  'forbidden',
  'unauthorized',
  'unreachable',
  'tls',
  'timeout',
  /** The server is at its limit of concurrent scans or uploads: try again shortly. */
  'busy',
  /** The work was already done by someone else (a scheduled scan finished by another attempt). */
  'conflict',
  'internal',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** The JSON shape of an error sent to a browser or printed by the CLI. */
export interface AppErrorData {
  kind: ErrorKind;
  message: string;
  /** The input field at fault, e.g. 'users[0].user.exec'. */
  field?: string;
}
