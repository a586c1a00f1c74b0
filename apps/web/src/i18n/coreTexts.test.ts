import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coreSv } from './core.sv';
import { sv } from './sv';

// The entry holds only the first screens' Swedish texts (core.sv.ts); the rest come with the lazy pages
// (withTexts in i18n.tsx). A text an entry module names but core.sv.ts lacks would render empty on the start or
// login page: this reads the entry's modules (main.tsx and what it imports statically, not `import type`, not
// `import()`) and checks every message key they name.

const src = path.resolve(import.meta.dirname, '..');

function entryModules(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(
      /^(?:import|export)\s+(?!type\b)[^'";]*?from\s+'(\.[^']+)'|^import\s+'(\.[^']+)'/gm,
    )) {
      const base = path.resolve(path.dirname(file), (m[1] ?? m[2])!);
      const found = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((f) => existsSync(f));
      if (found) visit(found);
    }
  };
  visit(path.join(src, 'main.tsx'));
  return [...seen];
}

describe("the entry's Swedish texts", () => {
  const modules = entryModules();
  const rel = modules.map((f) => path.relative(src, f));

  it('the entry does not import the whole catalogue, nor English', () => {
    expect(rel).toContain('App.tsx');
    expect(rel).toContain(path.join('features', 'login', 'LoginPage.tsx'));
    expect(rel).not.toContain(path.join('i18n', 'sv.ts'));
    expect(rel).not.toContain(path.join('i18n', 'en.ts'));
  });

  it('every message key an entry module names is in core.sv.ts', () => {
    const named = new Set<string>();
    const prefixes = new Set<string>();
    for (const file of modules) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/(['"`])([A-Za-z]\w*(?:\.\w+)+)\1/g)) if (m[2]! in sv) named.add(m[2]!);
      for (const m of code.matchAll(/`([A-Za-z]\w*\.[\w.]*)\$\{/g)) prefixes.add(m[1]!);
    }
    // A key built from a template (`nav.${x}`): every text under that prefix.
    for (const p of prefixes) for (const k of Object.keys(sv)) if (k.startsWith(p)) named.add(k);
    expect(named.size).toBeGreaterThan(50);
    expect([...named].filter((k) => !(k in coreSv))).toEqual([]);
  });

  it('core.sv.ts is a part of the catalogue, word for word', () => {
    for (const [k, v] of Object.entries(coreSv)) expect(sv[k as keyof typeof sv]).toBe(v);
  });
});
