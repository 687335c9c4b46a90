import { randomBytes } from 'node:crypto';
import { rm, stat, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './errors';
import { EXIT } from './exit-codes';
import type { CliIo } from './io';

/**
 * Writes `text` to `file` atomically: a temporary file next to it, then a rename, so a reader (or a CI step that
 * uploads it) never sees half a report, and a failed run leaves the previous file as it was. A device or a pipe
 * is written to as it is.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const target = path.resolve(file);
  // A device or a pipe (-o /dev/null, -o /dev/stdout, a FIFO) is written to, never replaced by a renamed file.
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    try {
      await writeFile(target, text, { encoding: 'utf8' });
      return;
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
      throw new CliError(EXIT.usage, `Could not write ${file} (${code}).`, { cause: error });
    }
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    throw new CliError(EXIT.usage, `Could not write ${file} (${code}).`, { cause: error });
  }
}

/** The rendered report: to --output when given, else to stdout. */
export async function writeReport(io: CliIo, text: string, output: string | undefined): Promise<void> {
  if (output === undefined) await io.stdout.write(text);
  else await writeFileAtomic(output, text);
}

/** One line on stderr, prefixed with the program name as Unix tools do. */
export function printError(io: CliIo, message: string): Promise<void> {
  return io.stderr.write(`release-lens: ${message}\n`);
}
