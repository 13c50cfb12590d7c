// ESLint flat config: typed TypeScript rules plus the import-boundary policy of DESIGN.md §3.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

/** Which layers each layer may import (DESIGN.md §3: domain ← analysis ← pipeline → sources, storage, jobs, alerts). */
const allowed = {
  domain: [],
  platform: ['domain'],
  contract: ['domain'],
  config: ['domain', 'platform'],
  analysis: ['domain', 'platform'],
  sources: ['domain', 'platform', 'analysis'],
  storage: ['domain', 'platform', 'analysis'],
  jobs: ['domain', 'platform'],
  // The evaluate-alerts orchestrator (DESIGN.md §2) runs signals through the alert rules; alerts never
  // imports pipeline, so the direction stays one-way.
  pipeline: ['domain', 'platform', 'analysis', 'sources', 'storage', 'jobs', 'alerts'],
  alerts: ['domain', 'platform', 'analysis', 'storage', 'jobs'],
  cases: ['domain', 'platform', 'analysis', 'storage', 'jobs'],
  reports: ['domain', 'platform', 'analysis', 'storage'],
  auth: ['domain', 'platform', 'storage'],
  api: [
    'domain',
    'platform',
    'contract',
    'config',
    'analysis',
    'storage',
    'jobs',
    'auth',
    'pipeline',
    'alerts',
    'cases',
    'reports',
  ],
  cli: [
    'domain',
    'platform',
    'contract',
    'config',
    'analysis',
    'sources',
    'storage',
    'jobs',
    'pipeline',
    'alerts',
    'cases',
    'reports',
    'auth',
    'api',
  ],
  web: ['contract'],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'web/dist/**', 'bin/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.ts', 'web/**/*.ts', 'web/**/*.tsx'],
    plugins: { boundaries },
    settings: {
      // Full-path patterns: a folder such as web/src/api must not count as the server's src/api.
      'boundaries/elements': Object.keys(allowed).map((type) => ({
        type,
        partialMatch: false,
        pattern: type === 'web' ? 'web/**' : `src/${type}/**`,
      })),
      'import/resolver': { typescript: { project: './tsconfig.json' } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: Object.entries(allowed).map(([type, targets]) => ({
            from: { element: { type } },
            allow: { to: { element: { types: { anyOf: [type, ...targets] } } } },
          })),
        },
      ],
    },
  },
);
