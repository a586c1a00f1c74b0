import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const PURE_PACKAGES = ['packages/domain/**/*.ts', 'packages/geo/**/*.ts', 'packages/wizard/**/*.ts'];
const PURE_IMPORTS = [
  {
    group: ['node:*', 'fs', 'path', 'http', 'fastify', 'react', 'react-dom', 'pg', 'drizzle-orm', '@electric-sql/*'],
    message: 'Pure packages do no I/O and know no framework.',
  },
  { group: ['@lovisa/server', '@lovisa/web', '**/apps/**'], message: 'Packages never import apps.' },
];
const GEO_BELOW_DOMAIN = { group: ['@lovisa/domain'], message: 'geo sits below domain.' };

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
    // Type-aware rules: a promise nobody awaits loses its error. Not yet for apps/web (its API layer is being
    // rewritten); the type information comes from the nearest tsconfig.json of each file.
    files: ['packages/**/*.ts', 'apps/server/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'fixtures/generate/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
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
    files: PURE_PACKAGES,
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: PURE_IMPORTS }] },
  },
  {
    // A rule's options are replaced, not merged, by a later block: geo repeats the pure packages' patterns.
    files: ['packages/geo/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...PURE_IMPORTS, GEO_BELOW_DOMAIN] }] },
  },
  {
    files: ['packages/geo/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [GEO_BELOW_DOMAIN] }] },
  },
  {
    // A triple-slash reference would bring DOM or Node types back into a pure package behind its tsconfig's back
    // (packages/tsconfig.pure.json); tests included, since they share the source's folder and habits.
    files: PURE_PACKAGES,
    rules: { '@typescript-eslint/triple-slash-reference': ['error', { lib: 'never', path: 'never', types: 'never' }] },
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
