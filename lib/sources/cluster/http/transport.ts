import 'server-only';
import type { Agent, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { DEFAULT_BUDGETS, overBudget, type ReadBudgets } from '../../../model/budgets';
import { JsonItemStream, JsonStreamError, type JsonItemHandlers, type JsonTopLevel } from '../../../parsing/json-items';
import {
  PROTOBUF_CONTENT_TYPE,
  ProtobufListStream,
  ProtobufStreamError,
  type ProtobufListDecoder,
} from '../wire/protobuf-list';
import { classifyNetworkError, TransportError } from './transport-error';

/** A response with any status; the transport never throws on HTTP errors. */
export interface HttpResponse {
  status: number;
  /** The body as text; empty when a 200 answer's items were streamed to `items.onItem`. */
  body: string;
  contentType?: string;
  retryAfter?: string;
  /** For a streamed list: its top-level fields other than `items` (kind, metadata with the continue token). */
  fields?: Readonly<Record<string, unknown>>;
}

/** Hands each element of a 200 answer's `items` over as it is parsed, instead of returning the body. */
export interface ItemSink {
  onItem(item: unknown): void;
  /** An element over a read budget, not parsed; `reason` names the budget and its setting. */
  onSkipped(reason: string): void;
  /** A top-level field other than `items`, as soon as it is parsed (a page's metadata precedes its items). */
  onField?(name: string, value: unknown): void;
  /** Each item's metadata.managedFields arrives as `[]`, never parsed (lib/parsing/json-items.ts). */
  dropManagedFields?: boolean;
  /** How to read the answer when the server sends protobuf (asked for with its Accept): lib/sources/cluster/wire. */
  protobuf?: ProtobufSink;
}

export interface ProtobufSink {
  /** The decoder of the list's messages within the budgets (built once per set of budgets). */
  decoderFor(budgets: ReadBudgets): ProtobufListDecoder;
  /** An error answer's Status as JSON text, for the messages the JSON answers give. */
  statusJson(body: Buffer): string | undefined;
}

export interface GetOptions {
  accept?: string;
  signal?: AbortSignal;
  /** Keep only the lines this returns true for (streams /metrics without holding all of it). */
  keepLine?: (line: string) => boolean;
  /** Stream the items of a list (a LIST page) instead of returning its body. */
  items?: ItemSink;
}

/** Decompressed bytes read so far by one scan, against its budget; shared by every request of the scan. */
export interface ByteMeter {
  used: number;
  readonly limit: number;
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
  /** What one response and one scan may read (DEFAULT_BUDGETS when absent). */
  budgets?: ReadBudgets;
  /** The scan's running total, when the connection serves one scan. */
  meter?: ByteMeter;
  userAgent?: string;
  /**
   * Ask for gzip (the default, as kubectl does): a 50,000-pod cluster is 10 times fewer bytes on the wire, for CPU
   * on both ends. Off for kubeconfigs that say `disable-compression: true` and inside the cluster.
   */
  compression?: boolean;
}

/** GET-only HTTP: the one way lib/sources/cluster talks to an API server, so no write verb can exist. */
export interface Transport {
  get(path: string, options?: GetOptions): Promise<HttpResponse>;
}

/** What the API server's audit log shows for a scan. */
export const DEFAULT_USER_AGENT = 'release-lens/0.1 (read-only scan)';

interface BodyLimits {
  budgets: ReadBudgets;
  meter: ByteMeter;
  /** The largest body kept as text: an object's budget (a list's items are streamed instead). */
  textBytes: number;
}

function overLimit(what: string): TransportError {
  return new TransportError('too-large', what);
}

/**
 * Reads a response body within the budgets, counting decompressed bytes as they arrive (a gzip bomb stops at the
 * budget, not after inflating): streamed item by item when a sink is given and the answer is 200, else as text.
 */
function readBody(
  res: IncomingMessage,
  limits: BodyLimits,
  options: GetOptions,
): Promise<{ body: string; fields?: Readonly<Record<string, unknown>> }> {
  // Inflated in 64 KiB pieces rather than zlib's 16 KiB: a 50,000-pod cluster's pages then cost a quarter of the
  // stream callbacks (0.6 s of a 9 s scan on 2 cores).
  const stream: Readable =
    res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip({ chunkSize: 64 * 1024 })) : res;
  const sink = res.statusCode === 200 ? options.items : undefined;
  const { budgets, meter } = limits;
  const wire = String(res.headers['content-type'] ?? '').startsWith(PROTOBUF_CONTENT_TYPE)
    ? options.items?.protobuf
    : undefined;
  const handlers: JsonItemHandlers | undefined = sink && {
    item: (v) => sink.onItem(v),
    skipped: (_, reason) => sink.onSkipped(reason),
    field: (name, value) => sink.onField?.(name, value),
  };
  const reader: { write(chunk: Buffer): void; end(): JsonTopLevel } | undefined =
    sink && handlers
      ? wire
        ? new ProtobufListStream(budgets, wire.decoderFor(budgets), handlers)
        : new JsonItemStream(budgets, handlers, { dropManagedFields: sink.dropManagedFields === true })
      : undefined;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let kept = 0;
    let partial = '';
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      res.destroy();
      reject(
        error instanceof JsonStreamError
          ? new TransportError('invalid-response', `The API server sent invalid JSON: ${error.message}.`)
          : error instanceof ProtobufStreamError
            ? new TransportError(
                'invalid-response',
                `The API server sent an invalid protobuf answer: ${error.message}.`,
              )
            : error instanceof Error
              ? error
              : new Error(String(error)),
      );
    };
    stream.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      meter.used += chunk.length;
      if (size > budgets.responseBytes) {
        return fail(
          overLimit(
            `The response was larger than ${overBudget('responseBytes', budgets.responseBytes)} decompressed; it was not read.`,
          ),
        );
      }
      if (meter.used > meter.limit) {
        return fail(
          overLimit(
            `The scan has read ${overBudget('scanBytes', meter.limit)} from this API server; the rest was not read.`,
          ),
        );
      }
      try {
        if (reader) return reader.write(chunk);
        if (options.keepLine) {
          const lines = (partial + chunk.toString('utf8')).split('\n');
          partial = lines.pop() ?? '';
          for (const line of lines)
            if (options.keepLine(line)) {
              kept += line.length + 1;
              chunks.push(Buffer.from(`${line}\n`));
            }
        } else {
          kept += chunk.length;
          chunks.push(chunk);
        }
        if (kept > limits.textBytes) {
          fail(
            overLimit(`The response was larger than ${overBudget('objectBytes', limits.textBytes)}; it was not read.`),
          );
        }
      } catch (error) {
        fail(error);
      }
    });
    stream.on('end', () => {
      if (settled) return;
      try {
        if (reader) {
          const top = reader.end();
          settled = true;
          return resolve({ body: '', fields: top.fields });
        }
        if (options.keepLine && partial && options.keepLine(partial)) chunks.push(Buffer.from(partial));
        settled = true;
        const bytes = Buffer.concat(chunks);
        // An error answer in protobuf (a 403, a 410 on an expired continue token) holds a Status.
        resolve({ body: (wire && wire.statusJson(bytes)) ?? bytes.toString('utf8') });
      } catch (error) {
        fail(error);
      }
    });
    stream.on('error', fail);
    res.on('error', fail);
    res.on('close', () => {
      if (!res.complete) fail(Object.assign(new Error('the response was cut off'), { code: 'ECONNRESET' }));
    });
  });
}

