import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGETS } from '../../model/budgets';
import { HelmDecodeError } from './decode';
import { parseManifestObjects, releaseObjects } from './manifest';
import { shopRelease } from './test-releases';

const budgets = DEFAULT_BUDGETS;
const names = (manifest: string, b = budgets) =>
  parseManifestObjects(manifest, 'manifest', b).objects.map((o) => `${o.kind}/${o.name}`);
const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

describe('parseManifestObjects', () => {
  it('keeps apiVersion, kind, name and namespace of each document', () => {
    const { objects, skipped } = releaseObjects(shopRelease(1) as unknown as Record<string, unknown>, budgets);
    expect(skipped).toEqual([]);
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
    expect(names(manifest)).toEqual(['Service/a', 'Secret/ok']);
  });

  it('survives an alias bomb', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 12 }, (_, i) => {
        const prev = i === 0 ? 'a' : `l${i - 1}`;
        return `l${i}: &l${i} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`;
      }),
    ].join('\n');
    expect(names(`apiVersion: v1\nkind: ConfigMap\n${bomb}\n`)).toEqual([]);
  });
});

describe('read budgets', () => {
  it('counts the documents before parsing any, and refuses a separator bomb whole', () => {
    const bomb = '---\n'.repeat(1_500_000);
    expect(() => parseManifestObjects(bomb, 'manifest', budgets)).toThrow(HelmDecodeError);
    expect(() => parseManifestObjects(bomb, 'manifest', budgets)).toThrow(
      /the manifest has more than 10000 \(RELEASE_LENS_MAX_MANIFEST_DOCUMENTS\) documents; not decoded/,
    );
    const ok = Array.from({ length: 50 }, (_, i) => `---\n${cm(`c${i}`)}`).join('');
    expect(names(ok, { ...budgets, manifestDocuments: 50 })).toHaveLength(50);
    expect(() => names(ok, { ...budgets, manifestDocuments: 49 })).toThrow(/more than 49/);
  });

  it("keeps a separator line's own content and ignores a dash run inside a line or longer than three", () => {
    expect(names(`--- # Source: a.yaml\n${cm('a')}--- {apiVersion: v1, kind: Secret, metadata: {name: b}}\n`)).toEqual([
      'ConfigMap/a',
      'Secret/b',
    ]);
    expect(names(`${cm('x')}  note: a --- b\ndata:\n  k: |\n    ----\n    ---x\n`)).toEqual(['ConfigMap/x']);
  });

  it('skips a document over a budget, says which and why, and reads the others', () => {
    const big = `${cm('big')}data:\n  blob: ${'x'.repeat(5000)}\n`;
    const deep = `${cm('deep')}data: ${'['.repeat(150)}${']'.repeat(150)}\n`;
    const wide = `${cm('wide')}data:\n${Array.from({ length: 400 }, (_, i) => `  k${i}: v`).join('\n')}\n`;
    const manifest = [cm('first'), big, deep, wide, cm('last')].map((d) => `---\n${d}`).join('');
    const b = { ...budgets, documentBytes: 4096, nodes: 300 };
    const read = parseManifestObjects(manifest, 'manifest', b);
    expect(read.objects.map((o) => o.name)).toEqual(['first', 'last']);
    expect(read.skipped).toEqual([
      { document: 2, reason: 'it is larger than 4 KiB (RELEASE_LENS_MAX_DOCUMENT_BYTES)' },
      { document: 3, reason: 'it is nested deeper than 100 (RELEASE_LENS_MAX_DEPTH) levels' },
      { document: 4, reason: 'it has more than 300 (RELEASE_LENS_MAX_NODES) nodes' },
    ]);
  });

  it('counts block nesting by indentation and compact sequence items', () => {
    const nested = (levels: number) =>
      `${cm('n')}data:\n${Array.from({ length: levels }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} v\n`;
    const compact = (levels: number) => `${cm('c')}spec:\n  x: ${'- '.repeat(levels)}v\n`;
    const b = { ...budgets, depth: 40 };
    expect(parseManifestObjects(nested(30), 'manifest', b).skipped).toEqual([]);
    expect(parseManifestObjects(nested(60), 'manifest', b).skipped[0]?.reason).toMatch(/nested deeper than 40/);
    expect(parseManifestObjects(compact(30), 'manifest', b).skipped).toEqual([]);
    expect(parseManifestObjects(compact(60), 'manifest', b).skipped[0]?.reason).toMatch(/nested deeper than 40/);
  });

  it('refuses a value longer than the string budget', () => {
    const doc = `${cm('s')}data:\n  a: "${'y'.repeat(500)}"\n  b: |\n    ${'z'.repeat(500)}\n`;
    const read = parseManifestObjects(doc, 'manifest', { ...budgets, stringBytes: 400 });
    expect(read.skipped[0]?.reason).toMatch(/a value is longer than 400 bytes \(RELEASE_LENS_MAX_STRING_BYTES\)/);
  });

  it('stops at the object budget and says so', () => {
    const manifest = Array.from({ length: 20 }, (_, i) => `---\n${cm(`c${i}`)}`).join('');
    const read = parseManifestObjects(manifest, 'manifest', { ...budgets, releaseObjects: 5 });
    expect(read.objects).toHaveLength(5);
    expect(read.skipped).toEqual([
      { reason: 'objects after the first 5 (RELEASE_LENS_MAX_RELEASE_OBJECTS) were not read' },
    ]);
  });
});
