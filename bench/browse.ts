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

interface Script {
  src: string;
  raw: number;
  gzip: number;
}

/**
 * The scripts a browser with ES modules loads for a route: every `<script src>` of the HTML except `noModule` ones
 * (Next.js's legacy polyfills, which such a browser neither downloads nor runs), with their raw and gzip sizes.
 */
async function firstLoadJs(base: string, route: string, sizes: Map<string, Script>): Promise<Script[]> {
  const html = await (await fetch(base + route)).text();
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  const srcs = tags.filter((t) => !/\snomodule\b/i.test(t)).map((t) => /\ssrc="([^"]+)"/.exec(t)?.[1] ?? '');
  const unique = [...new Set(srcs)].filter((s) => s.startsWith('/_next/'));
  const scripts: Script[] = [];
  for (const src of unique) {
    let script = sizes.get(src);
    if (!script) {
      const body = Buffer.from(await (await fetch(base + src)).arrayBuffer());
      script = { src, raw: body.length, gzip: gzipSync(body).length };
      sizes.set(src, script);
    }
    scripts.push(script);
  }
  return scripts;
}

const sum = (scripts: Script[], key: 'raw' | 'gzip') => scripts.reduce((n, s) => n + s[key], 0);

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
  console.log('First-load JavaScript per route (production build, the scripts a browser with ES modules loads):');
  const sizes = new Map<string, Script>();
  const perRoute = new Map<string, Script[]>();
  for (const route of ROUTES) perRoute.set(route, await firstLoadJs(app.url, route, sizes));
  // What every route loads: the Next.js and React runtime and the root layout's own client code.
  const shared = [...sizes.values()].filter((s) => [...perRoute.values()].every((list) => list.includes(s)));
  console.log(
    'route'.padEnd(32),
    'files'.padStart(5),
    'raw'.padStart(10),
    'gzip'.padStart(10),
    'own gzip'.padStart(10),
  );
  for (const [route, scripts] of perRoute) {
    const own = scripts.filter((s) => !shared.includes(s));
    console.log(
      route.padEnd(32),
      String(scripts.length).padStart(5),
      kb(sum(scripts, 'raw')).padStart(10),
      kb(sum(scripts, 'gzip')).padStart(10),
      kb(sum(own, 'gzip')).padStart(10),
    );
  }
  console.log(
    `shared by every route: ${shared.length} files, ${kb(sum(shared, 'raw'))} raw, ${kb(sum(shared, 'gzip'))} gzip`,
  );
  console.log('\nServer time to render /changes with the full catalog (30 requests each after 5 warm-up):');
  for (const q of CHANGES_QUERIES) {
    await renderTimes(app.url, `/changes${q}`, 5);
    const s = summarize(await renderTimes(app.url, `/changes${q}`, 30));
    console.log(`/changes${q}`.padEnd(48), `median ${ms(s.median)}`, `p95 ${ms(s.p95)}`);
  }
} finally {
  await app.stop();
}
