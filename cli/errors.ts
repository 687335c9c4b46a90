import { EnvError } from '../lib/env';
import { AppError } from '../lib/errors';
import { EXIT, exitCodeForErrorKind, type ExitCode } from './exit-codes';

/** A failure the CLI reports in one line and exits with; `code` says which exit code. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    readonly code: ExitCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A usage error (exit 2): bad flags or a bad combination of them. */
export function usageError(message: string): CliError {
  return new CliError(EXIT.usage, message);
}

/** One line for stderr and the exit code, for anything thrown; unexpected errors say how to see more. */
export function describeFailure(error: unknown): { message: string; code: ExitCode } {
  if (error instanceof CliError) return { message: error.message, code: error.code };
  if (error instanceof AppError) {
    const field = error.field && !error.message.includes(error.field) ? ` (${error.field})` : '';
    return { message: `${error.message}${field}`, code: exitCodeForErrorKind(error.kind) };
  }
  if (error instanceof EnvError) return { message: error.message.replace(/\n\s*/g, ' '), code: EXIT.usage };
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return {
    message: `unexpected error: ${detail} (set RELEASE_LENS_DEBUG=1 for the stack trace)`,
    code: EXIT.scanFailed,
  };
}
