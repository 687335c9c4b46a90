import type { ReadBudgets } from '../../../model/budgets';
import 'server-only';
import { stringify } from 'yaml';
import { parseEnv } from '../../../env';
import { connect, type ClusterConnection } from '../connect';
import { TEST_CA_PEM } from './test-certs';

/** An uploaded-style kubeconfig for a local test server (inline CA and token). */
export function testKubeconfig(
  server: string,
  opts: { token?: string; caPem?: string; cluster?: Record<string, unknown>; namespace?: string } = {},
): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'test',
        cluster: {
          server,
          'certificate-authority-data': Buffer.from(opts.caPem ?? TEST_CA_PEM).toString('base64'),
          ...opts.cluster,
        },
      },
    ],
    users: [{ name: 'scanner', user: { token: opts.token ?? 'test-token' } }],
    contexts: [
      {
        name: 'test',
        context: { cluster: 'test', user: 'scanner', ...(opts.namespace ? { namespace: opts.namespace } : {}) },
      },
    ],
    'current-context': 'test',
  });
}

/** Connects to a local test server through the upload path (sanitizer, host policy, inline credentials). */
export function connectTest(
  server: string,
  opts: Parameters<typeof testKubeconfig>[1] & { timeoutMs?: number; budgets?: ReadBudgets } = {},
): Promise<ClusterConnection> {
  return connect(
    { kind: 'upload', kubeconfig: testKubeconfig(server, opts) },
    { env: parseEnv({}), requestTimeoutMs: opts.timeoutMs ?? 5000, ...(opts.budgets ? { budgets: opts.budgets } : {}) },
  );
}
