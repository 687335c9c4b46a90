import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { parseKubeconfig } from './parse';
import { kubeconfigYaml } from './test-kubeconfig';

const opts = { maxBytes: 64 * 1024 };

function failure(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('parseKubeconfig', () => {
  it('reads YAML into the typed model', () => {
    const config = parseKubeconfig(
      kubeconfigYaml({ 'certificate-authority': 'ca.crt', 'tls-server-name': 'api' }),
      opts,
    );
    expect(config.currentContext).toBe('ctx');
    expect(config.clusters[0]).toMatchObject({
      name: 'c1',
      index: 0,
      server: 'https://203.0.113.10:6443',
      caFile: 'ca.crt',
      tlsServerName: 'api',
    });
    expect(config.users[0]).toMatchObject({ name: 'u1', token: 'sekret-token-123' });
    expect(config.contexts[0]).toMatchObject({ name: 'ctx', cluster: 'c1', user: 'u1', namespace: 'team-a' });
  });

  it('reads JSON too', () => {
    const json = JSON.stringify({
      clusters: [{ name: 'c', cluster: { server: 'https://x:1/' } }],
      contexts: [],
      users: [],
    });
    expect(parseKubeconfig(json, opts).clusters[0]?.server).toBe('https://x:1');
  });

  it('keeps unknown keys visible for the sanitizer', () => {
    const config = parseKubeconfig(
      kubeconfigYaml({ 'ca-bundle-file': '/etc/x' }, { token: 't', 'extra-file': '/y' }),
      opts,
    );
    expect(config.clusters[0]?.otherFields).toEqual(['ca-bundle-file']);
    expect(config.users[0]?.otherFields).toEqual(['extra-file']);
  });

  it('reports malformed YAML with line and column, without quoting the input', () => {
    const text = 'apiVersion: v1\nusers:\n- name: u\n  user:\n    token: super-secret-token: oops\n';
    const error = failure(() => parseKubeconfig(text, opts));
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toMatch(/line 5, column \d+/);
    expect(error.message).not.toContain('super-secret-token');
  });

  it('refuses oversized input before parsing it', () => {
    const error = failure(() => parseKubeconfig('a: b\n'.repeat(20_000), { maxBytes: 1024 }));
    expect(error.kind).toBe('too-large');
    expect(error.message).toContain('RELEASE_LENS_MAX_KUBECONFIG_BYTES');
  });

  it('names the field of a schema violation', () => {
    const error = failure(() => parseKubeconfig(kubeconfigYaml({ server: 42 }), opts));
    expect(error.field).toBe('clusters[0].cluster.server');
  });

  it('refuses empty input and non-mappings', () => {
    expect(failure(() => parseKubeconfig('  \n', opts)).message).toContain('empty');
    expect(failure(() => parseKubeconfig('- a\n- b\n', opts)).message).toContain('not a kubeconfig');
  });
});

describe('duplicate keys', () => {
  it('refuses a key that appears twice in one mapping, naming its line', () => {
    const text = 'apiVersion: v1\nkind: Config\nclusters: []\nkind: Config\n';
    expect(failure(() => parseKubeconfig(text, opts)).message).toMatch(/a key appears twice .*line 4, column 1/);
  });

  it('allows the same key in different mappings', () => {
    const text =
      'clusters:\n- name: a\n  cluster: {server: "https://x:1"}\n- name: b\n  cluster: {server: "https://y:1"}\n';
    expect(parseKubeconfig(text, opts).clusters.map((c) => c.name)).toEqual(['a', 'b']);
  });

  it('finds a repeat at the end of a mapping of 33,000 short keys', () => {
    const keys = Array.from({ length: 33_000 }, (_, i) => `k${i}: 1`);
    const text = `${keys.join('\n')}\nk7: 2\n`;
    const error = failure(() => parseKubeconfig(text, { maxBytes: 1024 * 1024 }));
    expect(error.message).toMatch(/a key appears twice .*line 33001,/);
  });
});

describe('hostile shapes', () => {
  it('refuses deep nesting before parsing, without naming a server setting', () => {
    const text = `clusters: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    const error = failure(() => parseKubeconfig(text, { maxBytes: 1024 * 1024 }));
    expect(error.message).toBe('The kubeconfig has a shape no kubeconfig has: it is nested deeper than 32 levels.');
  });
});
