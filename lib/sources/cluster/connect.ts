import 'server-only';
import { Agent as HttpAgent, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { env as readEnv, readBudgets, type Env } from '../../env';
import type { ReadBudgets } from '../../model/budgets';
import { AppError } from '../../errors';
import type { ServerAddress } from '../kubeconfig/server-url';
import type { KubeconfigFacts } from '../../model/snapshot';
import type { SnapshotSource } from '../../model/sources';
import type { Resolver } from './http/host-guard';
import { createTransport, type GetOptions, type HttpResponse } from './http/transport';
import { planConnection, type Plan } from './config/plan';
import { staticAuthOptions } from './config/static-auth';
import type { ClusterSource } from './config/types';

/** A live, read-only link to one API server. Plain methods only; client-node stays inside lib/sources/cluster. */
export interface ClusterConnection {
  readonly source: SnapshotSource;
  readonly server: ServerAddress;
  /** The context's namespace (or the service account's): where a scan falls back when cluster-wide reads are forbidden. */
  readonly defaultNamespace?: string;
  readonly kubeconfigFacts?: KubeconfigFacts;
  /** GET a path on the API server; never throws on HTTP status, throws TransportError when there is no response. */
  get(path: string, options?: GetOptions): Promise<HttpResponse>;
  /** Drops pooled connections. */
  close(): void;
}

export interface ConnectOptions {
  env?: Env;
  /** DNS resolver for the upload host check (tests inject one). */
  resolver?: Resolver;
  serviceAccountDir?: string;
  /** For the local kubeconfig source: read only this file (the CLI's `--kubeconfig`), not KUBECONFIG. */
  kubeconfigPath?: string;
  /** Overrides RELEASE_LENS_REQUEST_TIMEOUT_MS. */
  requestTimeoutMs?: number;
  /** User-Agent for the audit log, e.g. to tell CLI scans from dashboard scans. */
  userAgent?: string;
  /** What a response and the whole scan may read (default: from the settings). */
  budgets?: ReadBudgets;
}

/** Credentials that fail (a missing certificate file, a plugin that exits) are the context owner's to fix. */
function credentialError(error: unknown): AppError {
  // Local only (uploads cannot run plugins or read files): the plugin's own message helps its owner.
  const detail = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
  return new AppError('unauthorized', `Could not get credentials for this context: ${detail}`, undefined, {
    cause: error,
  });
}

async function applied(kc: KubeConfig): Promise<RequestOptions> {
  const options: RequestOptions = {};
  try {
    await kc.applyToHTTPSOptions(options);
  } catch (error) {
    throw credentialError(error);
  }
  return options;
}

/**
 * How each request gets its TLS material and headers: static credentials once, without client-node; credentials
 * that change between requests (or a proxy) through client-node, loaded only then.
 */
async function credentialsOf(p: Plan): Promise<() => Promise<RequestOptions>> {
  let fixed: RequestOptions | undefined;
  try {
    // Undefined for exec plugins, auth providers (token files and in-cluster too) and proxies.
    fixed = staticAuthOptions(p.inputs);
  } catch (error) {
    throw credentialError(error);
  }
  if (fixed) {
    const options = fixed;
    return () => Promise.resolve(options);
  }
  const kc = (await import('./config/client-config')).clientConfig(p.inputs);
  return () => applied(kc);
}

function headersOf(options: RequestOptions): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { ...(options.headers as OutgoingHttpHeaders | undefined) };
  if (options.auth) headers.Authorization = `Basic ${Buffer.from(options.auth).toString('base64')}`;
  return headers;
}

/** Opens a connection for a source: validates and sanitizes it, builds the TLS agent and credentials. Sends nothing yet. */
export async function connect(source: ClusterSource, options: ConnectOptions = {}): Promise<ClusterConnection> {
  const e = options.env ?? readEnv();
  const p = await planConnection(source, e, options);
  const credentials = await credentialsOf(p);
  const base = await credentials();
  const common = { keepAlive: true, maxSockets: 8, ...(p.lookup ? { lookup: p.lookup } : {}) };
  const agent =
    p.proxy && base.agent instanceof HttpAgent
      ? base.agent
      : p.server.protocol === 'https:'
        ? new HttpsAgent({
            ...common,
            ca: base.ca,
            cert: base.cert,
            key: base.key,
            servername: base.servername,
            rejectUnauthorized: base.rejectUnauthorized ?? true,
          })
        : new HttpAgent(common);
  const staticHeaders = headersOf(base);
  const budgets = options.budgets ?? readBudgets(e);
  const transport = createTransport({
    budgets,
    // One connection serves one scan: its byte budget counts every response.
    meter: { used: 0, limit: budgets.scanBytes },
    baseUrl: p.server.url,
    display: p.server.display,
    agent,
    timeoutMs: options.requestTimeoutMs ?? e.RELEASE_LENS_REQUEST_TIMEOUT_MS,
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    compression: p.compression,
    headers: p.dynamicAuth ? async () => headersOf(await credentials()) : () => Promise.resolve(staticHeaders),
  });
  return {
    source: p.source,
    server: p.server,
    ...(p.namespace ? { defaultNamespace: p.namespace } : {}),
    ...(p.facts ? { kubeconfigFacts: p.facts } : {}),
    get: (path, getOptions) => transport.get(path, getOptions),
    close: () => agent.destroy(),
  };
}
