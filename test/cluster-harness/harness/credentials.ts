import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { USERS, type Tokens, type UserKey } from './users';

export interface CredentialFiles {
  tokens: Tokens;
  tokenFile: string;
  serviceAccountKeyFile: string;
  auditPolicyFile: string;
}

const AUDIT_POLICY = `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: ["RequestReceived"]
rules:
  # The apiserver's own loopback traffic (controllers, bootstrap) is noise for tests.
  - level: None
    users: ["system:apiserver"]
  - level: Metadata
`;

function newToken(prefix: string): string {
  return `${prefix}-${randomBytes(16).toString('hex')}`;
}

/** Writes a fresh static token file, service-account signing key and audit policy into dir. */
export function writeCredentials(dir: string): CredentialFiles {
  const tokens: Tokens = {
    admin: newToken('adm'),
    reader: newToken('rdr'),
    teamA: newToken('tma'),
    nobody: newToken('nbd'),
  };
  const lines = (Object.keys(USERS) as UserKey[]).map((key) => {
    const user = USERS[key];
    // CSV: token,user,uid,"group1,group2"
    return `${tokens[key]},${user.name},uid-${user.name},"${user.groups.join(',')}"`;
  });
  const tokenFile = join(dir, 'tokens.csv');
  writeFileSync(tokenFile, lines.join('\n') + '\n', { mode: 0o600 });

  // One RSA key serves both --service-account-key-file and --service-account-signing-key-file.
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const serviceAccountKeyFile = join(dir, 'sa.key');
  writeFileSync(serviceAccountKeyFile, privateKey, { mode: 0o600 });

  const auditPolicyFile = join(dir, 'audit-policy.yaml');
  writeFileSync(auditPolicyFile, AUDIT_POLICY);
  return { tokens, tokenFile, serviceAccountKeyFile, auditPolicyFile };
}
