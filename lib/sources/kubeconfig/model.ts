import type { RawAuthProvider, RawCluster, RawExec, RawKubeconfig, RawUser } from './schema';

/** A kubeconfig as plain typed data; each entry keeps its list position for error messages (`users[2].user.exec`). */
export interface Kubeconfig {
  clusters: KubeconfigCluster[];
  users: KubeconfigUser[];
  contexts: KubeconfigContext[];
  currentContext?: string;
}

export interface KubeconfigCluster {
  name: string;
  index: number;
  server: string;
  caData?: string;
  caFile?: string;
  insecureSkipTlsVerify: boolean;
  tlsServerName?: string;
  proxyUrl?: string;
  /** kubectl's `disable-compression`: ask for uncompressed answers (faster where the network is not the limit). */
  disableCompression: boolean;
  /** Keys of the entry this model does not interpret (the sanitizer looks for file paths among them). */
  otherFields: string[];
}

export interface ExecConfig {
  apiVersion?: string;
  command: string;
  args: string[];
  env: { name: string; value: string }[];
  provideClusterInfo: boolean;
  interactiveMode?: string;
}

export interface KubeconfigUser {
  name: string;
  index: number;
  token?: string;
  tokenFile?: string;
  certData?: string;
  certFile?: string;
  keyData?: string;
  keyFile?: string;
  username?: string;
  password?: string;
  impersonate?: { user?: string; uid?: string; groups: string[]; extra: Record<string, string[]> };
  exec?: ExecConfig;
  authProvider?: { name: string; config: Record<string, string> };
  otherFields: string[];
}

export interface KubeconfigContext {
  name: string;
  index: number;
  cluster: string;
  user: string;
  namespace?: string;
}

const CLUSTER_KEYS = new Set([
  'server',
  'certificate-authority',
  'certificate-authority-data',
  'insecure-skip-tls-verify',
  'tls-server-name',
  'proxy-url',
  'disable-compression',
  // Harmless: kubectl only uses this for metadata.
  'extensions',
]);
const USER_KEYS = new Set([
  'token',
  'tokenFile',
  'client-certificate',
  'client-certificate-data',
  'client-key',
  'client-key-data',
  'username',
  'password',
  'as',
  'as-uid',
  'as-groups',
  'as-user-extra',
  'exec',
  'auth-provider',
  'extensions',
]);

const present = (v: string | undefined): string | undefined => (v === undefined || v === '' ? undefined : v);
const otherKeys = (obj: object, known: Set<string>): string[] => Object.keys(obj).filter((k) => !known.has(k));

function toCluster(name: string, index: number, c: RawCluster): KubeconfigCluster {
  return {
    name,
    index,
    // kubectl and client-node both drop one trailing slash.
    server: c.server.replace(/\/$/, ''),
    caData: present(c['certificate-authority-data']),
    caFile: present(c['certificate-authority']),
    insecureSkipTlsVerify: c['insecure-skip-tls-verify'] === true,
    tlsServerName: present(c['tls-server-name']),
    proxyUrl: present(c['proxy-url']),
    disableCompression: c['disable-compression'] === true,
    otherFields: otherKeys(c, CLUSTER_KEYS),
  };
}

function toExec(e: RawExec): ExecConfig {
  return {
    apiVersion: present(e.apiVersion),
    command: e.command,
    args: e.args ?? [],
    env: (e.env ?? []).map(({ name, value }) => ({ name, value })),
    provideClusterInfo: e.provideClusterInfo === true,
    interactiveMode: present(e.interactiveMode),
  };
}

const toAuthProvider = (a: RawAuthProvider) => ({ name: a.name, config: { ...(a.config ?? {}) } });

function toUser(name: string, index: number, u: RawUser | null | undefined): KubeconfigUser {
  if (!u) return { name, index, otherFields: [] };
  const groups = u['as-groups'] ?? [];
  const extra = u['as-user-extra'] ?? {};
  const impersonating = present(u.as) ?? present(u['as-uid']) ?? (groups.length || Object.keys(extra).length);
  return {
    name,
    index,
    token: present(u.token),
    tokenFile: present(u.tokenFile),
    certData: present(u['client-certificate-data']),
    certFile: present(u['client-certificate']),
    keyData: present(u['client-key-data']),
    keyFile: present(u['client-key']),
    username: present(u.username),
    password: present(u.password),
    impersonate: impersonating ? { user: present(u.as), uid: present(u['as-uid']), groups, extra } : undefined,
    exec: u.exec ? toExec(u.exec) : undefined,
    authProvider: u['auth-provider'] ? toAuthProvider(u['auth-provider']) : undefined,
    otherFields: otherKeys(u, USER_KEYS),
  };
}

/** Reshapes a validated wire kubeconfig into the typed model. */
export function toKubeconfig(raw: RawKubeconfig): Kubeconfig {
  return {
    clusters: (raw.clusters ?? []).map((c, i) => toCluster(c.name, i, c.cluster)),
    users: (raw.users ?? []).map((u, i) => toUser(u.name, i, u.user)),
    contexts: (raw.contexts ?? []).map((c, i) => ({
      name: c.name,
      index: i,
      cluster: c.context.cluster,
      user: c.context.user,
      namespace: present(c.context.namespace),
    })),
    currentContext: present(raw['current-context']),
  };
}
