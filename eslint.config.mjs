import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';
import tseslint from 'typescript-eslint';

const clientNodeOnlyInCluster = {
  paths: [
    {
      name: '@kubernetes/client-node',
      message: 'Only lib/sources/cluster/ talks to the Kubernetes API; use its plain types instead.',
    },
  ],
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
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', clientNodeOnlyInCluster],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings through lib/env.ts.' },
      ],
    },
  },
  {
    files: ['lib/sources/cluster/**'],
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
