import { readFile, stat } from 'node:fs/promises';
import type { OfflineFile } from '../lib/sources/offline/parse';
import { CliError } from './errors';
import { EXIT } from './exit-codes';
import type { CliIo } from './io';

function unreadable(file: string, error: unknown): CliError {
  const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
  return new CliError(EXIT.usage, `Could not read the snapshot ${file} (${code}).`, { cause: error });
}

async function readOne(file: string, io: CliIo, maxBytes: number): Promise<OfflineFile> {
  if (file === '-') return { name: 'stdin', text: await io.readStdin() };
  try {
    // Check the size first: the parser would refuse it anyway, after reading it all into memory.
    const { size } = await stat(file);
    if (size > maxBytes) {
      const mib = (n: number) => `${Math.round(n / 2 ** 20)} MiB`;
      throw new CliError(
        EXIT.usage,
        `The snapshot ${file} is ${mib(size)}, more than the ${mib(maxBytes)} allowed ` +
          '(RELEASE_LENS_MAX_SNAPSHOT_BYTES); scan the cluster live instead, it pages.',
      );
    }
    return { name: file, text: await readFile(file, 'utf8') };
  } catch (error) {
    throw error instanceof CliError ? error : unreadable(file, error);
  }
}

/** Reads the --snapshot files (`-` is stdin) for the offline parser, which reports what is wrong inside them. */
export async function readSnapshotFiles(files: readonly string[], io: CliIo, maxBytes: number): Promise<OfflineFile[]> {
  const read: OfflineFile[] = [];
  for (const file of files) read.push(await readOne(file, io, maxBytes));
  return read;
}
