import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinRules } from 'eslint/use-at-your-own-risk';

const PURE_PACKAGES = ['packages/domain/**/*.ts', 'packages/geo/**/*.ts', 'packages/wizard/**/*.ts'];
const PURE_IMPORTS = [
  {
    group: ['node:*', 'fs', 'path', 'http', 'fastify', 'react', 'react-dom', 'pg', 'drizzle-orm', '@electric-sql/*'],
    message: 'Pure packages do no I/O and know no framework.',
  },
  { group: ['@lovisa/server', '@lovisa/web', '**/apps/**'], message: 'Packages never import apps.' },
];
const GEO_BELOW_DOMAIN = { group: ['@lovisa/domain'], message: 'geo sits below domain.' };

// max-lines-per-function, except for the callback of describe/it/test (also .each(...), .skip, .skipIf(...)):
// a describe block is a list of cases, but any other function in a test file is held to the same length.
const TEST_BLOCKS = new Set(['describe', 'it', 'test', 'suite']);
const testBlockName = (callee) => {
  let node = callee;
  while (node.type === 'MemberExpression' || node.type === 'CallExpression') {
    node = node.type === 'MemberExpression' ? node.object : node.callee;
  }
  return node.type === 'Identifier' ? node.name : undefined;
};
const maxLinesOutsideTestBlocks = {
  meta: builtinRules.get('max-lines-per-function').meta,
  create(context) {
    const report = (descriptor) => {
      const { node } = descriptor;
      const call = node.parent;
      const isTestBlock =
        call?.type === 'CallExpression' && call.arguments.includes(node) && TEST_BLOCKS.has(testBlockName(call.callee));
      if (!isTestBlock) context.report(descriptor);
    };
    return builtinRules.get('max-lines-per-function').create(Object.create(context, { report: { value: report } }));
  },
};
const local = { rules: { 'max-lines-per-function': maxLinesOutsideTestBlocks } };

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
    // Type-aware rules: a promise nobody awaits loses its error. The type information comes from the nearest
    // tsconfig.json of each file.
    files: [
      'packages/**/*.ts',
      'apps/server/**/*.ts',
      'apps/web/**/*.{ts,tsx}',
      'scripts/**/*.ts',
      'bench/**/*.ts',
      'fixtures/generate/**/*.ts',
    ],
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
    // A function longer than a screen hides its rules. Tests too, except the callbacks of describe/it/test: a
    // describe block is a list of cases (local/max-lines-per-function).
    files: ['apps/**/*.{ts,tsx}'],
    plugins: { local },
    rules: { 'local/max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }] },
  },
);
