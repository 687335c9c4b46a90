import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { formatBytes } from '../lib/model/budgets';
import type { OfflineStream } from '../lib/sources/offline/parse';
import { CliError } from './errors';
import { EXIT } from './exit-codes';
import type { CliIo } from './io';

function unreadable(file: string, error: unknown): CliError {
  const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
  return new CliError(EXIT.usage, `Could not read the snapshot ${file} (${code}).`, { cause: error });
}

async function openOne(file: string, io: CliIo, maxBytes: number): Promise<OfflineStream> {
  if (file === '-') return { name: 'stdin', chunks: io.stdin() };
  try {
    // Say it before reading anything; the reader would stop at the limit anyway.
    const { size } = await stat(file);
    if (size > maxBytes) {
      throw new CliError(
        EXIT.usage,
        `The snapshot ${file} is ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} allowed ` +
          '(RELEASE_LENS_MAX_SNAPSHOT_BYTES); scan the cluster live instead, it pages.',
      );
    }
    // Opened now, so a missing or unreadable file is a usage error before the scan starts.
    await (await open(file, 'r')).close();
    return { name: file, chunks: createReadStream(file, { highWaterMark: 1 << 20 }) };
  } catch (error) {
    throw error instanceof CliError ? error : unreadable(file, error);
  }
}

/** Opens the --snapshot files (`-` is stdin) as streams for the offline reader, which says what is wrong inside. */
export async function openSnapshotFiles(
  files: readonly string[],
  io: CliIo,
  maxBytes: number,
): Promise<OfflineStream[]> {
  const opened: OfflineStream[] = [];
  for (const file of files) opened.push(await openOne(file, io, maxBytes));
  return opened;
}
