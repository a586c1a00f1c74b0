import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MunicipalitySchema, type BasemapFeature, type Property } from '@lovisa/domain';
import { loadBasemap } from '../basemap';
import { loadFeeSchedule, loadFixtureRegisters, loadPhraseLibrary, loadRoutingRules } from '../fixtureRegisters';
import { loadMunicipality } from '../municipality';
import { issue, type ImportIssue } from './issues';
import { convertPlanFile } from './ngp';
import { assignPlans, type PlanConversion } from './plans';
import { convertBuildings } from './buildings';
import { readGeoPackage } from './gpkg';
import { convertProperties, convertPropertyFeatures } from './properties';
import { convertStaff, convertTeams } from './staff';

export interface ImportOptions {
  /** Cadastral data (Lantmäteriet's shape): GeoJSON, or a GeoPackage (`.gpkg`). */
  properties: string;
  /** The GeoPackage's feature table, when it has several. */
  propertiesLayer?: string;
  /**
   * Existing buildings (Lantmäteriet's building data, GeoJSON): they replace the buildings of the basemap taken
   * from `out` or `base`, whose streets, water and parks are kept.
   */
  buildings?: string;
  /**
   * Detailed plans: Lantmäteriet's national format (Detaljplan 4.1, `application/vnd.lm.detaljplan.v4+json`) or
   * Lovisa's flat GeoJSON shape of it. Several files (NGP delivers one plan per file) are read as one register.
   */
  plans: string | string[];
  staff: string;
  teams: string;
  /** municipality.json; its logo file is copied along. Optional: without it the service shows Kjellstavik's. */
  municipality?: string;
  /**
   * Where the files the importer does not convert come from (persons.json, ownership.json, routing.json, fees.json,
   * basemap.geojson, site-leaseholds.json, phrases.json): a file already in `out` is kept, otherwise it is copied from here.
   */
  base?: string;
  /** The fixtures directory to write, as FIXTURES_DIR names it. */
  out: string;
  today?: Date;
}

export interface ImportResult {
  ok: boolean;
  issues: ImportIssue[];
  warnings: ImportIssue[];
  /** Files written to `out` (none when not ok). */
  written: string[];
  counts: { properties: number; plans: number; officers: number; teams: number };
}

/** Copied (or kept) rather than converted; the first four are required, the others optional. */
const PASSTHROUGH = [
  'persons.json',
  'ownership.json',
  'routing.json',
  'fees.json',
  'basemap.geojson',
  'site-leaseholds.json',
  'phrases.json',
];
const REQUIRED = new Set(['persons.json', 'ownership.json', 'routing.json', 'fees.json']);

/** Plans from several files as one register; a plan id in two files is an error of the second. */
function mergePlans(results: (PlanConversion & { file: string })[]): PlanConversion {
  const seen = new Map<string, string>();
  const out: PlanConversion = { plans: [], issues: [], warnings: [] };
  for (const r of results) {
    out.issues.push(...r.issues);
    out.warnings.push(...r.warnings);
    for (const plan of r.plans) {
      const first = seen.get(plan.id);
      if (first) out.issues.push(issue(r.file, null, 'planId', 'plan.duplicateFile', { value: plan.id, file: first }));
      else {
        seen.set(plan.id, r.file);
        out.plans.push(plan);
      }
    }
  }
  return out;
}

/** The basemap of `out` (else `base`) without its buildings, and the imported buildings. */
async function withBuildings(
  o: ImportOptions,
  file: string,
  properties: Property[],
): Promise<
  { features: BasemapFeature[]; warnings: ImportIssue[] } | { issues: ImportIssue[]; warnings: ImportIssue[] }
> {
  const issues: ImportIssue[] = [];
  const text = await readInput(file, issues);
  if (text === null) return { issues, warnings: [] };
  const converted = convertBuildings(text, properties, path.basename(file));
  if (converted.issues.length) return converted;
  const from = [o.out, o.base].find((d) => d && existsSync(path.join(d, 'basemap.geojson')));
  const kept = from ? (await loadBasemap(from)).features.filter((f) => f.properties.kind !== 'building') : [];
  return { features: [...kept, ...converted.buildings], warnings: converted.warnings };
}

/** A GeoPackage is read from its bytes (gpkg.ts), anything else as GeoJSON text. */
async function readProperties(o: ImportOptions, text: string) {
  const file = path.basename(o.properties);
  if (!/\.gpkg$/i.test(file)) return convertProperties(text, file);
  return convertPropertyFeatures(await readGeoPackage(await readFile(o.properties), file, o.propertiesLayer), file);
}

async function readInput(file: string, issues: ImportIssue[]): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    issues.push(
      issue(path.basename(file), null, null, 'file.unreadable', {
        reason: (err as NodeJS.ErrnoException).code ?? 'error',
      }),
    );
    return null;
  }
}

/**
 * Converts every input, and writes the fixtures directory only when all of it is valid: first into a fresh
 * directory beside `out`, which is then loaded exactly as the server loads it (so cross-file problems — an
 * owner's property that is not in the export, a routing rule naming a team that is not in teams.csv — are found
 * too), and only then moved into `out` file by file.
 */
