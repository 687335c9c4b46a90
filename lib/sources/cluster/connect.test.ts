import 'server-only';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rootCertificates } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../../env';
import { AppError } from '../../errors';
import { readServerVersion } from './collect/preflight';
import { connect, type ClusterConnection } from './connect';
import { isInClusterAvailable } from './config/in-cluster';
import { listLocalContexts } from './config/local';
import { connectTest, testKubeconfig } from './testing/connect-fake';
import { startFakeApiServer, status, type FakeApiServer } from './testing/fake-apiserver';
import { TEST_CA_PEM, TEST_EXPIRED_CERT_PEM } from './testing/test-certs';

const version = { json: { major: '1', minor: '24', gitVersion: 'v1.24.17' } };
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fakeServer(...args: Parameters<typeof startFakeApiServer>): Promise<FakeApiServer> {
  const s = await startFakeApiServer(...args);
  cleanups.push(() => s.close());
  return s;
}
const track = (c: ClusterConnection) => (cleanups.push(() => c.close()), c);
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rl-connect-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

async function firstCallError(conn: ClusterConnection): Promise<AppError> {
  const error = await readServerVersion(conn).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof AppError) return error;
  throw new Error(`expected an AppError, got ${String(error)}`);
}

describe('connection-level failures on the first call', () => {
  it('reads /version through an uploaded kubeconfig with an inline CA', async () => {
    const s = await fakeServer(() => version);
    const read = await readServerVersion(track(await connectTest(s.url)));
    expect(read.version?.gitVersion).toBe('v1.24.17');
    expect(s.requests[0]?.headers.authorization).toBe('Bearer test-token');
  });

  it('asks for gzip as kubectl does, and for plain answers when the kubeconfig disables compression', async () => {
    const s = await fakeServer(() => version);
    await readServerVersion(track(await connectTest(s.url)));
    await readServerVersion(track(await connectTest(s.url, { cluster: { 'disable-compression': true } })));
    expect(s.requests.map((r) => r.headers['accept-encoding'])).toEqual(['gzip', 'identity']);
  });

  it('resolves host names through the guarded lookup (loopback is allowed)', async () => {
    const s = await fakeServer(() => version);
    const read = await readServerVersion(track(await connectTest(`https://localhost:${s.port}`)));
    expect(read.version?.gitVersion).toBe('v1.24.17');
  });

  it('wrong CA → tls, pointing at certificate-authority-data', async () => {
    const s = await fakeServer(() => version);
    const error = await firstCallError(track(await connectTest(s.url, { caPem: rootCertificates[0] })));
    expect(error.kind).toBe('tls');
    expect(error.message).toContain('certificate-authority-data');
  });

  it('name mismatch → tls, pointing at the server name', async () => {
    const s = await fakeServer(() => version);
    const error = await firstCallError(
      track(await connectTest(s.url, { cluster: { 'tls-server-name': 'api.wrong.example' } })),
    );
    expect(error).toMatchObject({ kind: 'tls', message: expect.stringContaining('tls-server-name') as unknown });
  });

  it('expired certificate → tls, saying so', async () => {
    const s = await fakeServer(() => version, TEST_EXPIRED_CERT_PEM);
    const error = await firstCallError(track(await connectTest(s.url)));
    expect(error).toMatchObject({ kind: 'tls', message: expect.stringContaining('expired') as unknown });
  });

  it('closed port → unreachable, naming host:port', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const { port } = probe.address() as AddressInfo;
    await new Promise((r) => probe.close(r));
    const error = await firstCallError(track(await connectTest(`https://127.0.0.1:${port}`)));
    expect(error).toMatchObject({
      kind: 'unreachable',
      message: expect.stringContaining(`127.0.0.1:${port}`) as unknown,
    });
  });

  it('a server that accepts TCP but never answers → timeout', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => (sockets.forEach((s) => s.destroy()), silent.close(r))));
    const { port } = silent.address() as AddressInfo;
    const started = Date.now();
    const error = await firstCallError(track(await connectTest(`https://127.0.0.1:${port}`, { timeoutMs: 300 })));
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('401 → unauthorized: the token was rejected', async () => {
    const s = await fakeServer(() => status(401, 'Unauthorized'));
    const error = await firstCallError(track(await connectTest(s.url, { token: 'expired' })));
    expect(error).toMatchObject({
      kind: 'unauthorized',
      message: expect.stringContaining('token was rejected') as unknown,
    });
    expect(error.message).not.toContain('expired-token-value');
  });

  it('refuses an upload whose host name resolves to a metadata address', async () => {
    const kubeconfig = testKubeconfig('https://cluster.example.test:6443');
    const resolver = () => Promise.resolve(['169.254.169.254']);
    await expect(connect({ kind: 'upload', kubeconfig }, { env: parseEnv({}), resolver })).rejects.toMatchObject({
      kind: 'invalid-input',
      field: 'clusters[0].cluster.server',
    });
  });
});

