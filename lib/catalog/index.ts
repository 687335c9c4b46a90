import path from 'node:path';
import { loadCatalogFrom, type Catalog } from './load';
import type { Change } from './schema';

let cached: Catalog | undefined;

/** The catalog shipped in data/, loaded and validated once per process. */
export function getCatalog(): Catalog {
  cached ??= loadCatalogFrom(path.join(process.cwd(), 'data'));
  return cached;
}

/** One change by id, or undefined. */
export function findChange(catalog: Catalog, id: string): Change | undefined {
  return catalog.changes.find((c) => c.id === id);
}

export type { Catalog } from './load';
