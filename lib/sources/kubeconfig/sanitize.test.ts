import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import type { UploadPolicy } from './policy';
import { sanitizeUploadedKubeconfig } from './sanitize';
import { kubeconfigYaml, PEM_DATA } from './test-kubeconfig';

const policy: UploadPolicy = { maxBytes: 64 * 1024, allowedHosts: [], allowLinkLocal: false };

function refusal(text: string, p: UploadPolicy = policy): AppError {
  try {
    sanitizeUploadedKubeconfig(text, p);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the kubeconfig to be refused');
}

describe('sanitizeUploadedKubeconfig', () => {
  it('keeps only inline data of the chosen context', () => {
    const k = sanitizeUploadedKubeconfig(kubeconfigYaml({ 'certificate-authority-data': PEM_DATA }), policy);
    expect(k).toMatchObject({
      context: 'ctx',
      namespace: 'team-a',
      server: { url: 'https://203.0.113.10:6443', host: '203.0.113.10', port: 6443, display: '203.0.113.10:6443' },
      caData: PEM_DATA,
      user: { name: 'u1', token: 'sekret-token-123' },
    });
  });

  it.each([
    [
      'exec',
      { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'aws' } },
      'users[0].user.exec',
      /ServiceAccount token/,
    ],
    [
      'auth-provider',
      { 'auth-provider': { name: 'gcp', config: {} } },
      'users[0].user.auth-provider',
      // The same fact as the kubectl-gcp-azure-auth-removal entry: accepted with a warning in 1.25, gone in 1.26.
      /kubectl 1\.25 still accepts gcp and azure with a deprecation warning; kubectl 1\.26 drops them.*ServiceAccount token/,
    ],
    ['tokenFile', { tokenFile: '/var/run/secrets/token' }, 'users[0].user.tokenFile', /inline.*token/],
    [
      'client-certificate',
      { 'client-certificate': '/etc/cert', 'client-key-data': PEM_DATA },
      'users[0].user.client-certificate',
      /client-certificate-data/,
    ],
    [
      'client-key',
      { 'client-key': 'key.pem', 'client-certificate-data': PEM_DATA },
      'users[0].user.client-key',
      /client-key-data/,
    ],
    ['any other *-file field', { token: 't', 'credentials-file': '/etc/x' }, 'users[0].user.credentials-file', /files/],
    ['username', { username: 'admin', password: 'pw' }, 'users[0].user.username', /basic authentication/],
    ['as-groups', { token: 't', as: 'x', 'as-groups': ['system:masters'] }, 'users[0].user.as-groups', /impersonat/],
    ['half a client certificate', { 'client-certificate-data': PEM_DATA }, 'users[0].user.client-key-data', /both/],
    [
      'non-PEM key data',
      { 'client-certificate-data': PEM_DATA, 'client-key-data': 'bm90IGEga2V5' },
      'users[0].user.client-key-data',
      /PEM/,
    ],
  ])('refuses user %s, naming the field', (_name, user, field, hint) => {
    const error = refusal(kubeconfigYaml({}, user));
    expect(error.kind).toBe('invalid-input');
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
    expect(error.message).toMatch(hint);
  });

  it.each([
    ['certificate-authority', { 'certificate-authority': '/etc/ca.crt' }, /certificate-authority-data/],
    ['proxy-url', { 'proxy-url': 'socks5://10.0.0.1:1080' }, /directly/],
    ['insecure-skip-tls-verify', { 'insecure-skip-tls-verify': true }, /certificate-authority-data/],
    ['ca-bundle-file', { 'ca-bundle-file': '/etc/x' }, /files/],
    ['certificate-authority-data', { 'certificate-authority-data': 'not base64 !!' }, /PEM/],
    ['server', { server: 'http://203.0.113.10:8080' }, /https/],
  ])('refuses cluster %s, naming the field', (key, cluster, hint) => {
    const error = refusal(kubeconfigYaml(cluster));
    expect(error.field).toBe(`clusters[0].cluster.${key}`);
    expect(error.message).toMatch(hint);
  });

  it('never echoes a token in an error', () => {
    const error = refusal(kubeconfigYaml({ 'proxy-url': 'http://p' }, { token: 'sekret-token-123' }));
    expect(JSON.stringify(error.toData())).not.toContain('sekret');
  });

  it('ignores entries the chosen context does not use', () => {
    const text = kubeconfigYaml(
      {},
      { token: 't' },
      {
        users: [
          { name: 'u1', user: { token: 't' } },
          {
            name: 'other',
            user: { exec: { command: 'gke-gcloud-auth-plugin', apiVersion: 'client.authentication.k8s.io/v1beta1' } },
          },
        ],
      },
    );
    expect(sanitizeUploadedKubeconfig(text, policy).user.token).toBe('t');
  });

  it.each([
    ['https://169.254.169.254', /link-local or cloud metadata/],
    ['https://[fe80::1]:6443', /link-local/],
    ['https://[fd00:ec2::254]', /metadata/],
    ['https://[::ffff:169.254.169.254]', /link-local/],
    ['https://metadata.google.internal', /metadata host name/],
    ['https://metadata', /metadata host name/],
    ['https://0.0.0.0:6443', /unspecified/],
  ])('refuses the API server %s', (server, reason) => {
    const error = refusal(kubeconfigYaml({ server }));
    expect(error.field).toBe('clusters[0].cluster.server');
    expect(error.message).toMatch(reason);
    expect(error.message).toContain('DANGEROUSLY_ALLOW_LINK_LOCAL_API_SERVERS');
  });

  it('allows link-local only behind the DANGEROUSLY_ switch, and loopback always', () => {
    const text = kubeconfigYaml({ server: 'https://169.254.169.254' });
    expect(sanitizeUploadedKubeconfig(text, { ...policy, allowLinkLocal: true }).server.host).toBe('169.254.169.254');
    expect(sanitizeUploadedKubeconfig(kubeconfigYaml({ server: 'https://127.0.0.1:6443' }), policy).server.port).toBe(
      6443,
    );
  });

  it('applies the allow-list to IP literals at once', () => {
    const p = { ...policy, allowedHosts: ['10.0.0.0/8', 'api.example.com'] };
    expect(sanitizeUploadedKubeconfig(kubeconfigYaml({ server: 'https://10.1.2.3' }), p).server.host).toBe('10.1.2.3');
    expect(refusal(kubeconfigYaml({ server: 'https://203.0.113.10' }), p).message).toContain(
      'RELEASE_LENS_ALLOWED_API_HOSTS',
    );
  });

  it('checks the size limit', () => {
    expect(refusal(kubeconfigYaml(), { ...policy, maxBytes: 100 }).kind).toBe('too-large');
  });
});
