/** Requests the hostile suite and its benchmark send to the server under test. */
import { request as httpRequest } from 'node:http';
import type { Report } from '../../lib/model/report';
import { renderText } from '../../lib/model/text';
import { endlessUpload } from './inputs';

export interface ScanAnswer {
  status: number;
  report?: Report;
  error?: { kind: string; message: string };
  retryAfter: string | null;
}

/** POSTs to /api/scan and reads the NDJSON answer to its last line. */
export async function scan(url: string, body: BodyInit, headers: Record<string, string> = {}): Promise<ScanAnswer> {
  const res = await fetch(`${url}/api/scan`, { method: 'POST', body, headers });
  const text = await res.text();
  const retryAfter = res.headers.get('retry-after');
  if (!res.ok) {
    return { status: res.status, error: (JSON.parse(text) as { error: ScanAnswer['error'] }).error, retryAfter };
  }
  const last = JSON.parse(text.trim().split('\n').at(-1) ?? '{}') as {
    report?: Report;
    error?: ScanAnswer['error'];
  };
  return {
    status: res.status,
    ...(last.report ? { report: last.report } : {}),
    ...(last.error ? { error: last.error } : {}),
    retryAfter,
  };
}

/** A snapshot upload form with one file. */
export function upload(name: string, content: string | Buffer): FormData {
  const form = new FormData();
  form.append('target', '1.25');
  form.append('snapshot', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  return form;
}

/** A repository upload form: one archive in the `repository` part. */
export function repositoryUpload(name: string, content: Buffer): FormData {
  const form = new FormData();
  form.append('target', '1.25');
  form.append('repository', new Blob([new Uint8Array(content)]), name);
  return form;
}

/** Scans with a pasted kubeconfig. */
export const pasted = (url: string, kubeconfig: string): Promise<ScanAnswer> =>
  scan(url, JSON.stringify({ target: '1.25', source: { kind: 'upload', kubeconfig } }), {
    'Content-Type': 'application/json',
  });

/** Scans the demo cluster. */
export const demo = (url: string): Promise<ScanAnswer> =>
  scan(url, JSON.stringify({ target: '1.25', source: { kind: 'demo' } }), { 'Content-Type': 'application/json' });

/** The notes of a report as `kind: text`. */
export const notes = (r: Report | undefined): string[] =>
  (r?.notes ?? []).map((n) => `${n.kind}: ${renderText(n.message)}`);

/**
 * Streams a multipart upload of `bytes` without a Content-Length (chunked) until the server answers, then stops
 * sending: what a client does that ignores every limit.
 */
export function chunkedUpload(url: string, bytes: number): Promise<{ status: number; body: string }> {
  const boundary = 'hostile-boundary';
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      new URL(`${url}/api/scan`),
      { method: 'POST', headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    void (async () => {
      for await (const chunk of endlessUpload(boundary, bytes)) {
        if (req.destroyed || req.writableEnded) return;
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      }
      req.end();
    })().catch(() => undefined);
  });
}