describe('DNS rebinding', () => {
  it('re-checks the host policy when connecting, not only before', async () => {
    const s = await fakeServer(() => version);
    // The pre-flight resolver says 10.1.1.1 (allowed); the system resolver then answers loopback, outside the list.
    const conn = await connect(
      { kind: 'upload', kubeconfig: testKubeconfig(`https://localhost:${s.port}`) },
      {
        env: parseEnv({ RELEASE_LENS_ALLOWED_API_HOSTS: '10.0.0.0/8' }),
        resolver: () => Promise.resolve(['10.1.1.1']),
      },
    );
    const error = await firstCallError(track(conn));
    expect(error).toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('allow-list') as unknown });
    expect(s.requests).toEqual([]);
  });
});

describe('local kubeconfig', () => {
  function writeLocal(server: string, user: Record<string, unknown>): string {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'ca.crt'), TEST_CA_PEM);
    const file = path.join(dir, 'config');
    const yaml = testKubeconfig(server).replace(/certificate-authority-data: .*/, 'certificate-authority: ca.crt');
    writeFileSync(file, yaml.replace(/user:\n {6}token: test-token/, `user: ${JSON.stringify(user)}`));
    return file;
  }

  it('resolves relative file paths and runs exec plugins, like kubectl', async () => {
    const s = await fakeServer(() => version);
    const credential = JSON.stringify({
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      kind: 'ExecCredential',
      status: { token: 'from-exec' },
    });
    const exec = {
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      command: process.execPath,
      args: ['-e', `console.log(${JSON.stringify(credential)})`],
    };
    const env = parseEnv({ KUBECONFIG: writeLocal(s.url, { exec }) });
    const conn = track(await connect({ kind: 'kubeconfig', context: 'test' }, { env }));
    await readServerVersion(conn);
    expect(s.requests[0]?.headers.authorization).toBe('Bearer from-exec');
    expect(conn.kubeconfigFacts?.users).toEqual([
      { name: 'scanner', execApiVersion: exec.apiVersion, execCommand: process.execPath },
    ]);
  });

  it('lists contexts without credentials, and nothing when local access is off', async () => {
    const env = parseEnv({ KUBECONFIG: writeLocal('https://127.0.0.1:6443', { token: 'abc' }) });
    expect(listLocalContexts(env)).toEqual([
      { name: 'test', cluster: 'test', server: '127.0.0.1:6443', current: true },
    ]);
    const off = parseEnv({ KUBECONFIG: env.KUBECONFIG, RELEASE_LENS_LOCAL_KUBECONFIG: 'false' });
    expect(listLocalContexts(off)).toEqual([]);
    await expect(connect({ kind: 'kubeconfig' }, { env: off })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('reads only an explicit kubeconfigPath (kubectl --kubeconfig), ignoring KUBECONFIG', async () => {
    const s = await fakeServer(() => version);
    const env = parseEnv({ KUBECONFIG: writeLocal('https://127.0.0.1:1', { token: 'from-env' }) });
    const kubeconfigPath = writeLocal(s.url, { token: 'from-flag' });
    const conn = track(await connect({ kind: 'kubeconfig' }, { env, kubeconfigPath }));
    await readServerVersion(conn);
    expect(s.requests[0]?.headers.authorization).toBe('Bearer from-flag');

    const missing = path.join(tempDir(), 'nope');
    await expect(connect({ kind: 'kubeconfig' }, { env, kubeconfigPath: missing })).rejects.toMatchObject({
      kind: 'not-found',
      message: expect.stringContaining(missing) as unknown,
    });
    await expect(connect({ kind: 'kubeconfig' }, { env, kubeconfigPath: tempDir() })).rejects.toMatchObject({
      kind: 'invalid-input',
      message: expect.stringContaining('EISDIR') as unknown,
    });
  });
});

describe('in-cluster service account', () => {
  it('uses the mounted token and CA, and the Pod namespace', async () => {
    const s = await fakeServer(() => version);
    const dir = tempDir();
    const env = parseEnv({ KUBERNETES_SERVICE_HOST: '127.0.0.1', KUBERNETES_SERVICE_PORT: String(s.port) });
    expect(isInClusterAvailable(env, dir)).toBe(false);
    writeFileSync(path.join(dir, 'token'), 'sa-token');
    writeFileSync(path.join(dir, 'ca.crt'), TEST_CA_PEM);
    writeFileSync(path.join(dir, 'namespace'), 'release-lens\n');
    expect(isInClusterAvailable(env, dir)).toBe(true);
    const conn = track(await connect({ kind: 'in-cluster' }, { env, serviceAccountDir: dir }));
    await readServerVersion(conn);
    expect(s.requests[0]?.headers.authorization).toBe('Bearer sa-token');
    // The API server is on the cluster's own network: nothing to gain from compressing.
    expect(s.requests[0]?.headers['accept-encoding']).toBe('identity');
    expect(conn.defaultNamespace).toBe('release-lens');
    expect(conn.source).toMatchObject({ kind: 'in-cluster', server: `https://127.0.0.1:${s.port}` });
  });
});
