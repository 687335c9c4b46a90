import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGETS } from '../model/budgets';
import { renderText } from '../model/text';
import { SnapshotBuilder } from '../snapshot/builder';
import { helmStorageObject } from '../snapshot/helm/encode';
import { shopRelease } from '../snapshot/helm/test-releases';
import { helmAnomalies } from './helm-anomalies';

const source = { kind: 'snapshot' as const, label: 'test' };

describe('helmAnomalies', () => {
  it('notes the parts of the current manifest a budget kept from being read', () => {
    const manifest = ['a', 'b', 'c'].map((n) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\n`);
    const big = `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  x: ${'y'.repeat(900)}\n`;
    const b = new SnapshotBuilder(source, new Date(), { budgets: { ...DEFAULT_BUDGETS, documentBytes: 512 } });
    b.addItems('helmsecrets', [helmStorageObject({ ...shopRelease(4), manifest: manifest.join('') + big }, 'Secret')]);
    const s = b.build();
    expect(s.helmReleases[0]?.current?.objects.map((o) => o.name)).toContain('c');
    expect(helmAnomalies(s).map((n) => `${n.kind}: ${renderText(n.message)}`)).toEqual([
      'helm-partly-read: Helm release shop/storefront revision 4: parts of its manifest were over a read budget and not read (the manifest, document 4: it is larger than 512 bytes (RELEASE_LENS_MAX_DOCUMENT_BYTES)); removed APIs in them were not checked. Raise the setting named if the chart is genuinely that large.',
    ]);
  });
});
