// The esbuild options shared by the bundles that run as ES modules in Node: the CLI (scripts/build-cli.ts) and the
// live-scan worker (scripts/build-workers.mjs).
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');

/**
 * Pure-JavaScript packages every scan loads at start: bundled in, they load in a fraction of the time Node takes to
 * resolve and read their many files one by one (measured on import: zod 44 → 24 ms, yaml 20 → 9 ms, the X.509
 * parser 47 → 17 ms). Every other dependency stays external, resolved from node_modules at run time: native modules,
 * packages that start threads from their own files, and those only some commands load.
 */
const BUNDLED_PACKAGES = ['zod', 'yaml', 'js-yaml', 'picomatch', '@peculiar/asn1-schema', '@peculiar/asn1-x509'];

function externalPackages() {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})];
  return names.filter((name) => !BUNDLED_PACKAGES.includes(name)).flatMap((name) => [name, `${name}/*`]);
}

/** Options for an ES-module bundle in `outdir` whose import()ed code goes to `chunkDir`/ beside it. */
export function nodeModuleBundle({ entryPoints, outdir, chunkDir }) {
  return {
    entryPoints,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Code reached through import() (the Kubernetes client, commands only some runs need) goes to its own chunk.
    splitting: true,
    chunkNames: `${chunkDir}/[name]-[hash]`,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: externalPackages(),
    // lib/sources/cluster starts with `import 'server-only'`, which throws outside a React Server Components build.
    alias: { 'server-only': path.join(root, 'test', 'empty-module.ts') },
    tsconfig: path.join(root, 'tsconfig.json'),
    // The bundled CommonJS packages require Node's built-ins, which an ES module can do only through createRequire.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
    legalComments: 'none',
    logLevel: 'warning',
  };
}
