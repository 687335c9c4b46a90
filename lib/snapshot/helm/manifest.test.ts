import { describe, expect, it } from 'vitest';
import { parseManifestObjects, releaseObjects } from './manifest';
import { shopRelease } from './test-releases';

describe('parseManifestObjects', () => {
  it('keeps apiVersion, kind, name and namespace of each document', () => {
    const objects = releaseObjects(shopRelease(1) as unknown as Record<string, unknown>);
    expect(objects).toEqual([
      { apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', name: 'storefront', source: 'manifest' },
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'storefront', namespace: 'shop', source: 'manifest' },
      {
        apiVersion: 'batch/v1beta1',
        kind: 'CronJob',
        name: 'storefront-db-backup',
        source: { hook: 'storefront-db-backup', events: ['post-install', 'post-upgrade'] },
      },
    ]);
  });

  it('tolerates odd documents: empty, comments only, scalars, broken YAML, Lists', () => {
    const manifest = [
      '---\n# Source: empty.yaml\n',
      '---\njust a string\n',
      '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n',
      '---\nkind: NoApiVersion\n',
      '---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: a}\n',
      '---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: ok\n',
    ].join('');
    expect(parseManifestObjects(manifest, 'manifest').map((o) => `${o.kind}/${o.name}`)).toEqual([
      'Service/a',
      'Secret/ok',
    ]);
  });

  it('survives an alias bomb', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 12 }, (_, i) => {
        const prev = i === 0 ? 'a' : `l${i - 1}`;
        return `l${i}: &l${i} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`;
      }),
    ].join('\n');
    expect(parseManifestObjects(`apiVersion: v1\nkind: ConfigMap\n${bomb}\n`, 'manifest')).toEqual([]);
  });
});
