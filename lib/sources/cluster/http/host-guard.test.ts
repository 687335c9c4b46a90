import 'server-only';
import type { LookupAddress, lookup } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { parseServerUrl } from '../../kubeconfig/server-url';
import { assertServerAllowed, guardedLookup } from './host-guard';

const policy = { allowedHosts: [], allowLinkLocal: false };
const server = (url: string) => parseServerUrl(url, 'clusters[0].cluster.server');

describe('assertServerAllowed', () => {
  it('resolves names and refuses link-local answers (DNS rebinding)', async () => {
    const resolver = () => Promise.resolve(['203.0.113.7', '169.254.169.254']);
    await expect(
      assertServerAllowed(server('https://k8s.evil.example:6443'), policy, 'f', resolver),
    ).rejects.toMatchObject({
      kind: 'invalid-input',
      field: 'f',
      message: expect.stringContaining('resolves to 169.254.169.254') as unknown,
    });
  });

  it('accepts public and loopback answers and applies the allow-list to them', async () => {
    await expect(
      assertServerAllowed(server('https://localhost:6443'), policy, 'f', () => Promise.resolve(['127.0.0.1'])),
    ).resolves.toBeUndefined();
    const p = { ...policy, allowedHosts: ['10.0.0.0/8'] };
    await expect(
      assertServerAllowed(server('https://k8s.corp'), p, 'f', () => Promise.resolve(['10.2.3.4'])),
    ).resolves.toBeUndefined();
    await expect(
      assertServerAllowed(server('https://k8s.corp'), p, 'f', () => Promise.resolve(['8.8.8.8'])),
    ).rejects.toThrow(/allow-list/);
  });

  it('says when a name does not resolve', async () => {
    await expect(
      assertServerAllowed(server('https://nope.invalid'), policy, 'f', () => Promise.reject(new Error('ENOTFOUND'))),
    ).rejects.toMatchObject({
      kind: 'unreachable',
    });
  });
});

describe('guardedLookup', () => {
  const fakeDns = (addresses: LookupAddress[]) =>
    ((_host: string, _opts: unknown, cb: (e: null, a: LookupAddress[]) => void) =>
      cb(null, addresses)) as unknown as typeof lookup;

  it('refuses at connect time when the name now points at a metadata address', async () => {
    const guarded = guardedLookup(policy, 'f', fakeDns([{ address: '169.254.169.254', family: 4 }]));
    const error = await new Promise<unknown>((resolve) => guarded('rebind.example', { all: true }, (e) => resolve(e)));
    expect(error).toMatchObject({ failure: 'refused-host' });
  });

  it('passes safe answers through in both callback shapes', async () => {
    const guarded = guardedLookup(policy, 'f', fakeDns([{ address: '203.0.113.9', family: 4 }]));
    const all = await new Promise<unknown>((resolve) => guarded('ok.example', { all: true }, (_e, a) => resolve(a)));
    expect(all).toEqual([{ address: '203.0.113.9', family: 4 }]);
    const one = await new Promise<unknown[]>((resolve) => guarded('ok.example', {}, (_e, a, f) => resolve([a, f])));
    expect(one).toEqual(['203.0.113.9', 4]);
  });
});
