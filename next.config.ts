import path from 'node:path';
import type { NextConfig } from 'next';
import { loadCatalogFrom } from './lib/catalog/load';

// Fail the build, not a page, when the catalog is invalid.
loadCatalogFrom(path.join(process.cwd(), 'data'));

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', '@kubernetes/client-node', 'pg'],
  outputFileTracingIncludes: { '/**': ['./data/**/*'] },
};

export default nextConfig;
