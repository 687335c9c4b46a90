import { OfflineReader, OverLimit, type OfflineOptions, type OfflineResult } from './reader';

export { OfflineSnapshotError } from './errors';
export type { OfflineSnapshotErrorKind } from './errors';
export { SNAPSHOT_COMMANDS, commandFor, snapshotCommandsFor } from './commands';
export type { SnapshotCommand } from '../../model/scan';
export { resourceKeyFor } from './resource-key';
export { SNAPSHOT_INFO_KIND } from './info';
export { MAX_OFFLINE_SNAPSHOT_BYTES } from './reader';
export type { IgnoredKind, OfflineOptions, OfflineResult } from './reader';

/** One file already in memory: its name (for messages) and its text. */
export interface OfflineFile {
  name: string;
  text: string;
}

/** One file as a stream of bytes (an upload part, a file on disk, standard input). */
export interface OfflineStream {
  name: string;
  chunks: AsyncIterable<Uint8Array>;
}

/**
 * Parses the output of `kubectl get <kinds> -A -o json --show-managed-fields` (one or several files, plus the
 * optional version, api-versions and /metrics outputs or a ReleaseLensSnapshotInfo document) into a Snapshot.
 * Coverage is `ok` for every resource with at least one object or whose typed list appeared, and `not-provided`,
 * naming the kubectl command to add, for the rest. The server version is never guessed from the kubelets. For
 * text already in memory (tests, the demo); Helm records are decoded inline.
 */
export function parseOfflineSnapshot(files: readonly OfflineFile[], options: OfflineOptions = {}): OfflineResult {
  const reader = new OfflineReader(options);
  try {
    for (const f of files) {
      const file = reader.file(f.name);
      file.write(Buffer.from(f.text, 'utf8'));
      file.end();
    }
  } catch (e) {
    if (!(e instanceof OverLimit)) throw e;
  }
  return reader.result();
}

/**
 * Reads an offline snapshot as its files stream in, never holding a file whole: the size limit is checked as
 * bytes arrive, and reading stops at it. Helm records go to the options' decoder (a worker pool on a server).
 */
export async function readOfflineSnapshot(
  files: Iterable<OfflineStream> | AsyncIterable<OfflineStream>,
  options: OfflineOptions = {},
): Promise<OfflineResult> {
  const reader = new OfflineReader(options);
  try {
    for await (const f of files) {
      const file = reader.file(f.name);
      for await (const chunk of f.chunks) {
        options.signal?.throwIfAborted();
        file.write(chunk);
        // Hold back while the decoders catch up, so pending Helm records stay few.
        if (reader.builder.pendingDecodes > 8) await reader.builder.settle(4);
      }
      file.end();
    }
  } catch (e) {
    if (!(e instanceof OverLimit)) throw e;
  }
  return reader.finish();
}