export async function runImport(o: ImportOptions): Promise<ImportResult> {
  const issues: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const name = (f: string) => path.basename(f);
  const planFiles = typeof o.plans === 'string' ? [o.plans] : o.plans;
  const [propText, planTexts, staffText, teamText, muniText] = await Promise.all([
    readInput(o.properties, issues),
    Promise.all(planFiles.map((f) => readInput(f, issues))),
    readInput(o.staff, issues),
    readInput(o.teams, issues),
    o.municipality ? readInput(o.municipality, issues) : Promise.resolve(null),
  ]);
  const teams = teamText === null ? null : convertTeams(teamText, name(o.teams));
  const staff =
    staffText === null || !teams
      ? null
      : convertStaff(staffText, new Set(teams.teams.map((t) => t.id)), name(o.staff), o.today);
  const props = propText === null ? null : await readProperties(o, propText);
  const plans = planTexts.includes(null)
    ? null
    : mergePlans(
        planTexts.map((text, i) => ({ file: name(planFiles[i]!), ...convertPlanFile(text!, name(planFiles[i]!)) })),
      );
  for (const r of [teams, staff, props, plans]) if (r) issues.push(...r.issues);
  if (plans) warnings.push(...plans.warnings);

  let municipality: unknown = null;
  if (o.municipality && muniText !== null) {
    const file = name(o.municipality);
    try {
      const parsed = MunicipalitySchema.safeParse(JSON.parse(muniText.replace(/^\uFEFF/, '')));
      if (!parsed.success)
        for (const i of parsed.error.issues)
          issues.push(
            issue(file, null, i.path.join('.'), 'field.invalid', { field: i.path.join('.'), reason: i.message }),
          );
      else {
        municipality = parsed.data;
        if (parsed.data.logo && !existsSync(path.join(path.dirname(o.municipality), parsed.data.logo)))
          issues.push(issue(file, null, 'logo', 'file.unreadable', { reason: `${parsed.data.logo}: ENOENT` }));
      }
    } catch (err) {
      issues.push(issue(file, null, null, 'file.notJson', { reason: (err as Error).message }));
    }
  }
  for (const f of PASSTHROUGH) {
    const from = existsSync(path.join(o.out, f)) || (o.base && existsSync(path.join(o.base, f)));
    if (!from && REQUIRED.has(f))
      issues.push(issue(f, null, null, 'file.unreadable', { reason: `neither in ${o.out} nor in --base` }));
  }
  const counts = {
    properties: props?.properties.length ?? 0,
    plans: plans?.plans.length ?? 0,
    officers: staff?.officers.length ?? 0,
    teams: teams?.teams.length ?? 0,
  };
  if (issues.length || !props || !plans || !staff || !teams)
    return { ok: false, issues, warnings, written: [], counts };

  const assigned = assignPlans(props.properties, plans.plans, planFiles.map(name).join(', '));
  warnings.push(...assigned.warnings);
  const basemap = o.buildings ? await withBuildings(o, o.buildings, props.properties) : null;
  if (basemap && !('features' in basemap)) return { ok: false, ...basemap, written: [], counts };
  if (basemap) warnings.push(...basemap.warnings);
  const outputs: Record<string, unknown> = {
    'properties.json': assigned.properties,
    'plans.json': plans.plans,
    'officers.json': staff.officers,
    'teams.json': teams.teams,
    ...(municipality ? { 'municipality.json': municipality } : {}),
    ...(basemap ? { 'basemap.geojson': { type: 'FeatureCollection', features: basemap.features } } : {}),
  };

  await mkdir(path.dirname(path.resolve(o.out)), { recursive: true });
  const tmp = await mkdtemp(path.join(path.dirname(path.resolve(o.out)), '.lovisa-import-'));
  try {
    for (const [f, data] of Object.entries(outputs))
      await writeFile(path.join(tmp, f), JSON.stringify(data, null, 1) + '\n');
    const logo = (municipality as { logo?: string | null } | null)?.logo;
    if (logo) await copyFile(path.join(path.dirname(o.municipality!), logo), path.join(tmp, logo));
    for (const f of PASSTHROUGH.filter((p) => !(p in outputs))) {
      const source = existsSync(path.join(o.out, f)) ? path.join(o.out, f) : o.base ? path.join(o.base, f) : null;
      if (source && existsSync(source)) await copyFile(source, path.join(tmp, f));
      else if (f === 'basemap.geojson')
        await writeFile(path.join(tmp, f), '{"type":"FeatureCollection","features":[]}\n');
    }
    try {
      await Promise.all([
        loadFixtureRegisters(tmp),
        loadRoutingRules(tmp),
        loadFeeSchedule(tmp),
        loadBasemap(tmp),
        loadPhraseLibrary(tmp),
        loadMunicipality(tmp),
      ]);
      const routing = await loadRoutingRules(tmp);
      const teamIds = new Set(teams.teams.map((t) => t.id));
      for (const r of routing)
        if (!teamIds.has(r.teamId)) throw new Error(`fixtures/routing.json: the team ${r.teamId} is not in teams.csv`);
    } catch (err) {
      const message = (err as Error).message.replace(/\s+/g, ' ');
      return {
        ok: false,
        issues: [issue('fixtures', null, null, 'fixtures.invalid', { reason: message })],
        warnings,
        written: [],
        counts,
      };
    }
    await mkdir(o.out, { recursive: true });
    const written: string[] = [];
    for (const f of new Set([...Object.keys(outputs), ...(logo ? [logo] : []), ...PASSTHROUGH])) {
      if (!existsSync(path.join(tmp, f))) continue;
      await rename(path.join(tmp, f), path.join(o.out, f));
      written.push(f);
    }
    return { ok: true, issues: [], warnings, written, counts };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
