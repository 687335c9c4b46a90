import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGETS } from '../../model/budgets';
import { helmStorageObject } from './encode';
import { isHelmRecord, readHelmRecord } from './record';
import { shopRelease } from './test-releases';

describe('readHelmRecord', () => {
  it('decodes a release Secret', () => {
    const r = readHelmRecord(helmStorageObject(shopRelease(2), 'Secret'), 'Secret', DEFAULT_BUDGETS);
    expect(r).toMatchObject({
      name: 'storefront',
      namespace: 'shop',
      storage: 'Secret',
      storageObject: 'sh.helm.release.v1.storefront.v2',
      ok: true,
      revision: {
        revision: 2,
        status: 'deployed',
        storageObject: 'sh.helm.release.v1.storefront.v2',
        chart: 'shop',
        chartVersion: '1.2.0',
        appVersion: '2.0',
        updated: '2023-02-01T00:00:00Z',
      },
    });
    expect(r?.ok && r.objects.length).toBe(3);
  });

  it('decodes a release ConfigMap, gzip or not', () => {
    expect(readHelmRecord(helmStorageObject(shopRelease(1), 'ConfigMap'), 'ConfigMap', DEFAULT_BUDGETS)?.ok).toBe(true);
    expect(
      readHelmRecord(helmStorageObject(shopRelease(1), 'ConfigMap', false), 'ConfigMap', DEFAULT_BUDGETS)?.ok,
    ).toBe(true);
    expect(readHelmRecord(helmStorageObject(shopRelease(1), 'Secret', false), 'Secret', DEFAULT_BUDGETS)?.ok).toBe(
      true,
    );
  });

  it('returns an undecodable record with its reason, named from labels', () => {
    const broken = {
      metadata: { name: 'sh.helm.release.v1.web.v7', namespace: 'shop', labels: { owner: 'helm' } },
      data: { release: 'Zm9v' },
    };
    expect(readHelmRecord(broken, 'Secret', DEFAULT_BUDGETS)).toEqual({
      name: 'web',
      namespace: 'shop',
      storage: 'Secret',
      storageObject: 'sh.helm.release.v1.web.v7',
      ok: false,
      message: 'the release is not valid base64',
    });
    const noData = readHelmRecord(
      { metadata: { name: 'x', labels: { name: 'api', owner: 'helm' } } },
      'ConfigMap',
      DEFAULT_BUDGETS,
    );
    expect(noData).toMatchObject({ name: 'api', ok: false, message: 'the record has no data.release' });
    expect(readHelmRecord({ metadata: {} }, 'Secret', DEFAULT_BUDGETS)).toBeUndefined();
  });

  it('recognizes Helm records by label and type', () => {
    const secret = helmStorageObject(shopRelease(1), 'Secret');
    expect(isHelmRecord(secret, 'Secret')).toBe(true);
    expect(isHelmRecord({ ...secret, type: 'Opaque' }, 'Secret')).toBe(false);
    expect(isHelmRecord({ metadata: { name: 'x', labels: { owner: 'someone' } } }, 'ConfigMap')).toBe(false);
  });
});
