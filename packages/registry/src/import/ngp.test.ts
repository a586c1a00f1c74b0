import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_BY_CODE, CATALOGUE_BY_UUID, PLAN_CATALOGUE, UNIT_OF } from './catalogue';
import { formatIssue } from './issues';
import { convertNgpPlans, convertPlanFile } from './ngp';
import { CATALOGUE_CODES } from './plans';

const sample = readFileSync(new URL('../../../../fixtures/import-samples/detaljplan.json', import.meta.url), 'utf8');
const yourTown = readFileSync(new URL('../../../../docs/your-town.md', import.meta.url), 'utf8');

type Feature = { type: 'Feature'; geometry: null; properties: Record<string, unknown> };
const doc = () => JSON.parse(sample) as { features: Feature[] } & Record<string, unknown>;
const lines = (issues: Parameters<typeof formatIssue>[0][]) => issues.map((i) => formatIssue(i));

describe("Boverket's catalogue entries Lovisa reads", () => {
  it('has each code and UUID once, and every numeric entry takes one number in the unit Lovisa checks', () => {
    expect(CATALOGUE_BY_CODE.size).toBe(PLAN_CATALOGUE.length);
    expect(CATALOGUE_BY_UUID.size).toBe(PLAN_CATALOGUE.length);
    const unitWord = { kvadratmeter: 'm²', procent: '%', meter: 'meter' } as const;
    for (const e of PLAN_CATALOGUE) {
      expect(e.uuid).toMatch(/^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/);
      if (e.kind.startsWith('use:')) continue;
      expect(e.wording.match(/:decimaltal\]/g), e.code).toHaveLength(1);
      expect(e.wording, e.code).toContain(
        `:decimaltal] ${unitWord[UNIT_OF[e.kind as keyof typeof UNIT_OF] as keyof typeof unitWord]}`,
      );
      expect(CATALOGUE_CODES[e.code]).toBe(e.kind);
    }
  });

  it('is printed, code, UUID and wording, in docs/your-town.md', () => {
    for (const e of PLAN_CATALOGUE) {
      const row = yourTown.split('\n').find((l) => l.includes(`\`${e.code}\``));
      expect(row, e.code).toBeDefined();
      expect(row).toContain(e.uuid);
      expect(row).toContain(e.wording.replace(/\|/g, '\\|'));
    }
  });
});

describe("detailed plans in Lantmäteriet's national format (Detaljplan 4.1)", () => {
  it('reads the sample: limits by catalogue UUID, prickmark by its wording with a warning, the rest as text', () => {
    const { plans, issues, warnings } = convertPlanFile(sample, 'detaljplan.json');
    expect(issues).toEqual([]);
    expect(plans).toHaveLength(1);
    const plan = plans[0]!;
    expect(plan).toMatchObject({
      id: '5d2e8a41-7c3b-4f19-a6e2-9b0c1d2e3f41',
      planNumber: '9999-P2024/3',
      name: 'Detaljplan för Lärkan 1:5',
      legalForceDate: '2024-09-20',
      use: ['B'],
      maxBuildingAreaM2: null,
      maxBuildingAreaPercent: 25,
      maxRidgeHeightM: 5.5,
      minDistanceToBoundaryM: 4,
      korsmark: null,
      otherProvisions: [
        {
          code: '411d8c8f-2356-4a24-a342-4777592555f6',
          symbol: null,
          text: 'Största takvinkel är 27 grader.',
        },
      ],
    });
    expect(plan.prickmark?.coordinates).toHaveLength(1);
    expect(plan.area.coordinates[0]![0]).toContainEqual([540240, 6700100]);
    expect(lines(warnings)).toEqual([
      'detaljplan.json objekt 6: katalogreferensen 00000000-0000-4000-8000-000000000001 finns inte i Lovisas tabell; bestämmelsen läses som prickmark efter sin formulering',
      'detaljplan.json objekt 7: katalogreferensen 411d8c8f-2356-4a24-a342-4777592555f6 (”Största takvinkel är 27 grader.”) finns inte i Lovisas tabell; sparas som text, regelmotorn läser den inte',
    ]);
  });

  it('names the row of a value in the wrong unit, a missing value, a foreign CRS and an unknown feature type', () => {
    const d = doc();
    const f = d.features;
    (f[2]!.properties.bestammelsevarde as Record<string, unknown>[])[0]!.enhet = 'kvadratmeter';
    delete f[3]!.properties.bestammelsevarde;
    const g = (f[4]!.properties.bestammelsegeometri as { geometri: Record<string, unknown> }[])[0]!.geometri;
    g.koordinatsystemPlan = 'EPSG:4326';
    f.push({ type: 'Feature', geometry: null, properties: { 'feature:typ': 'planområde' } });
    const { plans, issues } = convertNgpPlans(JSON.stringify(d));
    expect(plans).toEqual([]);
    expect(lines(issues)).toEqual([
      'detaljplan.json objekt 3: bestämmelsen ”DP_KM_Eg_Utnytt_StorstaAreaProc_ByggnadsEgen” har enheten kvadratmeter; katalogen anger procent',
      'detaljplan.json objekt 4: bestämmelsen ”DP_KM_Eg_Hojd_HogstaHojd_Nockhojd” kräver ett numeriskt värde (varde)',
      'detaljplan.json objekt 5: koordinatsystemet EPSG:4326 stöds inte; exportera i SWEREF 99 TM (EPSG:3006)',
      'detaljplan.json objekt 8: feature:typ ska vara detaljplan eller en bestämmelse, inte ”planområde”',
      'detaljplan.json objekt 5: geometrin saknas',
    ]);
  });

  it('leaves out a plan that has not gained legal force, with its provisions, and says so', () => {
    const d = doc();
    d.features[0]!.properties.status = 'granskning';
    const { plans, issues, warnings } = convertNgpPlans(JSON.stringify(d));
    expect(plans).toEqual([]);
    expect(lines(issues)).toEqual(['detaljplan.json: filen har inget objekt med objekttyp planomrade']);
    expect(lines(warnings)[0]).toBe(
      'detaljplan.json objekt 1: planen har status ”granskning” och har inte vunnit laga kraft; den och dess bestämmelser läses inte',
    );
  });

  it('refuses another media type instead of guessing its shape', () => {
    const d = doc();
    d['feature:mediatyp'] = 'application/vnd.lm.detaljplan.v3+json';
    expect(lines(convertPlanFile(JSON.stringify(d), 'dp.json').issues)).toEqual([
      'dp.json: feature:mediatyp application/vnd.lm.detaljplan.v3+json stöds inte; Lovisa läser application/vnd.lm.detaljplan.v4+json',
    ]);
  });
});
