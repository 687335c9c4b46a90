import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';
import tseslint from 'typescript-eslint';

const clientNode = {
  name: '@kubernetes/client-node',
  message: 'Only lib/sources/cluster/ talks to the Kubernetes API; use its plain types instead.',
};

/** A folder may not import these (see docs/architecture.md); every pattern matches relative and '@/' imports. */
const folder = (name) => [
  `**/lib/${name}`,
  `**/lib/${name}/**`,
  `../${name}`,
  `../${name}/**`,
  `../../${name}`,
  `../../${name}/**`,
  `../../../${name}`,
  `../../../${name}/**`,
];
const forbid = (names, why) => ({ group: names.flatMap(folder), message: why });

/** The server half of lib/fleet (the registry files, the store, the scheduler); the rest is pure. */
const SERVER_FLEET = ['fleet/registered', 'fleet/service', 'fleet/scheduler', 'fleet/scan-registered'];

/** The pipeline's direction: model ← snapshot ← sources; model ← rules ← scan → report → store; app composes. */
const BOUNDARIES = [
  {
    files: ['lib/parsing/**'],
    patterns: [
      forbid(
        ['catalog', 'sources', 'snapshot', 'rules', 'scan', 'report', 'store', 'http', 'query', 'workers'],
        'lib/parsing is pure readers of JSON and YAML within budgets: it depends on lib/model only.',
      ),
    ],
  },
  {
    files: ['lib/model/**'],
    patterns: [
      {
        group: ['zod', 'node:*', 'react', 'next', 'next/*', '**/lib/**', '../**'],
        message: 'lib/model is plain types and constant tables: no zod, no I/O, no other lib folder.',
      },
    ],
  },
  {
    files: ['lib/catalog/**'],
    patterns: [
      forbid(
        ['sources', 'snapshot', 'rules', 'scan', 'report', 'store', 'http', 'query'],
        'The catalog depends on lib/model only.',
      ),
    ],
  },
  {
    files: ['lib/snapshot/**'],
    patterns: [
      forbid(
        ['sources', 'rules', 'scan', 'report', 'store', 'http', 'query', 'catalog'],
        'Projection knows the model only; sources call it, not the reverse.',
      ),
    ],
  },
  {
    files: ['lib/sources/**'],
    patterns: [
      forbid(
        ['rules', 'scan', 'report', 'store', 'query'],
        'A source produces a snapshot; it knows nothing of checks, reports or storage.',
      ),
    ],
  },
  {
    files: ['lib/rules/**'],
    patterns: [
      forbid(
        ['sources', 'scan', 'report', 'store', 'http', 'query', 'env'],
        'A check is a pure function of the snapshot: no sources, no I/O, no conductor.',
      ),
    ],
  },
  {
    files: ['lib/scan/**'],
    patterns: [
      forbid(
        ['store', 'http', 'query'],
        'The scan conductor returns a report; storing and serving it belong to the callers.',
      ),
    ],
  },
  {
    files: ['lib/report/**'],
    patterns: [
      forbid(
        ['sources', 'snapshot', 'rules', 'scan', 'store', 'http', 'query'],
        'A report is read, redacted, compared and exported from its own document and the catalog.',
      ),
    ],
  },
  {
    files: ['lib/store/**'],
    patterns: [
      forbid(
        ['sources', 'snapshot', 'rules', 'scan', 'query'],
        'The store keeps reports; it neither scans nor checks.',
      ),
    ],
  },
  {
    files: ['lib/**'],
    ignores: [
      'lib/model/**',
      'lib/catalog/**',
      'lib/snapshot/**',
      'lib/sources/**',
      'lib/rules/**',
      'lib/scan/**',
      'lib/report/**',
      'lib/store/**',
    ],
    patterns: [
      {
        group: ['**/components/**', '**/app/**', '**/cli/**'],
        message: 'lib/ never imports the UI, the routes or the CLI.',
      },
    ],
  },
  {
    files: ['components/**'],
    patterns: [
      forbid(
        ['sources', 'store', 'scan', 'env', ...SERVER_FLEET],
        'Components run in the browser too: server code stays behind app/ routes.',
      ),
      { group: ['zod'], message: 'zod stays on the server: the browser reads the plain vocabularies in lib/model.' },
    ],
  },
];

const UI_AND_CLI = {
  group: ['**/components/**', '**/app/**', '**/cli/**'],
  message: 'lib/ never imports the UI, the routes or the CLI.',
};

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'dist/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'test/cluster-harness/peer-output/**',
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [clientNode] }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings through lib/env.ts.' },
      ],
    },
  },
  // Folder boundaries, for source files (tests may reach across to build their inputs).
  ...BOUNDARIES.map(({ files, ignores = [], patterns }) => ({
    files,
    ignores: [...ignores, '**/*.test.ts', '**/testing/**', '**/test-fixtures.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: files[0]?.startsWith('lib/sources/cluster') ? [] : [clientNode],
          patterns: files[0] === 'lib/**' ? patterns : [...patterns, UI_AND_CLI],
        },
      ],
    },
  })),
  {
    files: ['lib/sources/cluster/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              ['rules', 'scan', 'report', 'store', 'query'],
              'A source produces a snapshot; it knows nothing of checks, reports or storage.',
            ),
            UI_AND_CLI,
          ],
        },
      ],
    },
  },
  {
    files: ['lib/sources/cluster/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The env module, tooling, tests and scripts may read the environment directly.
    files: [
      'lib/env.ts',
      '*.config.ts',
      '*.config.mjs',
      'e2e/**',
      'test/**',
      'bench/**',
      'scripts/**',
      'cli/**',
      '**/*.test.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Vitest's asymmetric matchers (expect.stringMatching...) are typed any.
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-argument': 'off' },
  },
  prettier,
);
