import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'apps/server/drizzle/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The layering rules of docs/architecture.md: pure packages never do I/O or import apps.
    files: ['packages/domain/**/*.ts', 'packages/geo/**/*.ts', 'packages/wizard/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'path',
                'http',
                'fastify',
                'react',
                'react-dom',
                'pg',
                'drizzle-orm',
                '@electric-sql/*',
              ],
              message: 'Pure packages do no I/O and know no framework.',
            },
            { group: ['@lovisa/server', '@lovisa/web', '**/apps/**'], message: 'Packages never import apps.' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/geo/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@lovisa/domain'], message: 'geo sits below domain.' }] },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@lovisa/server', '**/apps/server/**', '@lovisa/registry', '@lovisa/bankid'],
              message: 'The browser bundle never pulls in server code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Routes are parse → service → reply (docs/adr/0004-case-commands.md): short files that never import each other.
    files: ['apps/server/src/routes/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 200 }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['./*'],
              message: 'Route files never import each other: share through services/ or repositories/.',
            },
          ],
        },
      ],
    },
  },
  {
    // A function longer than a screen hides its rules. Test files are left out: a describe block is a list of cases.
    files: ['apps/server/src/**/*.ts', 'apps/web/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', 'apps/server/src/test/**'],
    rules: { 'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }] },
  },
);
