import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { IGNORE_FILE, parseIgnoreFile, type AcceptanceEntry } from '../lib/report/acceptances';
import { CliError } from './errors';
import { EXIT } from './exit-codes';

async function readIfThere(file: string, required: boolean): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    if (!required && code === 'ENOENT') return undefined;
    throw new CliError(EXIT.usage, `Could not read the ignore file ${file} (${code}).`, { cause: error });
  }
}

/**
 * Reads the ignore file before the scan: the one --ignore-file names (it must exist), else .release-lens.yaml in
 * the working directory when there is one. A mistake in it is a usage error listing every problem with its line.
 */
export async function loadIgnoreFile(named: string | undefined, cwd: string): Promise<AcceptanceEntry[]> {
  const file = named ?? IGNORE_FILE;
  const text = await readIfThere(path.resolve(cwd, file), named !== undefined);
  if (text === undefined) return [];
  const parsed = parseIgnoreFile(text, file);
  if (!parsed.ok) {
    throw new CliError(
      EXIT.usage,
      `The ignore file ${file} has mistakes; fix them and scan again:\n  ${parsed.problems.join('\n  ')}`,
    );
  }
  return parsed.entries;
}
