import 'server-only';
import { createServer as createHttpsServer } from 'node:https';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_SERVER_CERT_PEM, TEST_SERVER_KEY_PEM } from './test-certs';

/** A request as the fake API server saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
}

export interface FakeResponse {
  status?: number;
  json?: unknown;
  text?: string;
  /** Sent as is, e.g. gzip bytes with a Content-Encoding header. */
  raw?: Buffer;
  headers?: Record<string, string>;
  /** Sends the first `bytes` of the body, waits `ms`, then the rest: an API server still writing a big page. */
  pause?: { bytes: number; ms: number };
}

/** Answers a request, or undefined for 404. */
export type FakeHandler = (req: SeenRequest) => FakeResponse | undefined | Promise<FakeResponse | undefined>;

export interface FakeApiServer {
  url: string;
  port: number;
  requests: SeenRequest[];
  /** In order: `start <path>?<query>` when a request arrives, `end <path>?<query>` when its answer is sent. */
  events: string[];
  close(): Promise<void>;
}

function answer(res: ServerResponse, r: FakeResponse | undefined, onEnd: () => void): void {
  const out = r ?? {
    status: 404,
    json: { kind: 'Status', status: 'Failure', message: 'the server could not find the requested resource', code: 404 },
  };
  const body = out.raw ?? (out.json !== undefined ? JSON.stringify(out.json) : (out.text ?? ''));
  res.writeHead(out.status ?? 200, {
    'Content-Type': out.json !== undefined || out.raw !== undefined ? 'application/json' : 'text/plain',
    ...out.headers,
  });
  if (out.pause) {
    const bytes = Buffer.from(body);
    res.write(bytes.subarray(0, out.pause.bytes));
    setTimeout(() => {
      res.end(bytes.subarray(out.pause?.bytes ?? 0));
      onEnd();
    }, out.pause.ms);
    return;
  }
  res.end(body);
  onEnd();
}

/** An HTTPS server on 127.0.0.1 (certificate signed by TEST_CA_PEM) that records requests and asks `handler`. */
export async function startFakeApiServer(handler: FakeHandler, cert = TEST_SERVER_CERT_PEM): Promise<FakeApiServer> {
  const requests: SeenRequest[] = [];
  const events: string[] = [];
  const server: Server = createHttpsServer({ cert, key: TEST_SERVER_KEY_PEM }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://fake');
    const seen: SeenRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
    };
    requests.push(seen);
    const name = `${url.pathname}?${url.searchParams.toString()}`;
    events.push(`start ${name}`);
    const onEnd = () => void events.push(`end ${name}`);
    Promise.resolve(handler(seen)).then(
      (r) => answer(res, r, onEnd),
      (error: unknown) => answer(res, { status: 500, json: { message: String(error) } }, onEnd),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    requests,
    events,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A Kubernetes Status body. */
export const status = (code: number, message: string): FakeResponse => ({
  status: code,
  json: { kind: 'Status', apiVersion: 'v1', status: 'Failure', message, code },
});
