/**
 * The `release-lens` command: bundled by scripts/build-cli.ts into dist/cli.mjs, which bin/release-lens.mjs runs.
 * Everything testable lives in run.ts; this file only wires the process to it.
 */
import { env } from '../lib/env';
import { CliError } from './errors';
import { EXIT } from './exit-codes';
import { processIo } from './io';
import { runCli } from './run';

function debugEnabled(): boolean {
  try {
    return env().RELEASE_LENS_DEBUG;
  } catch {
    // Invalid settings are reported by the command that reads them, without a stack trace.
    return false;
  }
}

const debug = debugEnabled();
// Stack traces then point into cli/ and lib/ sources through dist/cli.mjs.map.
if (debug) process.setSourceMapsEnabled(true);

const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort(new CliError(EXIT.interrupted, 'interrupted.'));
  // A second Ctrl-C does not wait for the scan to wind down.
  process.once('SIGINT', () => process.exit(EXIT.interrupted));
});

const code = await runCli(process.argv.slice(2), processIo(interrupt.signal), { debug });
// Every write has been flushed (OutStream.write resolves then); exiting now drops idle keep-alive sockets.
process.exit(code);
