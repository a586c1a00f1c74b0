import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// eslint.config.js holds every function in apps/ to 120 lines, tests included, except the callbacks of
// describe/it/test. These cases pin down that exception: no wider, no narrower.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({
  cwd: root,
  // Without type information: the length rule needs none, and the project service would not know these files.
  overrideConfig: {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
    },
  },
});

const body = (lines: number) => Array.from({ length: lines }, (_, i) => `  expect(${i}).toBe(${i});`).join('\n');
const tooLong = async (code: string, file = 'apps/server/src/probe.test.ts') => {
  const [result] = await eslint.lintText(`import { describe, expect, it, test } from 'vitest';\n${code}\n`, {
    filePath: path.join(root, file),
  });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'local/max-lines-per-function').map((m) => m.line);
};

describe('functions over 120 lines in apps/', () => {
  it('lets describe, it and test callbacks run long, in any of their forms', async () => {
    expect(await tooLong(`describe('a', () => {\n${body(130)}\n});`)).toEqual([]);
    expect(await tooLong(`it('a', async () => {\n${body(130)}\n});`)).toEqual([]);
    expect(await tooLong(`test.skip('a', function () {\n${body(130)}\n});`)).toEqual([]);
    expect(await tooLong(`it.each([1, 2])('a %i', (n) => {\n${body(130)}\n});`)).toEqual([]);
    expect(await tooLong(`describe.skipIf(true)('a', () => {\n${body(130)}\n});`)).toEqual([]);
  });

  it('holds every other function in a test file to 120 lines', async () => {
    expect(await tooLong(`export function helper() {\n${body(130)}\n}`)).toEqual([2]);
    expect(await tooLong(`describe('a', () => {\n  const setup = () => {\n${body(130)}\n  };\n});`)).toEqual([3]);
    expect(await tooLong(`it('a', () => {\n  [1].forEach(() => {\n${body(130)}\n  });\n});`)).toEqual([3]);
    expect(await tooLong(`export function helper() {\n${body(110)}\n}`)).toEqual([]);
  });

  it('holds the source and the browser tests as before', async () => {
    expect(await tooLong(`export function f() {\n${body(130)}\n}`, 'apps/server/src/probe.ts')).toEqual([2]);
    expect(await tooLong(`const f = () => {\n${body(130)}\n};\nexport { f };`, 'apps/web/e2e/probe.e2e.ts')).toEqual([
      2,
    ]);
  });
});
