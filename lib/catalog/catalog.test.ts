import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadCatalogFrom } from './load';
import { RENAMED_CHANGE_IDS } from '../model/catalog';

const root = path.resolve(import.meta.dirname, '..', '..');
const catalog = loadCatalogFrom(path.join(root, 'data'));
const factsPath = path.join(root, '..', 'shared', 'sources', 'release-facts.yaml');

describe('the shipped catalog', () => {
  it('validates and covers both releases', () => {
    expect(catalog.releases.map((r) => r.version)).toEqual(['1.24', '1.25']);
    for (const release of ['1.24', '1.25']) {
      expect(catalog.changes.filter((c) => c.release === release).length).toBeGreaterThan(40);
    }
  });

  it('holds every KEP that each release announcement links', () => {
    for (const info of catalog.releases) {
      const inRelease = catalog.changes.filter((c) => c.release === info.version);
      const covered = new Set(inRelease.flatMap((c) => [...(c.kep ? [c.kep] : []), ...c.relatedKeps]));
      const missing = info.announcedKeps.filter((k) => !covered.has(k));
      expect(missing, `announced ${info.version} KEPs missing from the catalog`).toEqual([]);
    }
  });

  it.runIf(existsSync(factsPath))('lists the same announced KEPs as the release facts', () => {
    type Totals = {
      stable_keps_linked_in_post: number[];
      major_changes_linked_in_post?: number[];
      other_keps_linked_in_post?: number[];
      deprecations_removals_linked_in_post?: { issue: number }[];
    };
    const facts = parse(readFileSync(factsPath, 'utf8')) as { releases: Record<string, { official_totals: Totals }> };
    for (const info of catalog.releases) {
      const t = facts.releases[info.version]?.official_totals;
      expect(t).toBeDefined();
      const expected = [
        ...(t?.stable_keps_linked_in_post ?? []),
        ...(t?.major_changes_linked_in_post ?? []),
        ...(t?.other_keps_linked_in_post ?? []),
        ...(t?.deprecations_removals_linked_in_post ?? []).map((d) => d.issue),
      ];
      expect([...info.announcedKeps].sort()).toEqual([...expected].sort());
    }
  });

  it('gives every removed API a change and an https link', () => {
    expect(catalog.removedApis.length).toBeGreaterThanOrEqual(10);
    const kinds = catalog.removedApis.filter((a) => a.removedIn === '1.25').map((a) => a.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'CronJob',
        'EndpointSlice',
        'Event',
        'HorizontalPodAutoscaler',
        'PodDisruptionBudget',
        'PodSecurityPolicy',
        'RuntimeClass',
      ]),
    );
  });

  it('describes every pull-request link: repository, number and what it did', () => {
    const bare = catalog.changes.flatMap((c) =>
      c.links.filter((l) => l.kind === 'pr' && !/^[a-z-]+#\d+: .{10,}/.test(l.label)).map((l) => `${c.id}: ${l.label}`),
    );
    expect(bare).toEqual([]);
  });

  it('renames only to ids it holds, and holds no renamed id any more', () => {
    const ids = new Set(catalog.changes.map((c) => c.id));
    for (const [old, current] of Object.entries(RENAMED_CHANGE_IDS)) {
      expect(ids.has(current), current).toBe(true);
      expect(ids.has(old), old).toBe(false);
    }
  });

  it('has a stable, short version hash', () => {
    expect(catalog.version).toMatch(/^[0-9a-f]{12}$/);
  });
});
