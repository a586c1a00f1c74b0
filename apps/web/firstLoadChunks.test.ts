import { describe, expect, it } from 'vitest';
import { firstLoadGroups, type BuiltChunk } from './firstLoadChunks';

const chunk = (fileName: string, moduleIds: string[], imports: string[] = [], more: Partial<BuiltChunk> = {}) => ({
  fileName,
  isEntry: false,
  facadeModuleId: null,
  imports,
  moduleIds,
  ...more,
});

// A first build's chunks, shaped like Rolldown's: an entry with a helper chunk that lazy pages import too, the
// wizard's page chunk with shared chunks (one of them also the officer page's), the map step with Leaflet.
const chunks: BuiltChunk[] = [
  chunk('index.js', ['/src/main.tsx', '/src/App.tsx'], ['http.js'], { isEntry: true, facadeModuleId: '/src/main.tsx' }),
  chunk('http.js', ['/src/api/http.ts']),
  chunk('WizardPage.js', ['/src/features/wizard/WizardPage.tsx'], ['http.js', 'machine.js', 'schemas.js', 'words.js'], {
    facadeModuleId: '/src/features/wizard/WizardPage.tsx',
  }),
  chunk('machine.js', ['/node_modules/xstate/index.js', '/packages/wizard/machine.ts'], ['schemas.js']),
  chunk('schemas.js', ['/packages/domain/schemas.ts', '/node_modules/zod/index.js']),
  chunk('QueuePage.js', ['/src/features/officer/QueuePage.tsx'], ['schemas.js', 'queue.js'], {
    facadeModuleId: '/src/features/officer/QueuePage.tsx',
  }),
  chunk('queue.js', ['/packages/domain/queue.ts']),
  chunk('words.js', ['/packages/domain/findings.en.ts']),
  chunk(
    'MapStep.js',
    ['/src/features/wizard/MapStep.tsx'],
    ['leaflet.js', 'geo.js', 'schemas.js', 'http.js', 'words.js'],
    {
      facadeModuleId: '/src/features/wizard/MapStep.tsx',
    },
  ),
  chunk('geo.js', ['/packages/geo/turf.ts']),
  chunk('leaflet.js', ['/node_modules/leaflet/dist/leaflet-src.js']),
];

describe('a lazy page’s first load in one chunk', () => {
  it('groups what the page needs beyond the entry; a later page gets only what is left; kept-apart chunks stay', () => {
    const groups = firstLoadGroups(chunks, [
      { module: 'src/features/wizard/WizardPage.tsx', keepApart: /findings\.en\.ts$/ },
      { module: 'src/features/wizard/MapStep.tsx', keepApart: /[\\/]node_modules[\\/]leaflet[\\/]/ },
    ]);
    expect(groups.map((g) => [g.name, [...g.moduleIds].sort()])).toEqual([
      [
        'WizardPage',
        [
          '/node_modules/xstate/index.js',
          '/node_modules/zod/index.js',
          '/packages/domain/schemas.ts',
          '/packages/wizard/machine.ts',
          '/src/features/wizard/WizardPage.tsx',
        ],
      ],
      // The schemas went with the wizard, http with the entry; Leaflet stays a chunk of its own, and so do the
      // words the wizard kept apart, though the map step imports them too.
      ['MapStep', ['/packages/geo/turf.ts', '/src/features/wizard/MapStep.tsx']],
    ]);
  });

  it('leaves pages not named to the automatic splitting, and says so when a named page has no chunk', () => {
    const groups = firstLoadGroups(chunks, [{ module: 'src/features/wizard/WizardPage.tsx' }]);
    const grouped = new Set(groups.flatMap((g) => [...g.moduleIds]));
    expect(grouped.has('/packages/domain/queue.ts')).toBe(false);
    expect(grouped.has('/src/features/officer/QueuePage.tsx')).toBe(false);
    expect(() => firstLoadGroups(chunks, [{ module: 'src/features/nowhere/Page.tsx' }])).toThrow(/no chunk/);
  });
});
