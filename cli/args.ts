import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './errors';

/** The commands `release-lens` knows; `help` topics use the same names. */
export const COMMANDS = ['scan', 'changes'] as const;
export type CommandName = (typeof COMMANDS)[number];
export type HelpTopic = CommandName | 'main';

type Options = NonNullable<ParseArgsConfig['options']>;

function isParseArgsError(error: unknown): error is TypeError & { code: string } {
  return (
    error instanceof TypeError &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('ERR_PARSE')
  );
}

/**
 * node:util parseArgs with strict checking, its errors turned into usage errors that name the command's help.
 * Node's messages carry a second sentence about `--` that only confuses here; the first says what is wrong.
 */
export function parseStrict<O extends Options>(
  argv: readonly string[],
  options: O,
  command: CommandName,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals });
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    const first = error.message.split(/\.\s/)[0] ?? error.message;
    throw usageError(`${first.replace(/\.$/, '')} (see release-lens ${command} --help)`);
  }
}

/** One of `allowed`, or a usage error naming the flag and the choices. */
export function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw usageError(`--${flag} must be one of ${allowed.join(', ')} (got "${value}").`);
  return found;
}

/** A non-empty string flag value, or undefined when the flag is absent. */
export function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw usageError(`--${flag} needs a value.`);
  return value;
}

/** What the first arguments ask for: a command and its own arguments, or top-level help or version. */
export type TopLevel =
  { kind: 'help'; topic: HelpTopic } | { kind: 'version' } | { kind: 'command'; name: CommandName; argv: string[] };

/** Splits `release-lens [command] [flags]`; `help [command]` is the same as `[command] --help`. */
export function parseTopLevel(argv: readonly string[]): TopLevel {
  const [first, ...rest] = argv;
  if (first === undefined) throw usageError('missing a command: scan or changes (see release-lens --help).');
  if (first === '--help' || first === '-h') return { kind: 'help', topic: 'main' };
  if (first === '--version' || first === '-v') return { kind: 'version' };
  if (first === 'help') {
    const topic = COMMANDS.find((c) => c === rest[0]);
    return { kind: 'help', topic: topic ?? 'main' };
  }
  const name = COMMANDS.find((c) => c === first);
  if (name === undefined) {
    const what = first.startsWith('-') ? `option ${first} before a command` : `command "${first}"`;
    throw usageError(`unknown ${what}; the commands are scan and changes (see release-lens --help).`);
  }
  return { kind: 'command', name, argv: rest };
}
