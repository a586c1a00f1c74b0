import { describe, expect, it } from 'vitest';
import { formatIssue } from './issues';
import { parseCsv } from './csv';
import { convertStaff, convertTeams } from './staff';
import { convertProperties } from './properties';
import { assignPlans, convertPlans, provisionKind } from './plans';
import { fromDetaljplan, toDetaljplan } from '../http/wire';

const TEAMS = new Set(['bygglov', 'plan-och-bygg']);
const HEADER = 'personnummer;förnamn;efternamn;e-post;enhet;roll';
const today = new Date('2026-12-01T12:00:00Z');

describe('CSV as Swedish Excel writes it', () => {
  it('reads semicolons, a BOM, CRLF, quoted fields with ; and "" inside, and skips blank lines', () => {
    const { header, rows, issues } = parseCsv('\uFEFFId;Namn\r\n\r\nbygglov;"Bygg; och ""lov"""\r\n', 't.csv');
    expect(issues).toEqual([]);
    expect(header).toEqual(['id', 'namn']);
    expect(rows).toEqual([{ line: 3, values: { id: 'bygglov', namn: 'Bygg; och "lov"' } }]);
  });

  it('falls back to commas when the header has no semicolon', () => {
    expect(parseCsv('id,namn\nbygglov,Bygglov\n', 't.csv').rows[0]!.values).toEqual({ id: 'bygglov', namn: 'Bygglov' });
  });

  it('says which row has the wrong number of columns', () => {
    const { issues } = parseCsv('id;namn\nbygglov\n', 't.csv');
    expect(issues.map((i) => formatIssue(i))).toEqual(['t.csv rad 2: raden har 1 kolumner men rubrikraden 2']);
  });
});

describe('staff.csv and teams.csv', () => {
  it('converts rows, accepting personnummer as people write them and Swedish role words', () => {
    const csv = `${HEADER}\n19500627-2354;Eva;Exempeldotter;eva@exempelby.example;bygglov;Handläggare\n501105-2478;Filip;Provare;filip@exempelby.example;bygglov;gruppchef\n`;
    const { officers, issues } = convertStaff(csv, TEAMS, 'staff.csv', today);
    expect(issues).toEqual([]);
    expect(officers).toEqual([
      {
        personnummer: '195006272354',
        givenName: 'Eva',
        surname: 'Exempeldotter',
        teamId: 'bygglov',
        role: 'officer',
        email: 'eva@exempelby.example',
      },
      {
        personnummer: '195011052478',
        givenName: 'Filip',
        surname: 'Provare',
        teamId: 'bygglov',
        role: 'teamLead',
        email: 'filip@exempelby.example',
      },
    ]);
  });

  it('reports every bad row with its line, field and a message in Swedish and English, and converts nothing', () => {
    const csv = [
      HEADER,
      '195006272354;Eva;Exempeldotter;eva@exempelby.example;bygglov;handläggare',
      '195006272355;Fel;Kontroll;fel@exempelby.example;bygglov;handläggare',
      '195011052478;Filip;Provare;;bygglov;handläggare',
      '195103181870;Greta;Granskare;greta@;okänd-enhet;chef',
      '195006272354;Dubbel;Post;d@exempelby.example;bygglov;handläggare',
    ].join('\r\n');
    const { officers, issues } = convertStaff(csv, TEAMS, 'staff.csv', today);
    expect(officers).toEqual([]);
    expect(issues.map((i) => formatIssue(i))).toEqual([
      'staff.csv rad 3: personnumret är inte giltigt (kontrollsiffran eller datumet stämmer inte)',
      'staff.csv rad 4: e-postadressen saknas',
      'staff.csv rad 5: e-postadressen ”greta@” är inte giltig',
      'staff.csv rad 5: enheten ”okänd-enhet” finns inte i teams.csv',
      'staff.csv rad 5: rollen ”chef” finns inte; använd handläggare eller gruppchef',
      'staff.csv rad 6: personnumret finns redan på rad 2',
    ]);
    expect(issues[1]).toMatchObject({
      file: 'staff.csv',
      row: 4,
      field: 'epost',
      messageEn: 'the e-mail address is missing',
    });
    expect(formatIssue(issues[1]!, 'en')).toBe('staff.csv row 4: the e-mail address is missing');
    // A personnummer is never repeated in a message: the operator's terminal and CI logs are no place for it.
    for (const i of issues) expect(`${i.message} ${i.messageEn}`).not.toMatch(/\d{6}/);
  });

  it('names a missing column', () => {
    const { issues } = convertStaff('personnummer;förnamn;efternamn;enhet;roll\n', TEAMS, 'staff.csv', today);
    expect(issues.map((i) => formatIssue(i))).toEqual(['staff.csv rad 1: rubrikraden saknar kolumnen epost']);
  });

  it('checks team ids and duplicates', () => {
    const { teams, issues } = convertTeams(
      'id;namn\nbygglov;Bygglov\nbygglov;Igen\nPlan Bygg;Plan\n;Utan id\n',
      'teams.csv',
    );
    expect(teams).toEqual([]);
    expect(issues.map((i) => formatIssue(i))).toEqual([
      'teams.csv rad 3: enhets-id ”bygglov” finns redan på rad 2',
      'teams.csv rad 4: enhets-id ”Plan Bygg” får bara innehålla a–z, 0–9 och bindestreck',
      'teams.csv rad 5: id saknas',
    ]);
  });
});

