import { stringify } from 'yaml';

/** Test helper: a one-context kubeconfig as YAML, with cluster and user fields overridable. */
export function kubeconfigYaml(
  cluster: Record<string, unknown> = {},
  user: Record<string, unknown> = { token: 'sekret-token-123' },
  extra: Record<string, unknown> = {},
): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c1', cluster: { server: 'https://203.0.113.10:6443', ...cluster } }],
    users: [{ name: 'u1', user }],
    contexts: [{ name: 'ctx', context: { cluster: 'c1', user: 'u1', namespace: 'team-a' } }],
    'current-context': 'ctx',
    ...extra,
  });
}

/** A base64 PEM-looking value that passes the sanitizer's shape check. */
export const PEM_DATA = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString(
  'base64',
);
