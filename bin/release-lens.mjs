#!/usr/bin/env node
// The installed command. The CLI itself is bundled into dist/cli.mjs by `npm run build:cli`.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('release-lens: the CLI is not built; run npm run build:cli first.\n');
  process.exit(2);
}
await import(cli.href);
