import { describe, expect, it } from 'vitest';
import { OBJECT_RESOURCE_KEYS, RESOURCE_KEYS, RESOURCE_TABLE, isObjectResourceKey } from './resources';

describe('resource table', () => {
  it('covers every object ResourceKey exactly once', () => {
    expect(RESOURCE_TABLE.map((s) => s.key).sort()).toEqual(RESOURCE_KEYS.filter(isObjectResourceKey).sort());
    expect(new Set(OBJECT_RESOURCE_KEYS).size).toBe(OBJECT_RESOURCE_KEYS.length);
  });

  it('reads Secrets with values only for Helm records', () => {
    for (const spec of RESOURCE_TABLE.filter((s) => s.resource === 'secrets')) {
      expect(
        spec.labelSelector === 'owner=helm' || (spec.view === 'metadata' && spec.fieldSelector !== undefined),
        spec.key,
      ).toBe(true);
    }
  });

  it('keeps raw fields only as dotted paths', () => {
    for (const spec of RESOURCE_TABLE) {
      for (const p of spec.keep ?? []) expect(p, spec.key).toMatch(/^[A-Za-z0-9]+(\[\])?(\.[A-Za-z0-9]+(\[\])?)*$/);
    }
  });
});