const box = (e1: number, n1: number, e2: number, n2: number) => [
  [
    [e1, n1],
    [e2, n1],
    [e2, n2],
    [e1, n2],
    [e1, n1],
  ],
];
const fc = (features: { properties: Record<string, unknown>; geometry: unknown }[], crs?: string) =>
  JSON.stringify({
    type: 'FeatureCollection',
    ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
    features: features.map((f) => ({ type: 'Feature', ...f })),
  });
const UUID = (n: number) => `7b1e4c2a-0d3f-4e5a-9b6c-1a2b3c4d5e${String(n).padStart(2, '0')}`;
const poly = (...b: [number, number, number, number]) => ({ type: 'Polygon', coordinates: box(...b) });

describe('properties from a cadastral GeoJSON export', () => {
  it('builds the designation from its parts and puts a unit’s areas together in omradesnummer order', () => {
    const { properties, issues } = convertProperties(
      fc(
        [
          {
            properties: {
              objektidentitet: UUID(1),
              registeromrade: 'Exempelby',
              trakt: 'Lärkan',
              block: '1',
              enhet: 1,
              totalLandareal: 1000,
            },
            geometry: poly(540000, 6700010, 540025, 6700050),
          },
          {
            properties: {
              objektidentitet: UUID(2),
              fastighetsbeteckning: 'Exempelby Lärkan 1:5',
              omradesnummer: 2,
              landareal: 300,
            },
            geometry: poly(540200, 6700080, 540230, 6700090),
          },
          {
            properties: {
              objektidentitet: UUID(2),
              fastighetsbeteckning: 'Exempelby Lärkan 1:5',
              omradesnummer: 1,
              landareal: 1200,
            },
            geometry: poly(540200, 6700010, 540230, 6700050),
          },
          {
            properties: { objektidentitet: UUID(3), registeromrade: 'Exempelby', trakt: 'Kvarnen', enhet: 4 },
            geometry: poly(540300, 6700010, 540320, 6700030),
          },
        ],
        'urn:ogc:def:crs:EPSG::3006',
      ),
    );
    expect(issues).toEqual([]);
    expect(properties.map((p) => [p.designation, p.registeredAreaM2, p.boundary.coordinates.length])).toEqual([
      ['Exempelby Lärkan 1:1', 1000, 1],
      ['Exempelby Lärkan 1:5', 1500, 2],
      // No block number: "Trakt enhet"; no registered area in the export: the drawn one.
      ['Exempelby Kvarnen 4', 400, 1],
    ]);
    expect(properties[1]!.boundary.coordinates[0]![0]![0]).toEqual([540200, 6700010]);
  });

  it('refuses another coordinate system, WGS84 degrees and swapped axes, and names each feature', () => {
    expect(
      convertProperties(fc([{ properties: {}, geometry: null }], 'urn:ogc:def:crs:OGC:1.3:CRS84')).issues.map((i) =>
        formatIssue(i),
      ),
    ).toEqual([
      'properties.geojson: koordinatsystemet urn:ogc:def:crs:OGC:1.3:CRS84 stöds inte; exportera i SWEREF 99 TM (EPSG:3006)',
    ]);
    const { issues } = convertProperties(
      fc([
        {
          properties: { objektidentitet: UUID(1), fastighetsbeteckning: 'Exempelby Lärkan 1:1' },
          geometry: poly(16.1, 59.6, 16.2, 59.7),
        },
        {
          properties: { objektidentitet: UUID(2), fastighetsbeteckning: 'Exempelby Lärkan 1:2' },
          geometry: poly(6700000, 540000, 6700020, 540020),
        },
        {
          properties: { objektidentitet: 'inte-en-uuid', fastighetsbeteckning: 'Exempelby Lärkan 1:3' },
          geometry: poly(540000, 6700000, 540010, 6700010),
        },
        { properties: { objektidentitet: UUID(4) }, geometry: poly(540000, 6700000, 540010, 6700010) },
        {
          properties: { objektidentitet: UUID(5), fastighetsbeteckning: 'Exempelby Lärkan 1:5' },
          geometry: { type: 'Point', coordinates: [540000, 6700000] },
        },
      ]),
    );
    expect(issues.map((i) => [i.row, i.field, i.id])).toEqual([
      [1, 'geometry', 'coordinates.notSweref'],
      [2, 'geometry', 'coordinates.notSweref'],
      [3, 'objektidentitet', 'field.invalid'],
      [4, 'fastighetsbeteckning', 'property.designation'],
      [5, 'geometry', 'geometry.type'],
    ]);
    expect(formatIssue(issues[0]!)).toBe(
      'properties.geojson objekt 1: koordinaterna (16,1, 59,6) ligger inte i Sverige i SWEREF 99 TM; är de i WGS84 eller har axlarna bytt plats?',
    );
  });
});

