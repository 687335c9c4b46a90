/**
 * Bundles the CLI (cli/main.ts) into dist/cli.mjs (and dist/cli-chunks/ for what is loaded on demand), which
 * bin/release-lens.mjs imports. Run: npm run build:cli
 *
 * The options it shares with the live-scan worker (scripts/esbuild-node.mjs) say which packages are bundled in and
 * which stay external, and why.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { compileCatalog } from '../lib/catalog/compiled';
import { nodeModuleBundle } from './esbuild-node.mjs';

const root = path.join(import.meta.dirname, '..');
const outdir = path.join(root, 'dist');
const outfile = path.join(outdir, 'cli.mjs');

// Chunk names carry a content hash: chunks of earlier builds would pile up beside the new ones.
rmSync(path.join(outdir, 'cli-chunks'), { recursive: true, force: true });
const result = await build({
  ...nodeModuleBundle({ entryPoints: { cli: path.join(root, 'cli', 'main.ts') }, outdir, chunkDir: 'cli-chunks' }),
  sourcemap: 'linked',
  metafile: true,
});

// The catalog, validated now and read by the CLI with one JSON.parse while data/ still matches it.
mkdirSync(outdir, { recursive: true });
compileCatalog(path.join(root, 'data'), path.join(outdir, 'catalog.json'));

const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`wrote ${path.relative(root, outfile)} (${Math.round(bytes / 1024)} KiB with its source map)`);
