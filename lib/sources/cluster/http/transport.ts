import 'server-only';
import type { Agent, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { classifyNetworkError, TransportError } from './transport-error';

/** A response with any status; the transport never throws on HTTP errors. */
export interface HttpResponse {
  status: number;
  body: string;
  contentType?: string;
  retryAfter?: string;
}

export interface GetOptions {
  accept?: string;
  signal?: AbortSignal;
  /** Keep only the lines this returns true for (streams /metrics without holding all of it). */
  keepLine?: (line: string) => boolean;
}

export interface TransportConfig {
  /** Base URL, e.g. https://10.0.0.1:6443 or https://host/prefix. */
  baseUrl: string;
  /** host:port for messages. */
  display: string;
  agent: Agent;
  /** Auth headers, asked for on each request so refreshed exec-plugin tokens are used. */
  headers: () => Promise<OutgoingHttpHeaders>;
  timeoutMs: number;
  /** Refuse bodies larger than this (decompressed), default 256 MiB. */
  maxBodyBytes?: number;
  userAgent?: string;
}

/** GET-only HTTP: the one way lib/sources/cluster talks to an API server, so no write verb can exist. */
export interface Transport {
  get(path: string, options?: GetOptions): Promise<HttpResponse>;
}

/** What the API server's audit log shows for a scan. */
export const DEFAULT_USER_AGENT = 'release-lens/0.1 (read-only scan)';

function readBody(res: IncomingMessage, maxBytes: number, keepLine?: (line: string) => boolean): Promise<string> {
  const stream: Readable = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
  return new Promise((resolve, reject) => {
    const chunks: string[] = [];
    let size = 0;
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      size += chunk.length;
      if (size > maxBytes) {
        res.destroy();
        reject(new TransportError('too-large', `The response was larger than ${Math.round(maxBytes / 2 ** 20)} MiB.`));
        return;
      }
      if (!keepLine) return void chunks.push(chunk);
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (keepLine(line)) chunks.push(line, '\n');
    });
    stream.on('end', () => {
      if (keepLine && partial && keepLine(partial)) chunks.push(partial);
      resolve(chunks.join(''));
    });
    stream.on('error', reject);
    res.on('error', reject);
    res.on('close', () => {
      if (!res.complete) reject(Object.assign(new Error('the response was cut off'), { code: 'ECONNRESET' }));
    });
  });
}

/** Builds the GET transport; each call has its own timeout and honours the caller's AbortSignal. */
export function createTransport(config: TransportConfig): Transport {
  const maxBytes = config.maxBodyBytes ?? 256 * 2 ** 20;
  const request = config.baseUrl.startsWith('https:') ? httpsRequest : httpRequest;

  async function get(path: string, options: GetOptions = {}): Promise<HttpResponse> {
    const timeout = AbortSignal.timeout(config.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const headers: OutgoingHttpHeaders = {
      ...(await config.headers()),
      Accept: options.accept ?? 'application/json',
      'Accept-Encoding': 'gzip',
      'User-Agent': config.userAgent ?? DEFAULT_USER_AGENT,
    };
    const url = new URL(config.baseUrl + path);
    try {
      signal.throwIfAborted();
      return await new Promise<HttpResponse>((resolve, reject) => {
        const req = request(url, { method: 'GET', agent: config.agent, headers, signal }, (res) => {
          readBody(res, maxBytes, options.keepLine).then(
            (body) =>
              resolve({
                status: res.statusCode ?? 0,
                body,
                contentType: res.headers['content-type'],
                retryAfter: res.headers['retry-after'],
              }),
            reject,
          );
        });
        req.on('error', reject);
        req.end();
      });
    } catch (error) {
      if (timeout.aborted) {
        throw new TransportError(
          'timeout',
          `${config.display} did not answer within ${config.timeoutMs} ms.`,
          'ETIMEOUT',
        );
      }
      if (options.signal?.aborted) throw new TransportError('aborted', 'The scan was cancelled.', 'ABORT_ERR');
      throw classifyNetworkError(error, config.display);
    }
  }

  return { get };
}
