/**
 * The `release-lens` command: bundled by scripts/build-cli.ts into dist/cli.mjs, which bin/release-lens.mjs runs.
 * Everything testable lives in run.ts; this file only wires the process to it.
 */
import { setFlagsFromString } from 'node:v8';
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

// V8 lets the heap grow up to fourfold between full collections while they are cheap, and a scan's parsed LIST
// pages are exactly that kind of garbage: at 50,000 pods the peak RSS was 350-380 MiB for some 130 MiB kept. Growth
// capped at twofold: 290-300 MiB for about 0.2 s more (bench/results/scan-scale.md). A value given on node's own
// command line wins.
if (!process.execArgv.some((a) => a.startsWith('--heap-growing-percent')))
  setFlagsFromString('--heap-growing-percent=100');

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
