import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { formatIssue } from './issues';
import { runImport, type ImportOptions } from './run';

const samples = fileURLToPath(new URL('../../../../fixtures/import-samples/', import.meta.url));
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
const tmp = async () => {
  const d = await mkdtemp(path.join(os.tmpdir(), 'lovisa-import-test-'));
  dirs.push(d);
  return d;
};
const options = (out: string, over: Partial<ImportOptions> = {}): ImportOptions => ({
  properties: path.join(samples, 'properties.geojson'),
  plans: path.join(samples, 'plans.geojson'),
  staff: path.join(samples, 'staff.csv'),
  teams: path.join(samples, 'teams.csv'),
  municipality: path.join(samples, 'municipality.json'),
  base: samples,
  out,
  ...over,
});

describe('npm run import', () => {
  it('writes a complete fixtures directory from the samples, warning of the unknown provision', async () => {
    const out = path.join(await tmp(), 'exempelby');
    const result = await runImport(options(out));
    expect(result).toMatchObject({ ok: true, issues: [], counts: { properties: 5, plans: 1, officers: 3, teams: 2 } });
    expect(result.warnings.map((w) => w.id)).toEqual(['plan.unknownCode']);
    expect((await readdir(out)).sort()).toEqual([
      'basemap.geojson',
      'exempelby-logo.svg',
      'fees.json',
      'municipality.json',
      'officers.json',
      'ownership.json',
      'persons.json',
      'phrases.json',
      'plans.json',
      'properties.json',
      'routing.json',
      'teams.json',
    ]);
  });

  it('writes nothing when a row is wrong, and says which', async () => {
    const dir = await tmp();
    const staff = path.join(dir, 'staff.csv');
    await writeFile(
      staff,
      (await readFile(path.join(samples, 'staff.csv'), 'utf8')).replace('greta.granskare@exempelby.example', ''),
    );
    const out = path.join(dir, 'out');
    const result = await runImport(options(out, { staff }));
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => formatIssue(i))).toEqual(['staff.csv rad 4: e-postadressen saknas']);
    expect(existsSync(out)).toBe(false);
  });

  it('finds what only the whole directory shows: an owner of a property the export lacks, a routing team teams.csv lacks', async () => {
    const dir = await tmp();
    const base = path.join(dir, 'base');
    await mkdir(base);
    for (const f of ['persons.json', 'ownership.json', 'fees.json', 'basemap.geojson'])
      await copyFile(path.join(samples, f), path.join(base, f));
    await writeFile(path.join(base, 'routing.json'), JSON.stringify([{ teamId: 'finns-inte', reason: 'x' }]));
    const out = path.join(dir, 'out');
    const result = await runImport(options(out, { base }));
    expect(result.ok).toBe(false);
    expect(formatIssue(result.issues[0]!)).toContain('the team finns-inte is not in teams.csv');
    expect(existsSync(out)).toBe(false);
    // Nothing left behind beside the output either.
    expect((await readdir(dir)).sort()).toEqual(['base']);
  });

  it('says which required file is missing when there is no --base', async () => {
    const result = await runImport(options(path.join(await tmp(), 'out'), { base: undefined }));
    expect(result.issues.map((i) => i.file)).toEqual(['persons.json', 'ownership.json', 'routing.json', 'fees.json']);
  });
});
