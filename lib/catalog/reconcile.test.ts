import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogFrom } from './load';
import { reconcileRelease } from './reconcile';

const catalog = loadCatalogFrom(path.join(import.meta.dirname, '..', '..', 'data'));

describe('reconcileRelease', () => {
  it('splits every stage into the entries the announcement links and those it does not, adding up', () => {
    for (const info of catalog.releases) {
      const rows = reconcileRelease(catalog, info);
      expect(rows.map((r) => r.label).slice(0, 3)).toEqual(['Stable', 'Beta', 'Alpha']);
      for (const r of rows) {
        expect(r.linked.length + r.unlinked.length, `${info.version} ${r.label}`).toBe(r.catalogued);
        expect(r.difference).toBe(r.announced === undefined ? undefined : r.announced - r.catalogued);
        for (const c of r.linked) expect(info.announcedKeps).toContain(c.kep);
        for (const c of r.unlinked) expect(info.announcedKeps).not.toContain(c.kep);
      }
    }
  });
});
