import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCatalog, loadCatalog } from './compiled';
import { catalogVersionOf, loadCatalogFrom } from './load';

const dir = mkdtempSync(path.join(tmpdir(), 'rl-catalog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const data = path.join(dir, 'data');
cpSync(path.join(__dirname, '..', '..', 'data'), data, { recursive: true });
const file = path.join(dir, 'catalog.json');

describe('the compiled catalog', () => {
  it('is the catalog the files give, and its version is theirs', () => {
    const compiled = compileCatalog(data, file);
    expect(catalogVersionOf(data)).toBe(compiled.version);
    expect(loadCatalog(data, file)).toEqual(loadCatalogFrom(data));
  });

  it('is set aside once a file changes, and when it is missing or broken', () => {
    compileCatalog(data, file);
    // A compiled file that differs from the files, with the files' version: proves which one is read.
    const marked = { ...JSON.parse(readFileSync(file, 'utf8')), releases: [] };
    writeFileSync(file, JSON.stringify(marked));
    expect(loadCatalog(data, file).releases).toEqual([]);
    const releases = path.join(data, 'releases.yaml');
    writeFileSync(releases, `${readFileSync(releases, 'utf8')}\n# edited\n`);
    expect(loadCatalog(data, file).releases.length).toBeGreaterThan(0);
    writeFileSync(file, '{not json');
    expect(loadCatalog(data, file).version).toBe(catalogVersionOf(data));
    expect(loadCatalog(data, path.join(dir, 'missing.json')).version).toBe(catalogVersionOf(data));
  });
});
