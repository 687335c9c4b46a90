#!/usr/bin/env node
// Bundles the worker-thread entries (Helm record decoding, saved-report preparation) into dist/workers/*.cjs, self-contained, so the
// dashboard, the CLI and the tests start the same file. Runs with `npm run gen` (postinstall, dev, build, tests).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.join(import.meta.dirname, '..');
const outdir = path.join(root, 'dist', 'workers');
mkdirSync(outdir, { recursive: true });

await build({
  entryPoints: {
    'helm-decode': path.join(root, 'lib', 'snapshot', 'helm', 'decode-worker.ts'),
    'report-prepare': path.join(root, 'lib', 'store', 'prepare-worker.ts'),
  },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  tsconfig: path.join(root, 'tsconfig.json'),
  legalComments: 'none',
  logLevel: 'warning',
});
