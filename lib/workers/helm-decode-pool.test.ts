import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_BUDGETS } from '../model/budgets';
import { helmRecordInput, inlineHelmDecoder, type HelmRecordInput } from '../snapshot/helm/decoder';
import { helmStorageObject } from '../snapshot/helm/encode';
import { shopRelease } from '../snapshot/helm/test-releases';
import { createHelmDecodePool } from './helm-decode-pool';

// The bundle `npm run gen` writes before the tests run.
const workerFile = path.join(__dirname, '..', '..', 'dist', 'workers', 'helm-decode.cjs');
const pool = createHelmDecodePool({ workerFile, threads: 1 });
afterAll(() => pool.close());

function input(manifest: string, name = 'app'): HelmRecordInput {
  const release = { ...shopRelease(1), name, manifest, hooks: [] };
  const i = helmRecordInput(helmStorageObject(release, 'Secret'), 'Secret');
  if (!i) throw new Error('no input');
  return i;
}

describe('the Helm decoding pool', () => {
  it('decodes a record on a worker thread exactly as the inline decoder does', async () => {
    const i = helmRecordInput(helmStorageObject(shopRelease(2), 'Secret'), 'Secret');
    if (!i) throw new Error('no input');
    const inline = await inlineHelmDecoder(DEFAULT_BUDGETS).decode(i);
    expect(await pool.decoder(DEFAULT_BUDGETS).decode(i)).toEqual(inline);
    expect(inline.ok && inline.objects).toHaveLength(3);
  });

  it('refuses a separator bomb by its count while the calling thread stays free', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    const record = await pool.decoder(DEFAULT_BUDGETS).decode(input('---\n'.repeat(6_000_000)));
    clearInterval(timer);
    expect(record).toMatchObject({
      ok: false,
      message: 'the manifest has more than 10000 (RELEASE_LENS_MAX_MANIFEST_DOCUMENTS) documents; not decoded',
    });
    expect(ticks).toBeGreaterThan(0);
  });

  it('gives up on a record at its deadline, names the setting, and decodes the next one', async () => {
    const slow = { ...DEFAULT_BUDGETS, helmDecodeMs: 1 };
    const manifest = Array.from(
      { length: 3000 },
      (_, i) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`,
    );
    expect(await pool.decoder(slow).decode(input(manifest.join('')))).toMatchObject({
      ok: false,
      message: 'decoding took longer than 1 ms (RELEASE_LENS_HELM_DECODE_TIMEOUT_MS); not decoded',
    });
    expect(await pool.decoder(DEFAULT_BUDGETS).decode(input(manifest.join('')))).toMatchObject({ ok: true });
  });

  it('fails a record alone when its thread runs out of memory', async () => {
    const small = createHelmDecodePool({ workerFile, threads: 1, heapMiB: 16 });
    try {
      const huge = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n${'  k: v\n'.repeat(3_000_000)}`;
      const record = await small
        .decoder({ ...DEFAULT_BUDGETS, documentBytes: 64 * 2 ** 20, nodes: 1e9 })
        .decode(input(huge));
      expect(record).toMatchObject({ ok: false, message: expect.stringMatching(/needed more than the 16 MiB/) });
      expect(
        await small.decoder(DEFAULT_BUDGETS).decode(input('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n')),
      ).toMatchObject({
        ok: true,
      });
    } finally {
      await small.close();
    }
  });

  it('rejects only when the scan is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(pool.decoder(DEFAULT_BUDGETS).decode(input(''), controller.signal)).rejects.toThrow();
  });
});
