/**
 * A TCP proxy on loopback that can hold new connections: while paused, a client's bytes wait unanswered, as with a
 * hung API server. TLS passes through untouched, so the client still checks the real server's certificate.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface PauseProxy {
  port: number;
  pause(): void;
  /** Forwards the held connections (those whose client is still there) and every new one. */
  resume(): void;
  /** Connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

export async function startPauseProxy(target: { host: string; port: number }): Promise<PauseProxy> {
  let paused = false;
  let accepted = 0;
  const held: Socket[] = [];
  const sockets = new Set<Socket>();
  const forward = (client: Socket) => {
    if (client.destroyed) return;
    const upstream = connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  };
  const server = createServer((client) => {
    accepted += 1;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (paused) {
      client.pause();
      held.push(client);
    } else forward(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
      for (const c of held.splice(0)) {
        c.resume();
        forward(c);
      }
    },
    connections: () => accepted,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
