import { stat } from 'node:fs/promises';
import path from 'node:path';
import { env } from '../lib/env';
import { formatBytes } from '../lib/model/budgets';
import type { ScanSource } from '../lib/scan/sources';
import { findRenderTools } from '../lib/sources/files/render/tools';
import { widenToRoots } from '../lib/sources/files/roots';
import type { ScanInput } from './commands/scan-args';
import { CliError } from './errors';
import { EXIT } from './exit-codes';
import type { CliIo } from './io';

async function readStdin(io: CliIo, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of io.stdin()) {
    bytes += chunk.length;
    if (bytes > maxBytes) {
      throw new CliError(
        EXIT.usage,
        `Standard input is larger than ${formatBytes(maxBytes)} (RELEASE_LENS_MAX_FILE_BYTES).`,
      );
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Checks every path before the scan starts, so a typo is a usage error naming it. */
async function mustExist(file: string, cwd: string, what: string): Promise<void> {
  try {
    await stat(path.resolve(cwd, file));
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    throw new CliError(EXIT.usage, `Could not read the ${what} ${file} (${code}).`, { cause: error });
  }
}

/** `--files`: the repository paths as a scan source, stdin read when `-` is among them, renderers looked up. */
export async function repositorySource(
  input: Extract<ScanInput, { kind: 'files' }>,
  io: CliIo,
): Promise<Extract<ScanSource, { kind: 'files' }>> {
  const cwd = io.cwd ?? process.cwd();
  const settings = env();
  const named = input.paths.filter((p) => p !== '-');
  for (const p of named) await mustExist(p, cwd, 'path');
  const paths = widenToRoots(named, cwd);
  for (const v of input.values) await mustExist(v, cwd, 'values file');
  const extra = input.paths.includes('-')
    ? [{ path: 'stdin', text: await readStdin(io, settings.RELEASE_LENS_MAX_FILE_BYTES) }]
    : [];
  return {
    kind: 'files',
    paths,
    base: cwd,
    label: input.paths.join(', '),
    tools: await findRenderTools(settings),
    ...(input.values.length > 0 ? { valuesFiles: input.values.map((v) => path.resolve(cwd, v)) } : {}),
    ...(extra.length > 0 ? { extra } : {}),
  };
}
