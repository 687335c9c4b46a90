import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root: the nearest folder above this module that holds the catalog (data/releases.yaml), whether the
 * module runs as source (cli/paths.ts) or bundled (dist/cli.mjs, or a chunk under dist/cli-chunks/). The catalog is
 * found from here, never from the working directory, so the CLI runs from anywhere.
 */
export function packageRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'data', 'releases.yaml'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(here, '..');
  }
}

/** The catalog and demo cluster shipped with the package. */
export function dataDir(): string {
  return path.join(packageRoot(), 'data');
}

/** The catalog compiled by build:cli (dist/catalog.json), read while data/ still matches it. */
export function compiledCatalogFile(): string {
  return path.join(packageRoot(), 'dist', 'catalog.json');
}

/** A bundled worker-thread entry, dist/workers/<name>.cjs (written by npm run gen). */
export function workerFile(name: string): string {
  return path.join(packageRoot(), 'dist', 'workers', `${name}.cjs`);
}
