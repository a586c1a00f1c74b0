// Bundle sizes from the built web app (apps/web/dist): what a phone downloads before it can show each face.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchResult } from './geometry.bench';

const dist = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'apps', 'web', 'dist');
const KB = 1024;

/** Signatures of the map's libraries: none may reach the entry. */
const mapLibraries: [string, RegExp][] = [
  ['Leaflet', /leaflet-container|Leaflet/],
  // Its code, not its chunk's name: the entry's preload lists name the lazy chunk (leaflet-geoman-….js).
  ['Geoman', /pm:create|L\.PM\b/],
  ['proj4', /\+proj=|proj4/],
];

export async function readBundle(dir = dist) {
  const assets = path.join(dir, 'assets');
  const files = new Map<string, string>();
  for (const name of await readdir(assets))
    if (name.endsWith('.js')) files.set(name, await readFile(path.join(assets, name), 'utf8'));
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  /** Every chunk a chunk needs before it runs: its static imports, transitively (dynamic imports load later). */
  const closure = (roots: string[]) => {
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name) || !files.has(name)) return;
      seen.add(name);
      for (const m of files
        .get(name)!
        .matchAll(/(?:import|export)[^"'()]*?from\s*["']\.\/([^"']+\.js)["']|import\s*["']\.\/([^"']+\.js)["']/g))
        visit((m[1] ?? m[2])!);
    };
    roots.forEach(visit);
    return seen;
  };
  const chunk = (prefix: string) => [...files.keys()].find((n) => n.startsWith(`${prefix}-`));
  const gz = (names: Iterable<string>) => [...names].reduce((s, n) => s + gzipSync(files.get(n)!).length, 0);
  return { files, entry, closure, chunk, gz };
}

export async function runBundleBench(dir = dist): Promise<BenchResult[]> {
  const { files, entry, closure, chunk, gz } = await readBundle(dir);
  const entrySet = closure(entry);
  const wizard = closure([chunk('WizardPage')!]);
  // Every page after the first screens comes with all of the Swedish texts (withTexts in i18n.tsx).
  const swedish = closure([...files.keys()].filter((n) => n.startsWith('sv-')));
  const applicant = new Set([...entrySet, ...wizard, ...swedish]);
  const map = [...closure([chunk('MapStep')!])].filter((n) => !applicant.has(n));
  const officer = [...closure([chunk('QueuePage')!])].filter((n) => !entrySet.has(n));
  // English, fetched in the background on every page once it has settled: its texts and what they import only.
  const english = [...closure([chunk('en')!])].filter((n) => !entrySet.has(n));
  const leaked = mapLibraries
    .filter(([, sig]) => [...applicant].some((n) => sig.test(files.get(n)!)))
    .map(([lib]) => lib);
  const row = (name: string, bytes: number, budgetKB: number, note: string): BenchResult => ({
    name,
    value: bytes / KB,
    unit: 'KB',
    budget: budgetKB,
    pass: bytes / KB <= budgetKB,
    note,
  });
  return [
    // Issue 18: ≤ 100 KB gzip for what index.html loads (react-dom alone is ≈ 60 KB of it).
    row('entry JS (gzip)', gz(entrySet), 100, `the first screen (start, login): ${[...entrySet].join(', ')}`),
    // 198 KB at the start of session 8 (2026-12-05): it may not grow.
    row(
      'applicant entry JS (gzip)',
      gz(applicant),
      190,
      `start, login, the Swedish texts and the wizard's property step: ${[...applicant].join(', ')}`,
    ),
    row('map chunk JS (gzip)', gz(map), 190, `loaded when the map step opens: ${map.join(', ')}`),
    row('officer console JS (gzip)', gz(officer), Infinity, `beyond the entry: ${officer.join(', ')}`),
    // ≈ 62 KB with the rest of Swedish (session 10); the wizard's chunk (≈ 68 KB) must not come with it.
    row('English texts JS (gzip)', gz(english), 70, `fetched when the page has settled: ${english.join(', ')}`),
    {
      name: 'map libraries in the applicant entry',
      value: leaked.length,
      unit: 'libraries',
      budget: 0,
      pass: leaked.length === 0,
      note: leaked.length ? `found: ${leaked.join(', ')}` : 'none of Leaflet, Geoman, proj4',
    },
  ];
}
