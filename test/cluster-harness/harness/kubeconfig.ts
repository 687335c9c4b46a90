import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import type { Tokens } from './users';

const CLUSTER_NAME = 'release-lens-test';

/** A kubeconfig with contexts admin, reader, team-a and nobody; the CA is inline so the file is self-contained. */
export function buildKubeconfig(server: string, caPem: string, tokens: Tokens): string {
  const users = [
    { name: 'admin', user: { token: tokens.admin } },
    { name: 'reader', user: { token: tokens.reader } },
    { name: 'team-a', user: { token: tokens.teamA } },
    { name: 'nobody', user: { token: tokens.nobody } },
  ];
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: CLUSTER_NAME,
        cluster: { server, 'certificate-authority-data': Buffer.from(caPem).toString('base64') },
      },
    ],
    users,
    contexts: users.map((u) => ({
      name: u.name,
      context: { cluster: CLUSTER_NAME, user: u.name, ...(u.name === 'team-a' ? { namespace: 'team-a' } : {}) },
    })),
    'current-context': 'admin',
    preferences: {},
  });
}

export function writeKubeconfig(path: string, yaml: string): void {
  writeFileSync(path, yaml, { mode: 0o600 });
}
