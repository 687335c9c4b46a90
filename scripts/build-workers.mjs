#!/usr/bin/env node
// Bundles the worker-thread entries (Helm record decoding, saved-report preparation, live scans) into dist/workers/, so the
// dashboard, the CLI and the tests start the same file. Runs with `npm run gen` (postinstall, dev, build, tests).
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

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

// The live-scan worker is an ES module like the CLI: @kubernetes/client-node (ES modules only) and the other packages
// stay external, resolved from node_modules at run time; `server-only` is the empty module, as in the CLI.
await build({
  entryPoints: { 'live-scan': path.join(root, 'lib', 'scan', 'live-scan-worker.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // The Kubernetes client is imported only for credentials that need it (lib/sources/cluster/connect.ts): its own chunk.
  splitting: true,
  chunkNames: 'live-scan-chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  alias: { 'server-only': path.join(root, 'test', 'empty-module.ts') },
  tsconfig: path.join(root, 'tsconfig.json'),
  legalComments: 'none',
  logLevel: 'warning',
});
