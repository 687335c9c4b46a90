import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogFrom } from '../catalog/load';
import { RULES } from './checks';

const catalog = loadCatalogFrom(path.resolve(import.meta.dirname, '..', '..', 'data'));
const changeIds = new Set(catalog.changes.map((c) => c.id));

describe('the rule registry and the catalog agree', () => {
  it('has unique rule ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every rule serves changes that exist', () => {
    for (const rule of RULES) {
      expect(
        rule.changeIds.filter((id) => !changeIds.has(id)),
        rule.id,
      ).toEqual([]);
    }
  });

  it('every rule a change names exists and serves that change, and every served change names its rule', () => {
    for (const change of catalog.changes) {
      for (const ruleId of change.detectedBy) {
        const rule = RULES.find((r) => r.id === ruleId);
        expect(rule, `${change.id} names unknown rule ${ruleId}`).toBeDefined();
        expect(rule?.changeIds, `${ruleId} does not serve ${change.id}`).toContain(change.id);
      }
    }
    for (const rule of RULES) {
      for (const changeId of rule.changeIds) {
        const change = catalog.changes.find((c) => c.id === changeId);
        expect(change?.detectedBy, `${changeId} does not list ${rule.id}`).toContain(rule.id);
      }
    }
  });
});

describe('the generated list of checks', () => {
  it('is up to date with lib/rules/ (run `npm run gen` when this fails)', () => {
    const r = spawnSync(process.execPath, [path.join(import.meta.dirname, '../../scripts/gen-checks.mjs'), '--check']);
    expect(r.stderr.toString()).toBe('');
    expect(r.status).toBe(0);
  });
});
