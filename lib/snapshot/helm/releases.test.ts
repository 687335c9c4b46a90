import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGETS } from '../../model/budgets';
import { helmStorageObject } from './encode';
import { readHelmRecord } from './record';
import type { HelmRecord } from './record';
import { groupHelmRecords } from './releases';
import { shopRelease } from './test-releases';

const record = (raw: Record<string, unknown>, storage: 'Secret' | 'ConfigMap' = 'Secret'): HelmRecord => {
  const r = readHelmRecord(raw, storage, DEFAULT_BUDGETS);
  if (!r) throw new Error('not a record');
  return r;
};

describe('groupHelmRecords', () => {
  it('groups revisions and picks the highest deployed one as current', () => {
    const [release] = groupHelmRecords([
      record(helmStorageObject(shopRelease(3, 'failed'), 'Secret')),
      record(helmStorageObject(shopRelease(1, 'superseded'), 'Secret')),
      record(helmStorageObject(shopRelease(2, 'deployed'), 'Secret')),
    ]);
    expect(release?.revisions.map((r) => `${r.revision}:${r.status}`)).toEqual([
      '1:superseded',
      '2:deployed',
      '3:failed',
    ]);
    expect(release?.current?.revision).toBe(2);
    expect(release?.current?.objects.map((o) => o.kind)).toEqual(['PodDisruptionBudget', 'Deployment', 'CronJob']);
  });

  it('keeps the highest of duplicate deployed revisions as current and lists both', () => {
    const [release] = groupHelmRecords([
      record(helmStorageObject(shopRelease(5, 'deployed'), 'ConfigMap'), 'ConfigMap'),
      record(helmStorageObject(shopRelease(4, 'deployed'), 'ConfigMap'), 'ConfigMap'),
    ]);
    expect(release?.current?.revision).toBe(5);
    expect(release?.revisions.filter((r) => r.status === 'deployed')).toHaveLength(2);
  });

  it('separates storage drivers and namespaces, and has no current when nothing is deployed', () => {
    const releases = groupHelmRecords([
      record(helmStorageObject(shopRelease(1), 'Secret')),
      record(helmStorageObject(shopRelease(1), 'ConfigMap'), 'ConfigMap'),
      record(helmStorageObject({ ...shopRelease(1, 'uninstalling'), namespace: 'other' }, 'Secret')),
    ]);
    expect(releases.map((r) => `${r.namespace}/${r.storage}`)).toEqual([
      'shop/Secret',
      'shop/ConfigMap',
      'other/Secret',
    ]);
    expect(releases[2]?.current).toBeUndefined();
  });

  it('files undecodable records under their release', () => {
    const [release] = groupHelmRecords([
      record(helmStorageObject(shopRelease(1), 'Secret')),
      record({
        metadata: { name: 'sh.helm.release.v1.storefront.v2', namespace: 'shop', labels: { owner: 'helm' } },
        data: { release: '!!' },
      }),
    ]);
    expect(release?.revisions).toHaveLength(1);
    expect(release?.decodeErrors).toEqual([
      { storageObject: 'sh.helm.release.v1.storefront.v2', message: 'the Secret value is not valid base64' },
    ]);
  });
});
