/**
 * Bundles the CLI (cli/main.ts) into dist/cli.mjs, which bin/release-lens.mjs imports. Run: npm run build:cli
 *
 * lib/sources/cluster starts with `import 'server-only'`, which throws outside a React Server Components build, so it is
 * aliased to an empty module here (as vitest.config.ts does for tests). Packages in node_modules stay external:
 * they are the package's own dependencies, resolved at run time.
 */
import path from 'node:path';
import { build } from 'esbuild';

const root = path.join(import.meta.dirname, '..');
const outfile = path.join(root, 'dist', 'cli.mjs');

const result = await build({
  entryPoints: [path.join(root, 'cli', 'main.ts')],
  outfile,
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

const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`wrote ${path.relative(root, outfile)} (${Math.round(bytes / 1024)} KiB with its source map)`);
