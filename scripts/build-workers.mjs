#!/usr/bin/env node
// Bundles the worker-thread entries (Helm record decoding, saved-report preparation, live scans) into dist/workers/, so the
// dashboard, the CLI and the tests start the same file. Runs with `npm run gen` (postinstall, dev, build, tests).
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { nodeModuleBundle } from './esbuild-node.mjs';

const root = path.join(import.meta.dirname, '..');
const outdir = path.join(root, 'dist', 'workers');
mkdirSync(outdir, { recursive: true });
// Chunk names carry a content hash: chunks of earlier builds would pile up beside the new ones.
rmSync(path.join(outdir, 'live-scan-chunks'), { recursive: true, force: true });

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

// The live-scan worker is an ES module like the CLI, built with the same options (esbuild-node.mjs).
await build(
  nodeModuleBundle({
    entryPoints: { 'live-scan': path.join(root, 'lib', 'scan', 'live-scan-worker.ts') },
    outdir,
    chunkDir: 'live-scan-chunks',
  }),
);
