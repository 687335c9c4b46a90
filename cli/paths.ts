import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root: one folder up from this module, both as source (cli/paths.ts) and bundled (dist/cli.mjs).
 * The catalog is found from here, never from the working directory, so the CLI runs from anywhere.
 */
export function packageRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
}

/** The catalog and demo cluster shipped with the package. */
export function dataDir(): string {
  return path.join(packageRoot(), 'data');
}

/** A bundled worker-thread entry, dist/workers/<name>.cjs (written by npm run gen). */
export function workerFile(name: string): string {
  return path.join(packageRoot(), 'dist', 'workers', `${name}.cjs`);
}
