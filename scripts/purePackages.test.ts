import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// domain, geo and wizard do no I/O (docs/architecture.md). Two guards keep it so: their own compiler settings
// (packages/tsconfig.pure.json, no DOM and no Node types) and ESLint (no node:* import, no triple-slash reference).
// These tests fail if either guard is loosened.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PURE = ['domain', 'geo', 'wizard'];

function pureCompilerOptions(): ts.CompilerOptions {
  const file = path.join(root, 'packages/tsconfig.pure.json');
  const { config, error } = ts.readConfigFile(file, (f) => ts.sys.readFile(f));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(file)).options;
}

/** Type errors of one in-memory source file compiled with the pure packages' settings. */
function typeErrors(source: string): string[] {
  const options = { ...pureCompilerOptions(), noEmit: true };
  const fileName = path.join(root, 'packages/domain/src/__probe__.ts');
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => (f === fileName ? source : readFile(f));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (f) => f === fileName || fileExists(f);
  const program = ts.createProgram([fileName], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe('the pure packages are compiled without DOM and Node types', () => {
  it('covers every pure package and none of the I/O ones', () => {
    const file = path.join(root, 'packages/tsconfig.pure.json');
    const { config } = ts.readConfigFile(file, (f) => ts.sys.readFile(f));
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(file));
    const packages = new Set(parsed.fileNames.map((f) => path.relative(path.join(root, 'packages'), f).split('/')[0]));
    expect([...packages].sort()).toEqual(PURE);
    expect(parsed.fileNames.some((f) => f.endsWith('.test.ts'))).toBe(false);
  });

  it('knows the language but not the browser or Node', () => {
    expect(typeErrors('export const a = [Intl.DateTimeFormat, [1].at(-1), Object.hasOwn({}, "x")];')).toEqual([]);
    for (const global of ['console.log(1)', 'setTimeout(() => 1)', 'process.env', 'Buffer.from("")', 'fetch("/")']) {
      expect(typeErrors(`export const a = () => ${global};`), global).not.toEqual([]);
    }
    expect(typeErrors('export const a = document.title;')).not.toEqual([]);
  });
});

describe('ESLint keeps I/O out of the pure packages', () => {
  // Without type information: these rules need none, and the project service would not know a file not on disk.
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: {
      files: ['**/*.ts'],
      languageOptions: { parserOptions: { projectService: false } },
      rules: {
        '@typescript-eslint/no-floating-promises': 'off',
        '@typescript-eslint/no-misused-promises': 'off',
        '@typescript-eslint/await-thenable': 'off',
      },
    },
  });
  const ruleIds = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
  };

  it.each(PURE)('refuses node:* imports and triple-slash references in packages/%s', async (pkg) => {
    const file = `packages/${pkg}/src/probe.ts`;
    expect(await ruleIds(file, "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toEqual([
      'no-restricted-imports',
    ]);
    expect(await ruleIds(file, '/// <reference lib="dom" />\nexport const a = 1;\n')).toEqual([
      '@typescript-eslint/triple-slash-reference',
    ]);
    expect(await ruleIds(`packages/${pkg}/src/probe.test.ts`, '/// <reference types="node" />\nexport {};\n')).toEqual([
      '@typescript-eslint/triple-slash-reference',
    ]);
  });

  it('lets the I/O packages read files', async () => {
    expect(
      await ruleIds(
        'packages/registry/src/probe.ts',
        "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
      ),
    ).toEqual([]);
  });
});
