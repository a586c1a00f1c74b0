import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { build, defineConfig, type Plugin, type Rolldown } from 'vite';
import react from '@vitejs/plugin-react';
import { WIZARD_PATH } from './src/wizardPath';
import { EVERY_PAGE_FIRST_CALLS, WIZARD_FIRST_CALLS } from './src/firstCalls';
import { firstLoadGroups, pagePreloadFiles, type FirstLoadPage, type PagePreload } from './firstLoadChunks';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes `x.br` and `x.gz` next to every compressible file of the build (brotli at its best quality, gzip level
 * 9), which the server sends to browsers that accept them (@fastify/static `preCompressed`, apps/server/src/app.ts).
 * Only files over 1 KB, and only a version that is smaller; a stale one from an earlier build is removed.
 */
export function precompress(): Plugin {
  const compressible = /\.(js|mjs|css|html|svg|json|txt|xml|map|wasm)$/;
  let outDir = '';
  return {
    name: 'lovisa:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      const files = (await readdir(outDir, { recursive: true })).map(String).filter((f) => compressible.test(f));
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(outDir, file);
          if (!(await stat(full)).isFile()) return;
          const bytes = await readFile(full);
          const [br, gz] = await Promise.all([
            brotli(bytes, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
              },
            }),
            gzipAsync(bytes, { level: 9 }),
          ]);
          for (const [ext, packed] of [
            ['.br', br],
            ['.gz', gz],
          ] as const) {
            if (bytes.length > 1024 && packed.length < bytes.length) await writeFile(full + ext, packed);
            else await rm(full + ext, { force: true });
          }
        }),
      );
    },
  };
}

/**
 * Writes `page-preloads.json`: for each page address here, the chunks its first load needs beyond the entry, and
 * the API answers it asks for first, which the server names in that page's HTML (apps/server/src/webShell.ts) so
 * they are fetched alongside the entry.
 */
export function pagePreloads(
  pages: Record<string, { module?: string; fetches?: string[]; signedInFetches?: string[] }>,
  withModules: string[],
): Plugin {
  return {
    name: 'lovisa:page-preloads',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
      const preloads: PagePreload[] = Object.entries(pages).map(([path, page]) => ({
        path,
        files: page.module ? pagePreloadFiles(chunks, page.module, withModules) : [],
        fetches: page.fetches ?? [],
        signedInFetches: page.signedInFetches ?? [],
      }));
      this.emitFile({ type: 'asset', fileName: 'page-preloads.json', source: JSON.stringify(preloads, null, 2) });
    },
  };
}

/** Pages whose first load comes in a few chunks (firstLoadChunks.ts), in the order they are reached. */
const firstLoadPages: FirstLoadPage[] = [
  // First the Swedish texts every lazy page loads (and the start page when idle): the domain's messages they
  // import stay with them, not in the wizard's chunk.
  { module: 'src/i18n/sv.ts' },
  // The findings' English words stay a small chunk of their own: the English texts import them too, and would
  // otherwise bring the wizard's whole chunk to the start page when English is fetched in the background.
  { module: 'src/features/wizard/WizardPage.tsx', keepApart: /[\\/]findings\.en\.ts$/ },
  // Leaflet stays a chunk of its own: the map step evaluates it in a task of its own (WizardPage.tsx).
  { module: 'src/features/wizard/MapStep.tsx', keepApart: /[\\/]node_modules[\\/]leaflet[\\/]/ },
];
/** Set in the first of the two builds (the one that only finds out how Rolldown would split the pages). */
const FIRST_PASS = 'LOVISA_SPLIT_FIRST_PASS';

/** The chunk groups for the second build, from a first build (not written) with Rolldown's automatic splitting. */
async function firstLoadChunkGroups(): Promise<Rolldown.CodeSplittingGroup[]> {
  process.env[FIRST_PASS] = '1';
  try {
    const out = await build({
      configFile: new URL(import.meta.url).pathname,
      logLevel: 'silent',
      build: { write: false },
    });
    const chunks = (Array.isArray(out) ? out : [out])
      .flatMap((o) => ('output' in o ? o.output : []))
      .filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
    return [
      // The entry's modules in one chunk too (Rolldown splits out what lazy pages import from it).
      { name: 'index', tags: ['$initial'] },
      ...firstLoadGroups(chunks, firstLoadPages).map(({ name, moduleIds }) => ({
        name,
        test: (id: string) => moduleIds.has(id),
        // The first build's chunks already hold each module's dependencies.
        includeDependenciesRecursively: false,
      })),
    ];
  } finally {
    delete process.env[FIRST_PASS];
  }
}

export default defineConfig(async ({ command }) => ({
  plugins: [
    react(),
    precompress(),
    pagePreloads(
      {
        // Every page (main.tsx waits for these before its first render).
        '/': { fetches: Object.values(EVERY_PAGE_FIRST_CALLS) },
        // The wizard, at /ansokan and its steps' addresses (App.tsx), with the Swedish texts every lazy page waits
        // for, and the applicant's drafts and properties.
        [WIZARD_PATH]: {
          module: 'src/features/wizard/WizardPage.tsx',
          signedInFetches: Object.values(WIZARD_FIRST_CALLS),
        },
      },
      ['src/i18n/sv.ts'],
    ),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    rolldownOptions: {
      // Brotli at its best quality is most of the build's time (≈ 5 s of ≈ 6 s on 2 cores) on purpose: no
      // timing warning for it on every build.
      checks: { bundlerTimings: false },
      ...(command === 'build' && !process.env[FIRST_PASS]
        ? { output: { codeSplitting: { groups: await firstLoadChunkGroups() } } }
        : {}),
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/bankid-sim': 'http://localhost:3000' },
  },
}));
