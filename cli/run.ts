import { TOOL_VERSION } from '../lib/version';
import { parseTopLevel } from './args';
import { parseChangesArgs } from './commands/changes';
import { parseScanArgs } from './commands/scan-args';
import { describeFailure } from './errors';
import { EXIT, type ExitCode } from './exit-codes';
import { helpText } from './help';
import type { CliIo } from './io';
import { printError } from './output';

export interface RunOptions {
  /** Print stack traces of unexpected errors (RELEASE_LENS_DEBUG=1). */
  debug?: boolean;
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const top = parseTopLevel(argv);
  switch (top.kind) {
    case 'version':
      await io.stdout.write(`release-lens ${TOOL_VERSION}\n`);
      return EXIT.ok;
    case 'help':
      await io.stdout.write(`${helpText(top.topic)}\n`);
      return EXIT.ok;
    case 'command':
      break;
  }
  if (top.name === 'changes') {
    const args = parseChangesArgs(top.argv);
    if (args === 'help') return dispatch(['help', 'changes'], io);
    // Each command is loaded when run: --version and help stay quick, a scan does not pay for the catalog listing.
    return (await import('./commands/changes')).runChangesCommand(args, io);
  }
  const args = parseScanArgs(top.argv);
  if (args === 'help') return dispatch(['help', 'scan'], io);
  return (await import('./commands/scan')).runScanCommand(args, io);
}

/** Runs `release-lens <argv>` and returns the exit code; every failure becomes one line on stderr. */
export async function runCli(argv: readonly string[], io: CliIo, options: RunOptions = {}): Promise<ExitCode> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    const { message, code } = describeFailure(error);
    await printError(io, message);
    if (options.debug && error instanceof Error && error.stack) await io.stderr.write(`${error.stack}\n`);
    return code;
  }
}