const planomrade = {
  objekttyp: 'planomrade',
  plannummer: '9999-P2022/7',
  namn: 'Detaljplan för Lärkan',
  lagakraftdatum: '2022-06-15',
};
const yta = (bestammelser: unknown[], b: [number, number, number, number] = [540000, 6700010, 540100, 6700050]) => ({
  properties: { objekttyp: 'bestammelseyta', bestammelser },
  geometry: poly(...b),
});

describe('detailed plans in the national digital plan shape', () => {
  it('maps catalogue codes, symbols and wordings to the rules engine’s provisions', () => {
    const { plans, issues, warnings } = convertPlans(
      fc([
        { properties: planomrade, geometry: poly(540000, 6700000, 540100, 6700050) },
        yta([
          { bestammelsetyp: 'användningsbestämmelse', beteckning: 'B1' },
          { bestammelsekod: 'DP_KM_Eg_Utnytt_StorstaAreaProc_ByggnadsEgen', beteckning: 'e1', varde: '25' },
          { beteckning: 'h1', bestammelseformulering: 'Högsta nockhöjd är 7,5 meter' },
          { bestammelsekod: 'DP_KM_Eg_Plac_Byggnadsverk_Fastgrans', varde: 4.5 },
        ]),
        yta([{ symbol: 'Marken får inte förses med byggnad/byggnadsverk' }], [540000, 6700010, 540100, 6700016]),
        yta(
          [{ bestammelseformulering: 'Marken får endast förses med komplementbyggnad' }],
          [540000, 6700040, 540100, 6700050],
        ),
        yta(
          [{ beteckning: 'q1', bestammelseformulering: 'Byggnaden är särskilt värdefull' }],
          [540000, 6700020, 540020, 6700030],
        ),
        yta(
          [{ bestammelsetyp: 'användningsbestämmelse', beteckning: 'LOKALGATA' }],
          [540000, 6700000, 540100, 6700010],
        ),
        yta([
          {
            bestammelsekod: 'DP_KM_Eg_Hojd_HogstaHojd_NockhojdNollplan',
            beteckning: 'h2',
            varde: 42.5,
            bestammelseformulering: 'Högsta nockhöjd är +42,5 meter över angivet nollplan',
          },
        ]),
      ]),
    );
    expect(issues).toEqual([]);
    const plan = plans[0]!;
    expect(plan).toMatchObject({
      id: 'dp-9999-p2022-7',
      planNumber: '9999-P2022/7',
      use: ['B'],
      maxBuildingAreaM2: null,
      maxBuildingAreaPercent: 25,
      maxRidgeHeightM: 7.5,
      minDistanceToBoundaryM: 4.5,
    });
    expect(plan.prickmark?.coordinates).toHaveLength(1);
    expect(plan.korsmark?.coordinates).toHaveLength(1);
    expect(plan.culturalHeritage?.coordinates).toHaveLength(1);
    expect(plan.publicLand?.map((p) => p.use)).toEqual(['GATA']);
    // A height above a datum is not a height above ground: kept as text, never read as the ridge height.
    expect(plan.otherProvisions).toEqual([
      {
        code: 'DP_KM_Eg_Hojd_HogstaHojd_NockhojdNollplan',
        symbol: 'h2',
        text: 'Högsta nockhöjd är +42,5 meter över angivet nollplan',
      },
    ]);
    expect(warnings.map((w) => formatIssue(w))).toEqual([
      'plans.geojson objekt 7: okänd bestämmelse ”DP_KM_Eg_Hojd_HogstaHojd_NockhojdNollplan” sparas som text; regelmotorn läser den inte',
    ]);
    // The text provisions travel over the registers' HTTP API too (REGISTERS_URL), unchanged.
    expect(fromDetaljplan(toDetaljplan(plan))).toEqual(plan);
  });

  it('keeps the strictest of differing values, and says so', () => {
    const { plans, warnings } = convertPlans(
      fc([
        { properties: planomrade, geometry: poly(540000, 6700000, 540100, 6700050) },
        yta([{ bestammelseformulering: 'Största byggnadsarea är 200 m²' }]),
        yta([{ bestammelseformulering: 'Största byggnadsarea är 150 m2' }]),
      ]),
    );
    expect(plans[0]!.maxBuildingAreaM2).toBe(150);
    expect(warnings.map((w) => w.id)).toEqual(['plan.conflictingValues']);
  });

  it('refuses a provision it reads but whose value is missing, and one that names no plan in the file', () => {
    const { plans, issues } = convertPlans(
      fc([
        { properties: { ...planomrade, planId: 'a' }, geometry: poly(540000, 6700000, 540100, 6700050) },
        {
          properties: { ...planomrade, planId: 'b', plannummer: '9999-P2023/1' },
          geometry: poly(540200, 6700000, 540300, 6700050),
        },
        {
          properties: {
            objekttyp: 'bestammelseyta',
            planId: 'a',
            bestammelser: [{ bestammelsekod: 'DP_KM_Eg_Hojd_HogstaHojd_Nockhojd' }],
          },
          geometry: poly(540000, 6700000, 540010, 6700010),
        },
        {
          properties: { objekttyp: 'bestammelseyta', planId: 'c', bestammelser: [{ beteckning: 'B' }] },
          geometry: poly(540000, 6700000, 540010, 6700010),
        },
        { properties: { objekttyp: 'vägkant' }, geometry: poly(540000, 6700000, 540010, 6700010) },
        {
          properties: { objekttyp: 'planomrade', namn: 'Utan nummer', lagakraftdatum: '2022-13-01' },
          geometry: poly(540000, 6700000, 540010, 6700010),
        },
      ]),
    );
    expect(plans).toEqual([]);
    expect(issues.map((i) => formatIssue(i))).toEqual([
      'plans.geojson objekt 5: objekttyp ska vara planomrade eller bestammelseyta, inte ”vägkant”',
      expect.stringMatching(/^plans.geojson objekt 6: plannummer saknas$/),
      expect.stringMatching(/^plans.geojson objekt 6: lagakraftdatum är ogiltigt/),
      'plans.geojson objekt 3: bestämmelsen ”DP_KM_Eg_Hojd_HogstaHojd_Nockhojd” kräver ett numeriskt värde (varde)',
      'plans.geojson objekt 4: planen ”c” har inget planomrade i filen',
    ]);
  });

  it('puts each property in the plans that cover it, ignoring slivers along a shared boundary', () => {
    const plan = convertPlans(fc([{ properties: planomrade, geometry: poly(540000, 6700000, 540100, 6700050) }])).plans;
    const props = convertProperties(
      fc([
        {
          properties: { objektidentitet: UUID(1), fastighetsbeteckning: 'Exempelby Lärkan 1:1' },
          geometry: poly(540000, 6700010, 540025, 6700050),
        },
        // Overlaps the plan by a 0.1 m sliver only: a boundary drawn slightly differently, not "in the plan".
        {
          properties: { objektidentitet: UUID(2), fastighetsbeteckning: 'Exempelby Lärkan 1:2' },
          geometry: poly(540099.9, 6700010, 540130, 6700050),
        },
      ]),
    ).properties;
    const { properties, warnings } = assignPlans(props, plan);
    expect(properties.map((p) => p.planIds)).toEqual([['dp-9999-p2022-7'], []]);
    expect(warnings).toEqual([]);
    expect(provisionKind({ beteckning: 'prickmark' })).toBe('prickmark');
  });
});
