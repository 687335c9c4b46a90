import path from 'node:path';
import type { NextConfig } from 'next';
import { loadCatalogFrom } from './lib/catalog/load';

// Fail the build, not a page, when the catalog is invalid.
loadCatalogFrom(path.join(process.cwd(), 'data'));

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Resolve metadata before the response starts for every client, so a missing change or report answers with a
  // real 404 status instead of a 200 page that says "not found". Our metadata is cheap to compute.
  htmlLimitedBots: /.*/,
  serverExternalPackages: ['better-sqlite3', '@kubernetes/client-node', 'pg', 'piscina', 'protobufjs'],
  outputFileTracingIncludes: { '/**': ['./data/**/*'] },
  // Browsers still ask for /favicon.ico now and then (before the page's icon link arrives, or for an error page):
  // answer with the app's icon instead of a 404 in their console.
  rewrites: () => Promise.resolve([{ source: '/favicon.ico', destination: '/icon.svg' }]),
};

export default nextConfig;
