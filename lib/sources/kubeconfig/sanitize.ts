import { isIP } from 'node:net';
import { AppError } from '../../errors';
import type { KubeconfigFacts } from '../../model/snapshot';
import { extractKubeconfigFacts } from './facts';
import { assertHostAllowed, assertHostNotForbidden } from './host-policy';
import type { KubeconfigCluster, KubeconfigUser } from './model';
import { parseKubeconfig } from './parse';
import type { UploadPolicy } from './policy';
import { selectContext } from './select';
import { parseServerUrl, type ServerAddress } from './server-url';

/** An uploaded kubeconfig reduced to one context with inline credentials only: nothing here can read a file or run a command. */
export interface SanitizedKubeconfig {
  context: string;
  namespace?: string;
  server: ServerAddress;
  /** The field holding the server URL, for errors found later (DNS checks). */
  serverField: string;
  caData?: string;
  tlsServerName?: string;
  disableCompression: boolean;
  user: { name: string; token?: string; certData?: string; keyData?: string; impersonateUser?: string };
  facts: KubeconfigFacts;
}

const INLINE = 'Put the content inline instead (`kubectl config view --minify --flatten` does this for you)';
const USE_TOKEN =
  'Use a ServiceAccount token instead (see deploy/release-lens-clusterrole.yaml and `kubectl create token`), ' +
  'or run Release Lens on your own machine, where your kubeconfig works as it does for kubectl';

const refuse = (field: string, why: string): never => {
  throw new AppError('invalid-input', `${field}: ${why}.`, field);
};

// Anything that names a file the server would read: the known keys, and any unknown `*-file`/`*File`/`*-path` key.
const looksLikePath = (key: string): boolean => /(-file|File|-path|Path)$/.test(key);

function checkBase64Pem(field: string, value: string | undefined, kind: string): void {
  if (value === undefined) return;
  const decoded = /^[A-Za-z0-9+/=\s]+$/.test(value) ? Buffer.from(value, 'base64').toString('latin1') : '';
  if (!decoded.includes('-----BEGIN')) refuse(field, `must be the base64 encoding of a PEM ${kind}`);
}

/** [refuse when, field under the entry, why]; the first match is reported. */
type Rule = readonly [boolean, string, string];

function refuseFirst(prefix: string, rules: readonly Rule[]): void {
  const hit = rules.find(([when]) => when);
  if (hit) refuse(`${prefix}.${hit[1]}`, hit[2]);
}

const NO_FILES = 'an uploaded kubeconfig cannot point at files on this server';

function checkCluster(c: KubeconfigCluster): void {
  const f = `clusters[${c.index}].cluster`;
  const pathField = c.otherFields.find(looksLikePath);
  refuseFirst(f, [
    [c.caFile !== undefined, 'certificate-authority', `${NO_FILES}. ${INLINE}: certificate-authority-data`],
    [
      c.proxyUrl !== undefined,
      'proxy-url',
      'an uploaded kubeconfig must reach the API server directly; a proxy would reach hosts the allow-list does not cover',
    ],
    [
      c.insecureSkipTlsVerify,
      'insecure-skip-tls-verify',
      "without TLS verification the token would go to whoever answers; add the cluster's CA as certificate-authority-data",
    ],
    [pathField !== undefined, pathField ?? '', NO_FILES],
  ]);
  checkBase64Pem(`${f}.certificate-authority-data`, c.caData, 'certificate');
}

function checkUser(u: KubeconfigUser): void {
  const f = `users[${u.index}].user`;
  const imp = u.impersonate;
  const pathField = u.otherFields.find(looksLikePath);
  const basic = u.username !== undefined ? 'username' : 'password';
  const impField = imp?.uid !== undefined ? 'as-uid' : imp?.groups.length ? 'as-groups' : 'as-user-extra';
  refuseFirst(f, [
    [
      u.exec !== undefined,
      'exec',
      `exec credential plugins (here \`${u.exec?.command}\`) would run a command on this server. ${USE_TOKEN}`,
    ],
    [
      u.authProvider !== undefined,
      'auth-provider',
      `auth providers (here "${u.authProvider?.name}") refresh tokens through files and commands, which cannot run here (kubectl 1.25 still accepts gcp and azure with a deprecation warning; kubectl 1.26 drops them). ${USE_TOKEN}`,
    ],
    [u.tokenFile !== undefined, 'tokenFile', `${NO_FILES}. ${INLINE}: token`],
    [u.certFile !== undefined, 'client-certificate', `${NO_FILES}. ${INLINE}: client-certificate-data`],
    [u.keyFile !== undefined, 'client-key', `${NO_FILES}. ${INLINE}: client-key-data`],
    [
      u.username !== undefined || u.password !== undefined,
      basic,
      `basic authentication was removed from kube-apiserver in 1.19, and a password should not be sent to a shared server. ${USE_TOKEN}`,
    ],
    [
      imp !== undefined && (imp.uid !== undefined || imp.groups.length > 0 || Object.keys(imp.extra).length > 0),
      impField,
      'impersonating groups, UIDs or extra attributes is not supported; keep only `as`, or use the identity directly',
    ],
    [pathField !== undefined, pathField ?? '', NO_FILES],
    [
      (u.certData === undefined) !== (u.keyData === undefined),
      u.certData === undefined ? 'client-certificate-data' : 'client-key-data',
      'a client certificate needs both client-certificate-data and client-key-data',
    ],
  ]);
  checkBase64Pem(`${f}.client-certificate-data`, u.certData, 'certificate');
  checkBase64Pem(`${f}.client-key-data`, u.keyData, 'private key');
}

/**
 * Validates a kubeconfig pasted or uploaded in the browser (hosted mode) and keeps only what the chosen context needs.
 * Refuses exec plugins, auth providers, every file path, proxies, basic auth and insecure TLS, naming the field.
 * Host names are checked again after DNS resolution when connecting (lib/sources/cluster).
 */
export function sanitizeUploadedKubeconfig(text: string, policy: UploadPolicy, context?: string): SanitizedKubeconfig {
  const config = parseKubeconfig(text, { maxBytes: policy.maxBytes, label: 'The uploaded kubeconfig' });
  const resolved = selectContext(config, context);
  const { cluster, user } = resolved;
  checkCluster(cluster);
  if (user) checkUser(user);

  const serverField = `clusters[${cluster.index}].cluster.server`;
  const server = parseServerUrl(cluster.server, serverField);
  if (server.protocol !== 'https:')
    refuse(serverField, 'must be an https:// URL, so the token is not sent in clear text');
  if (isIP(server.host)) assertHostAllowed(server.host, [server.host], policy, serverField);
  else assertHostNotForbidden(server.host, policy, serverField);

  return {
    context: resolved.context.name,
    namespace: resolved.context.namespace,
    server,
    serverField,
    caData: cluster.caData,
    tlsServerName: cluster.tlsServerName,
    disableCompression: cluster.disableCompression,
    user: {
      name: user?.name ?? '',
      token: user?.token,
      certData: user?.certData,
      keyData: user?.keyData,
      impersonateUser: user?.impersonate?.user,
    },
    facts: extractKubeconfigFacts(config, resolved.context.name),
  };
}