/** Builds the GET transport; each call has its own timeout and honours the caller's AbortSignal. */
export function createTransport(config: TransportConfig): Transport {
  const budgets = config.budgets ?? DEFAULT_BUDGETS;
  const limits: BodyLimits = {
    budgets,
    meter: config.meter ?? { used: 0, limit: budgets.scanBytes },
    textBytes: budgets.objectBytes,
  };
  const request = config.baseUrl.startsWith('https:') ? httpsRequest : httpRequest;

  async function get(path: string, options: GetOptions = {}): Promise<HttpResponse> {
    const timeout = AbortSignal.timeout(config.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const headers: OutgoingHttpHeaders = {
      ...(await config.headers()),
      Accept: options.accept ?? 'application/json',
      'Accept-Encoding': config.compression === false ? 'identity' : 'gzip',
      'User-Agent': config.userAgent ?? DEFAULT_USER_AGENT,
    };
    const url = new URL(config.baseUrl + path);
    try {
      signal.throwIfAborted();
      return await new Promise<HttpResponse>((resolve, reject) => {
        const req = request(url, { method: 'GET', agent: config.agent, headers, signal }, (res) => {
          readBody(res, limits, options).then(
            ({ body, fields }) =>
              resolve({
                status: res.statusCode ?? 0,
                body,
                contentType: res.headers['content-type'],
                retryAfter: res.headers['retry-after'],
                ...(fields ? { fields } : {}),
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
