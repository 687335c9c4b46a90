import { Agent, request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';

/** The connection details kubeRequest needs; a RunningCluster or its saved state both fit. */
export interface KubeTarget {
  server: string;
  caPem: string;
  tokens: { admin: string };
}

export interface KubeResponse<T = unknown> {
  status: number;
  headers: IncomingHttpHeaders;
  /** Parsed JSON when the response is JSON, otherwise the raw text. */
  body: T;
  text: string;
}

export interface KubeRequestOptions {
  /** Defaults: JSON for POST/PUT, merge patch for PATCH. */
  contentType?: string;
  query?: Record<string, string | number | boolean | undefined>;
  timeoutMs?: number;
  userAgent?: string;
}

export class KubeRequestError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly responseText: string,
  ) {
    super(`${method} ${path} -> ${status}: ${responseText.slice(0, 500)}`);
    this.name = 'KubeRequestError';
  }
}

// One keep-alive agent per CA, so bulk seeding reuses connections.
const agents = new Map<string, Agent>();
function agentFor(caPem: string): Agent {
  let agent = agents.get(caPem);
  if (!agent) {
    agent = new Agent({ ca: caPem, keepAlive: true, maxSockets: 64 });
    agents.set(caPem, agent);
  }
  return agent;
}

function withQuery(path: string, query: KubeRequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

/** Raw HTTPS call to the apiserver with a bearer token (admin unless given); never throws on HTTP status. */
export function kubeRequest<T = unknown>(
  cluster: KubeTarget,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
  opts: KubeRequestOptions = {},
): Promise<KubeResponse<T>> {
  const url = new URL(withQuery(path, opts.query), cluster.server);
  const payload =
    body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const headers: Record<string, string | number> = {
    Authorization: `Bearer ${token ?? cluster.tokens.admin}`,
    Accept: 'application/json',
    'User-Agent': opts.userAgent ?? 'release-lens-test-harness',
  };
  if (payload !== undefined) {
    headers['Content-Type'] =
      opts.contentType ?? (method === 'PATCH' ? 'application/merge-patch+json' : 'application/json');
    headers['Content-Length'] = Buffer.byteLength(payload);
  }
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, headers, agent: agentFor(cluster.caPem), timeout: opts.timeoutMs ?? 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          if ((res.headers['content-type'] ?? '').includes('json') && text) {
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = text;
            }
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed as T, text });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timed out`)));
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** kubeRequest that throws KubeRequestError unless the status is 2xx. */
export async function kubeOk<T = unknown>(
  cluster: KubeTarget,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
  opts?: KubeRequestOptions,
): Promise<T> {
  const res = await kubeRequest<T>(cluster, method, path, body, token, opts);
  if (res.status < 200 || res.status > 299) throw new KubeRequestError(method, path, res.status, res.text);
  return res.body;
}

/** Drops pooled connections for a server's CA (call after stopping it). */
export function closeAgent(caPem: string): void {
  agents.get(caPem)?.destroy();
  agents.delete(caPem);
}
