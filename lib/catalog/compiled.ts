import { readFileSync, writeFileSync } from 'node:fs';
import { catalogVersionOf, loadCatalogFrom, type Catalog } from './load';

/**
 * Writes the catalog under dataDir, validated, as one JSON file (build:cli writes dist/catalog.json): the CLI then
 * reads it with one JSON.parse instead of parsing and validating every YAML file on each run.
 */
export function compileCatalog(dataDir: string, file: string): Catalog {
  const catalog = loadCatalogFrom(dataDir);
  writeFileSync(file, JSON.stringify(catalog));
  return catalog;
}

/**
 * The catalog under dataDir: from its compiled file while the files still hash to the compiled version, else read
 * and validated from the files (a missing, unreadable or stale compiled file is never an error, only slower).
 */
export function loadCatalog(dataDir: string, compiledFile: string): Catalog {
  let compiled: Catalog | undefined;
  try {
    compiled = JSON.parse(readFileSync(compiledFile, 'utf8')) as Catalog;
  } catch {
    compiled = undefined;
  }
  if (compiled && compiled.version === catalogVersionOf(dataDir)) return compiled;
  return loadCatalogFrom(dataDir);
}
