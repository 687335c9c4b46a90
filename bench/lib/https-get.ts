import type { Agent } from 'node:https';
import { request } from 'node:https';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

export interface GetTextOptions {
  agent: Agent;
  token: string;
  accept: string;
  timeoutMs: number;
}

/** A bare HTTPS GET with a bearer token, gzip accepted like the product asks, the body as bytes. */
export function getBytes(
  url: URL,
  options: GetTextOptions,
): Promise<{ status: number; contentType: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        agent: options.agent,
        headers: {
          Authorization: `Bearer ${options.token}`,
          Accept: options.accept,
          'Accept-Encoding': 'gzip',
          'User-Agent': 'release-lens-bench/floor',
        },
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (res) => {
        const stream: Readable = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks),
          }),
        );
        stream.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}
