import type { AppErrorData, ErrorKind } from './model/errors';

export { ERROR_KINDS } from './model/errors';
export type { AppErrorData, ErrorKind } from './model/errors';

/** An error a person can act on: one of the fixed kinds, a message, and the input field at fault. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toData(): AppErrorData {
    return { kind: this.kind, message: this.message, ...(this.field === undefined ? {} : { field: this.field }) };
  }
}

/** HTTP status for an error kind, for route handlers. */
export function httpStatusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid-input':
      return 400;
    case 'unauthorized':
      return 401;
    case 'forbidden':
      return 403;
    case 'not-found':
      return 404;
    case 'too-large':
      return 413;
    case 'unreachable':
    case 'tls':
      return 502;
    case 'timeout':
      return 504;
    case 'busy':
      return 429;
    case 'conflict':
      return 409;
    case 'internal':
      return 500;
  }
}

/** Any thrown value as AppErrorData, without leaking internals of unexpected errors. */
export function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return error.toData();
  return {
    kind: 'internal',
    message: 'Something went wrong on the server. Try again; if it persists, check the server log.',
  };
}
