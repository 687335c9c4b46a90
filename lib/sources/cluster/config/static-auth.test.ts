import 'server-only';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { RequestOptions } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clientConfig } from './client-config';
import type { ClientInputs } from './inputs';
import { staticAuthOptions } from './static-auth';

const dir = mkdtempSync(path.join(tmpdir(), 'rl-static-auth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const b64 = (text: string) => Buffer.from(text).toString('base64');

/** What a connection takes from the options: the TLS material and the headers. */
const used = (o: RequestOptions) => ({
  ca: o.ca,
  cert: o.cert,
  key: o.key,
  servername: o.servername,
  rejectUnauthorized: o.rejectUnauthorized,
  headers: o.headers,
  auth: o.auth,
});

async function byClientNode(inputs: ClientInputs): Promise<RequestOptions> {
  const options: RequestOptions = {};
  await clientConfig(inputs).applyToHTTPSOptions(options);
  return options;
}

const server = 'https://127.0.0.1:6443';
const CASES: [string, ClientInputs][] = [
  [
    'a token with inline CA data and a TLS server name',
    {
      cluster: { name: 'c', server, caData: b64('CA PEM'), tlsServerName: 'kubernetes', skipTLSVerify: false },
      user: { name: 'u', token: 'abc.def' },
      namespace: 'team-a',
    },
  ],
  [
    'an inline client certificate impersonating a user',
    {
      cluster: { name: 'c', server, caData: b64('CA'), skipTLSVerify: false },
      user: { name: 'u', certData: b64('CERT'), keyData: b64('KEY'), impersonateUser: 'jane' },
    },
  ],
  [
    'certificate files',
    {
      cluster: { name: 'c', server, caFile: file('ca.crt', 'CA FILE'), skipTLSVerify: false },
      user: { name: 'u', certFile: file('tls.crt', 'CERT FILE'), keyFile: file('tls.key', 'KEY FILE') },
    },
  ],
  [
    'a file path winning over inline data',
    {
      cluster: { name: 'c', server, caFile: file('ca2.crt', 'FROM FILE'), caData: b64('INLINE'), skipTLSVerify: false },
      user: { name: 'u', token: 't' },
    },
  ],
  [
    'a username and password',
    {
      cluster: { name: 'c', server, skipTLSVerify: false },
      user: { name: 'u', username: 'admin', password: 's3cret' },
    },
  ],
  [
    'TLS verification skipped',
    { cluster: { name: 'c', server, skipTLSVerify: true }, user: { name: 'u', token: 't' } },
  ],
  [
    'a plain-http server (kubectl proxy)',
    { cluster: { name: 'c', server: 'http://127.0.0.1:8001', skipTLSVerify: true }, user: { name: 'anonymous' } },
  ],
  ['no credentials at all', { cluster: { name: 'c', server, skipTLSVerify: false }, user: { name: 'anonymous' } }],
];

describe('staticAuthOptions', () => {
  it.each(CASES)('applies %s exactly as client-node does', async (_, inputs) => {
    const ours = staticAuthOptions(inputs);
    expect(ours).toBeDefined();
    expect(used(ours ?? {})).toEqual(used(await byClientNode(inputs)));
  });

  it('leaves credentials that can change, and proxies, to client-node', () => {
    const cluster = { name: 'c', server, skipTLSVerify: false };
    const exec = { command: 'aws', args: ['eks', 'get-token'], apiVersion: 'client.authentication.k8s.io/v1' };
    expect(staticAuthOptions({ cluster, user: { name: 'u', exec } })).toBeUndefined();
    const tokenFile = { name: 'tokenFile', config: { tokenFile: '/var/run/token' } };
    expect(staticAuthOptions({ cluster, user: { name: 'u', authProvider: tokenFile } })).toBeUndefined();
    const proxied = { ...cluster, proxyUrl: 'http://127.0.0.1:3128' };
    expect(staticAuthOptions({ cluster: proxied, user: { name: 'u', token: 't' } })).toBeUndefined();
  });

  it('reads a missing certificate file as an error, like client-node', async () => {
    const inputs: ClientInputs = {
      cluster: { name: 'c', server, caFile: path.join(dir, 'missing.crt'), skipTLSVerify: false },
      user: { name: 'u', token: 't' },
    };
    expect(() => staticAuthOptions(inputs)).toThrow(/ENOENT/);
    await expect(byClientNode(inputs)).rejects.toThrow(/ENOENT/);
  });
});
