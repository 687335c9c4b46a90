/**
 * Browse benchmark: first-load JavaScript per route of the production build, and the server time to render
 * /changes with the full catalog. Run `npm run build` first, then `npm run bench:browse`.
 */
import { gzipSync } from 'node:zlib';
import { startApp, summarize } from './lib/next-server';

const ROUTES = ['/', '/changes', '/changes/dockershim-removal', '/apis', '/upgrade', '/impact', '/reports', '/fleet'];
const CHANGES_QUERIES = [
  '',
  '?release=1.25',
  '?release=1.24&sig=sig-node&stage=beta',
  '?q=pod+security',
  '?severity=breaking&action=1',
];

async function firstLoadJs(base: string, route: string): Promise<{ files: number; raw: number; gzip: number }> {
  const html = await (await fetch(base + route)).text();
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? '');
  const unique = [...new Set(srcs)].filter((s) => s.startsWith('/_next/'));
  let raw = 0;
  let gzip = 0;
  for (const src of unique) {
    const body = Buffer.from(await (await fetch(base + src)).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { files: unique.length, raw, gzip };
}

async function renderTimes(base: string, path: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    const res = await fetch(base + path);
    await res.text();
    times.push(performance.now() - start);
  }
  return times;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

const app = await startApp();
try {
  console.log('First-load JavaScript per route (production build, scripts referenced by the HTML):');
  console.log('route'.padEnd(32), 'files'.padStart(5), 'raw'.padStart(10), 'gzip'.padStart(10));
  for (const route of ROUTES) {
    const r = await firstLoadJs(app.url, route);
    console.log(route.padEnd(32), String(r.files).padStart(5), kb(r.raw).padStart(10), kb(r.gzip).padStart(10));
  }
  console.log('\nServer time to render /changes with the full catalog (30 requests each after 5 warm-up):');
  for (const q of CHANGES_QUERIES) {
    await renderTimes(app.url, `/changes${q}`, 5);
    const s = summarize(await renderTimes(app.url, `/changes${q}`, 30));
    console.log(`/changes${q}`.padEnd(48), `median ${ms(s.median)}`, `p95 ${ms(s.p95)}`);
  }
} finally {
  await app.stop();
}
