import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * The API server taken out of a scan's time: an HTTPS server on loopback that first stands in front of the real
 * API server and keeps every answer (status, headers and the body as sent, gzip included), then answers the same
 * requests from memory. A CLI scan against the replay does all of its own work (TLS, gzip, decoding, projection,
 * checks) while the server's share of the two cores (listing from etcd, converting, encoding) is gone: what is left
 * is the scanner's own time.
 */
export interface ReplayServer {
  /** https://127.0.0.1:PORT */
  url: string;
  /** The server's certificate, self-signed: the CA of the kubeconfig that points at it. */
  caPem: string;
  /** From now on, answers come from what was recorded; a request never seen is answered 404 and counted. */
  replay(): void;
  answers(): number;
  /** Requests answered so far, recorded or replayed. */
  requests(): number;
  misses(): number;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const keyOf = (req: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> }) =>
  [req.method, req.url, req.headers.accept ?? '', req.headers['accept-encoding'] ?? ''].join(' ');

/** A throw-away certificate for 127.0.0.1, made with openssl in `dir`. */
function selfSigned(dir: string): { key: string; cert: string } {
  const key = path.join(dir, 'replay-key.pem');
  const cert = path.join(dir, 'replay-cert.pem');
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'],
      ...['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert],
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

/** Starts recording in front of `upstream` (the cluster's server URL and CA); `dir` holds its certificate. */
export async function startReplay(upstream: { server: string; caPem: string }, dir: string): Promise<ReplayServer> {
  const tls = selfSigned(dir);
  const recorded = new Map<string, Answer>();
  const agent = new https.Agent({ keepAlive: true, ca: upstream.caPem });
  let replaying = false;
  let misses = 0;
  let requests = 0;

  const server = https.createServer(tls, (req, res) => {
    const key = keyOf(req);
    requests += 1;
    if (replaying) {
      const answer = recorded.get(key);
      if (!answer) {
        misses += 1;
        res.writeHead(404).end();
        return;
      }
      res.writeHead(answer.status, answer.headers).end(answer.body);
      return;
    }
    const target = new URL(req.url ?? '/', upstream.server);
    const forward = https.request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host }, agent },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          recorded.set(key, { status: answer.statusCode ?? 502, headers: answer.headers, body });
          res.writeHead(answer.statusCode ?? 502, answer.headers).end(body);
        });
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    caPem: tls.cert,
    replay: () => void (replaying = true),
    answers: () => recorded.size,
    requests: () => requests,
    misses: () => misses,
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
