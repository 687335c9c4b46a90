import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { rootCertificates } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { collectSnapshot } from '../../lib/sources/cluster/collect/collect-snapshot';
import { connect } from '../../lib/sources/cluster/connect';
import { testKubeconfig } from '../../lib/sources/cluster/testing/connect-fake';
import { parseEnv } from '../../lib/env';
import { AppError } from '../../lib/errors';
import { testCluster } from './test-cluster';

const cluster = testCluster();
const env = parseEnv({});

/** What a scan of this kubeconfig fails with (connection-level failures end it with an AppError). */
async function scanError(kubeconfig: string, timeoutMs = 15_000): Promise<AppError> {
  const conn = await connect({ kind: 'upload', kubeconfig }, { env, requestTimeoutMs: timeoutMs });
  try {
    await collectSnapshot(conn, { env });
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  } finally {
    conn.close();
  }
  throw new Error('the scan was expected to fail');
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

describe('connection-level failures against a real API server', () => {
  it('a token that is not in the token file → unauthorized', async () => {
    const token = `rl-${randomUUID()}`;
    const error = await scanError(testKubeconfig(cluster.server, { token, caPem: cluster.caPem }));
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toContain('token was rejected');
    expect(error.message).not.toContain(token);
  });

  it('a CA that did not sign the serving certificate → tls', async () => {
    const error = await scanError(testKubeconfig(cluster.server, { caPem: rootCertificates[0] }));
    expect(error.kind).toBe('tls');
    expect(error.message).toContain('certificate-authority-data');
  });

  it('a server name the certificate does not cover → tls', async () => {
    const kubeconfig = testKubeconfig(cluster.server, {
      caPem: cluster.caPem,
      cluster: { 'tls-server-name': 'not-the-apiserver.example' },
    });
    const error = await scanError(kubeconfig);
    expect(error).toMatchObject({ kind: 'tls', message: expect.stringContaining('tls-server-name') as unknown });
  });

  it('a closed port → unreachable, naming host:port', async () => {
    const port = await freePort();
    const error = await scanError(testKubeconfig(`https://127.0.0.1:${port}`, { caPem: cluster.caPem }));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain(`127.0.0.1:${port}`);
  });

  it('a server that accepts TCP but never answers → timeout', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as AddressInfo;
    try {
      const started = Date.now();
      const error = await scanError(testKubeconfig(`https://127.0.0.1:${port}`, { caPem: cluster.caPem }), 1000);
      expect(error.kind).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((r) => silent.close(r));
    }
  });
});
