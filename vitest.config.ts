import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

const root = import.meta.dirname;
// 'server-only' throws outside a React Server Components build; tests and the CLI run lib/ directly.
const alias = {
  'server-only': path.join(root, 'test/empty-module.ts'),
  '@': root,
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'cli/**/*.test.ts', 'test/**/*.test.ts'],
          // *.pg.test.ts need the PostgreSQL server the `postgres` project starts.
          exclude: [
            ...configDefaults.exclude,
            'lib/**/*.pg.test.ts',
            'test/integration/**',
            'test/hostile/**',
            'test/fleet/**',
          ],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'postgres',
          include: ['lib/store/**/*.pg.test.ts'],
          environment: 'node',
          globalSetup: ['test/postgres/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/cluster-harness/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // Two app replicas (the production build), PostgreSQL and two API servers: after `npm run build`.
          name: 'fleet',
          include: ['test/fleet/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'hostile',
          include: ['test/hostile/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
