import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeHelmString, decodeReleaseValue, HelmDecodeError } from './decode';
import { encodeHelmString } from './encode';
import { shopRelease } from './test-releases';

const MAX = { helmReleaseBytes: 32 * 1024 * 1024, nodes: 200_000 };

describe('decodeHelmString', () => {
  it('decodes base64 of gzip and base64 of plain JSON', () => {
    const release = shopRelease(1);
    expect(decodeHelmString(encodeHelmString(release, true), MAX)).toEqual(release);
    expect(decodeHelmString(encodeHelmString(release, false), MAX)).toEqual(release);
  });

  it('decodes a Secret value (base64 once more) and a ConfigMap value', () => {
    const helmString = encodeHelmString(shopRelease(2));
    const secretValue = Buffer.from(helmString).toString('base64');
    expect(decodeReleaseValue('Secret', secretValue, MAX)).toMatchObject({ name: 'storefront', version: 2 });
    expect(decodeReleaseValue('ConfigMap', helmString, MAX)).toMatchObject({ name: 'storefront', version: 2 });
  });

  it('refuses a decompression bomb', () => {
    const bomb = gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x20)).toString('base64');
    expect(() => decodeHelmString(bomb, { ...MAX, helmReleaseBytes: 1024 * 1024 })).toThrow(
      /decompresses to more than 1 MiB \(RELEASE_LENS_MAX_HELM_RELEASE_BYTES\); not decoded/,
    );
  });

  it('refuses oversized input before decoding it', () => {
    expect(() => decodeHelmString('A'.repeat(4000), { ...MAX, helmReleaseBytes: 1000 })).toThrow(
      /larger than 1000 bytes \(RELEASE_LENS_MAX_HELM_RELEASE_BYTES\)/,
    );
  });

  it('says why a record does not decode', () => {
    expect(() => decodeHelmString('***', MAX)).toThrow(HelmDecodeError);
    expect(() => decodeHelmString(Buffer.from('not json').toString('base64'), MAX)).toThrow(/not JSON/);
    const badGzip = Buffer.from([0x1f, 0x8b, 0x08, 1, 2, 3]).toString('base64');
    expect(() => decodeHelmString(badGzip, MAX)).toThrow(/not valid gzip/);
  });

  it('refuses a release with more values than the budget before parsing it', () => {
    const many = Buffer.from(JSON.stringify({ name: 'x', config: Array.from({ length: 5000 }, () => ({})) })).toString(
      'base64',
    );
    expect(() => decodeHelmString(many, { ...MAX, nodes: 1000 })).toThrow(
      'the release holds more than 1000 (RELEASE_LENS_MAX_NODES) values; not decoded',
    );
  });

  it('accepts base64 wrapped over lines', () => {
    expect(decodeBase64('aGVs\nbG8=', 'x').toString()).toBe('hello');
  });
});
