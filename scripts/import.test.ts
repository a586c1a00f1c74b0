import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const samples = path.join(root, 'fixtures/import-samples');
const run = (args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { cwd: root }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
const sampleArgs = (out: string, staff = path.join(samples, 'staff.csv')) => [
  '--properties',
  path.join(samples, 'properties.geojson'),
  '--plans',
  path.join(samples, 'plans.geojson'),
  '--plans',
  path.join(samples, 'detaljplan.json'),
  '--staff',
  staff,
  '--teams',
  path.join(samples, 'teams.csv'),
  '--buildings',
  path.join(samples, 'buildings.geojson'),
  '--municipality',
  path.join(samples, 'municipality.json'),
  '--base',
  samples,
  '--out',
  out,
];

describe('npm run import, as an operator runs it', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it(
    'prints each bad row and exits 1 without writing; exits 0 and says what it wrote when all is well',
    { timeout: 60_000 },
    async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'lovisa-import-cli-'));
      dirs.push(dir);
      const staff = path.join(dir, 'staff.csv');
      await writeFile(staff, (await readFile(path.join(samples, 'staff.csv'), 'utf8')).replace('gruppchef', 'chef'));
      const bad = await run(sampleArgs(path.join(dir, 'bad'), staff));
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain(
        'fel: staff.csv rad 3: rollen ”chef” finns inte; använd handläggare eller gruppchef',
      );
      expect(bad.stdout).toContain('Inget skrevs: 1 fel.');
      expect(existsSync(path.join(dir, 'bad'))).toBe(false);

      const good = await run([...sampleArgs(path.join(dir, 'good')), '--lang', 'en']);
      expect(good.code).toBe(0);
      expect(good.stderr).toContain('warning: plans.geojson feature 2: unknown provision');
      expect(good.stderr).toContain(
        'warning: detaljplan.json feature 7: the catalogue reference 411d8c8f-2356-4a24-a342-4777592555f6 (“Största takvinkel är 27 grader.”) is not in Lovisa’s table',
      );
      expect(good.stderr).toContain(
        'warning: buildings.geojson feature 5: the building has the status “Planerad” and is not read',
      );
      expect(good.stdout).toContain('Done: 5 properties, 2 plans, 3 officers, 2 teams');
      const basemap = JSON.parse(await readFile(path.join(dir, 'good', 'basemap.geojson'), 'utf8')) as {
        features: { properties: { kind: string; legalBasis?: string } }[];
      };
      // The base's street is kept; its buildings are replaced by the four imported ones in force.
      expect(basemap.features.map((f) => f.properties.legalBasis ?? f.properties.kind)).toEqual([
        'street',
        'permit',
        'permit',
        'permit',
        'friggebod',
      ]);
      const written = JSON.parse(await readFile(path.join(dir, 'good', 'plans.json'), 'utf8')) as {
        planNumber: string;
        maxRidgeHeightM: number | null;
        maxBuildingAreaPercent: number | null;
      }[];
      expect(written.map((p) => [p.planNumber, p.maxRidgeHeightM, p.maxBuildingAreaPercent])).toEqual([
        ['9999-P2022/7', 6.5, null],
        ['9999-P2024/3', 5.5, 25],
      ]);

      // The same properties from the GeoPackage sample give the same fixtures.
      const gpkgArgs = sampleArgs(path.join(dir, 'gpkg'));
      gpkgArgs[gpkgArgs.indexOf('--properties') + 1] = path.join(samples, 'properties.gpkg');
      const fromGpkg = await run(gpkgArgs);
      expect(fromGpkg.code, fromGpkg.stderr).toBe(0);
      expect(fromGpkg.stdout).toContain('Klart: 5 fastigheter, 2 detaljplaner');
      expect(await readFile(path.join(dir, 'gpkg', 'properties.json'), 'utf8')).toBe(
        await readFile(path.join(dir, 'good', 'properties.json'), 'utf8'),
      );

      expect((await run(['--out', dir])).code).toBe(2);
    },
  );
});
