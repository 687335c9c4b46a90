/**
 * Bundles the CLI (cli/main.ts) into dist/cli.mjs (and dist/cli-chunks/ for what is loaded on demand), which
 * bin/release-lens.mjs imports. Run: npm run build:cli
 *
 * lib/sources/cluster starts with `import 'server-only'`, which throws outside a React Server Components build, so it is
 * aliased to an empty module here (as vitest.config.ts does for tests). Packages in node_modules stay external:
 * they are the package's own dependencies, resolved at run time.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { compileCatalog } from '../lib/catalog/compiled';

const root = path.join(import.meta.dirname, '..');
const outdir = path.join(root, 'dist');
const outfile = path.join(outdir, 'cli.mjs');

// Chunk names carry a content hash: chunks of earlier builds would pile up beside the new ones.
rmSync(path.join(outdir, 'cli-chunks'), { recursive: true, force: true });
const result = await build({
  entryPoints: { cli: path.join(root, 'cli', 'main.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
  // Code reached through import() (the live-cluster source and its Kubernetes client) goes to its own chunk,
  // loaded only by the scans that need it: start-up and repository scans do not pay for it.
  splitting: true,
  chunkNames: 'cli-chunks/[name]-[hash]',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  alias: { 'server-only': path.join(root, 'test', 'empty-module.ts') },
  tsconfig: path.join(root, 'tsconfig.json'),
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});

// The catalog, validated now and read by the CLI with one JSON.parse while data/ still matches it.
mkdirSync(outdir, { recursive: true });
compileCatalog(path.join(root, 'data'), path.join(outdir, 'catalog.json'));

const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`wrote ${path.relative(root, outfile)} (${Math.round(bytes / 1024)} KiB with its source map)`);
