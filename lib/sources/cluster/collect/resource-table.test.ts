import 'server-only';
import { describe, expect, it } from 'vitest';
import { isObjectResourceKey, RESOURCE_INFO } from '../../../snapshot/resources';
import { RESOURCE_KEYS } from '../../../snapshot/types';
import { RESOURCE_TABLE } from './resource-table';

describe('resource table', () => {
  it('covers every object ResourceKey exactly once', () => {
    expect(RESOURCE_TABLE.map((s) => s.key).sort()).toEqual(RESOURCE_KEYS.filter(isObjectResourceKey).sort());
  });

  it('agrees with the snapshot on group, resource and kind', () => {
    for (const spec of RESOURCE_TABLE) {
      const info = RESOURCE_INFO[spec.key];
      expect({ group: spec.group, resource: spec.resource, kind: spec.kind }, spec.key).toEqual({
        group: info.group,
        resource: info.resource,
        kind: info.kind,
      });
    }
  });

  it('reads Secrets with values only for Helm records', () => {
    for (const spec of RESOURCE_TABLE.filter((s) => s.resource === 'secrets')) {
      expect(
        spec.labelSelector === 'owner=helm' || (spec.view === 'metadata' && spec.fieldSelector !== undefined),
        spec.key,
      ).toBe(true);
    }
  });
});
