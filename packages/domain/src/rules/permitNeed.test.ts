import { describe, expect, it } from 'vitest';
import type { Position } from '@lovisa/geo';
import { assessPermitNeed, type PermitOutcome } from './permitNeed';
import { ruleSetFor } from './ruleSets';
import type { FindingCode } from './findings';
import type { ExistingBuilding, PlannedMeasure, Site } from './site';
import { E0, N0, box, house, multi, outsidePlanSite, plan, rect, shed, site } from './testSupport';

// The test plot (testSupport): 30 × 40 m, street along the south side (y < 0), neighbours east (x > 30),
// west (x < 0) and north (y > 40), the house at x 10–20, y 20–30, prickmark y < 6, korsmark x < 10, y > 32.

const REFORM = '2026-01-15'; // judged by the rules from 2025-12-01
const BEFORE = '2025-06-01'; // the attefall rules of 2020-08-01
const EARLY = '2020-03-01'; // attefall 25 m² (2019)

const existing = (
  legalBasis: ExistingBuilding['legalBasis'],
  x: number,
  y: number,
  w: number,
  d: number,
  use = 'komplementbyggnad',
): ExistingBuilding => ({
  footprint: box(x, y, w, d),
  use,
  legalBasis,
});
const withBuildings = (...more: ExistingBuilding[]) => site({ buildings: [house, ...more] });
const measure = (
  type: PlannedMeasure['type'],
  footprints: PlannedMeasure['footprints'],
  ridgeHeightM = 3.5,
  grossFloorAreaM2?: number,
): PlannedMeasure => ({
  type,
  footprints,
  ridgeHeightM,
  ...(grossFloorAreaM2 === undefined ? {} : { grossFloorAreaM2 }),
});
/** A bigger plot (100 × 100 m) with the house in one corner, for distances the small plot cannot hold. */
const bigPlot = (overrides: Partial<Site> = {}) =>
  site({
    boundary: multi(rect(0, 0, 100, 100)),
    plotAreaM2: 10_000,
    buildings: [{ ...house, footprint: box(10, 10, 10, 10) }],
    neighbours: [{ id: 'n-east', designation: 'Kjellstavik Eken 1:24', boundary: multi(rect(100, 0, 130, 100)) }],
    plan: { ...plan, prickmark: null, korsmark: null },
    ...overrides,
  });
const lake = (distanceFromPlot: number) => ({
  name: 'Kjellsjön',
  area: multi(rect(0, 40 + distanceFromPlot, 30, 200)),
});
const railway = (distanceFromPlot: number): Position[][] => [
  [
    [E0 - 100, N0 + 40 + distanceFromPlot],
    [E0 + 100, N0 + 40 + distanceFromPlot],
  ],
];

interface Case {
  name: string;
  on?: string;
  measure: PlannedMeasure;
  site?: Site;
  outcome: PermitOutcome;
  /** Reason codes that must be among the reasons. */
  reasons?: FindingCode[];
  /** Reason codes that must not be. */
  notReasons?: FindingCode[];
  /** The exact set of condition codes. */
  conditions?: FindingCode[];
  consentFrom?: string[];
  confirm?: boolean;
  tiers?: (string | null)[];
}

// A 4 × 4 m shed at (5, 10): 5 m from the west boundary, 10 m from the street, 6 m from the house.
const okShed = box(5, 10, 4, 4);

const cases: Case[] = [
  // ---- outbuildings inside a detailed plan, rules from 2025-12-01
  {
    name: 'small shed in the garden needs nothing',
    measure: shed(okShed),
    outcome: 'none',
    reasons: ['EXEMPTION_APPLIES'],
    conditions: ['IMMEDIATE_PROXIMITY'],
    confirm: false,
    tiers: ['exempt'],
  },
  { name: 'exactly 30.0 m² is still exempt', measure: shed(box(5, 8, 5, 6)), outcome: 'none' },
  { name: '30.004 m² reads as 30.00 m² (centimetre precision)', measure: shed(box(5, 8, 5.0006, 6)), outcome: 'none' },
  {
    name: '30.01 m² needs a permit',
    measure: shed(box(5, 8, 5.002, 6)),
    outcome: 'permit',
    reasons: ['PERMIT_REQUIRED', 'AREA_OVER_LIMIT'],
  },
  { name: 'ridge exactly 4.0 m is exempt', measure: shed(okShed, 4.0), outcome: 'none' },
  {
    name: 'ridge 4.01 m needs a permit',
    measure: shed(okShed, 4.01),
    outcome: 'permit',
    reasons: ['RIDGE_OVER_LIMIT'],
  },
  {
    name: '4.50 m from the east boundary: no consent needed',
    measure: shed(box(21.5, 10, 4, 4)),
    outcome: 'none',
    conditions: ['IMMEDIATE_PROXIMITY'],
    consentFrom: [],
  },
  {
    name: '4.49 m from the east boundary: the neighbour must consent',
    measure: shed(box(21.51, 10, 4, 4)),
    outcome: 'none',
    conditions: ['IMMEDIATE_PROXIMITY', 'NEIGHBOUR_CONSENT'],
    consentFrom: ['n-east'],
  },
  {
    name: '4.499 m reads as 4.50 m: no consent',
    measure: shed(box(21.501, 10, 4, 4)),
    outcome: 'none',
    consentFrom: [],
  },
  {
    name: 'in the north-east corner both neighbours must consent',
    measure: shed(box(22, 32, 4, 4)),
    outcome: 'none',
    consentFrom: ['n-east', 'n-north'],
  },
  {
    name: 'on the boundary itself consent is still the condition',
    measure: shed(box(26, 10, 4, 4)),
    outcome: 'none',
    consentFrom: ['n-east'],
  },
  {
    name: '4.49 m from the street: permit, no neighbour can waive it',
    measure: shed(box(5, 4.49, 4, 4)),
    outcome: 'permit',
    reasons: ['NEAR_PUBLIC_LAND'],
    conditions: [],
    consentFrom: [],
  },
  { name: '4.50 m from the street: exempt', measure: shed(box(5, 4.5, 4, 4)), outcome: 'none', consentFrom: [] },
  {
    name: 'allowance: existing friggebod 10 m² + new 30 m² = 40 ≤ 45',
    site: withBuildings(existing('friggebod', 22, 34, 2, 5)),
    measure: shed(box(5, 8, 5, 6)),
    outcome: 'none',
  },
  {
    name: 'allowance exactly used up: 15 + 30 = 45',
    site: withBuildings(existing('friggebod', 22, 34, 3, 5)),
    measure: shed(box(5, 8, 5, 6)),
    outcome: 'none',
  },
  {
    name: 'allowance exceeded by existing attefall buildings: 20 + 26 > 45',
    site: withBuildings(existing('attefall', 22, 34, 4, 5)),
    measure: shed(box(5, 8, 2.6, 10)),
    outcome: 'permit',
    reasons: ['ALLOWANCE_EXCEEDED'],
  },
  {
    name: 'allowance counts buildings put up under the 2025 exemption',
    site: withBuildings(existing('exempt', 22, 34, 4, 5)),
    measure: shed(box(5, 8, 2.6, 10)),
    outcome: 'permit',
    reasons: ['ALLOWANCE_EXCEEDED'],
  },
  {
    name: 'a permitted garage does not count against the allowance',
    site: withBuildings(existing('permit', 0, 32, 8, 8, 'garage')),
    measure: shed(box(5, 8, 5, 6)),
    outcome: 'none',
  },
  {
    name: 'two sheds of 20 m² share the 45 m² allowance',
    measure: measure('outbuilding', [box(2, 8, 4, 5), box(22, 8, 4, 5)]),
    outcome: 'none',
    tiers: ['exempt', 'exempt'],
  },
  {
    name: 'two sheds of 25 m² exceed the allowance together',
    measure: measure('outbuilding', [box(2, 8, 5, 5), box(22, 8, 5, 5)]),
    outcome: 'permit',
    reasons: ['ALLOWANCE_EXCEEDED'],
    tiers: [null, null],
  },
  {
    name: 'no house on the plot: the exemptions do not apply',
    site: site({ buildings: [] }),
    measure: shed(okShed),
    outcome: 'permit',
    reasons: ['NO_DWELLING_ON_PLOT'],
  },
  {
    name: 'far from the house: not in immediate proximity (uncertain limit)',
    site: bigPlot(),
    measure: shed(box(60, 60, 4, 4)),
    outcome: 'permit',
    reasons: ['NOT_NEAR_DWELLING'],
    confirm: true,
  },
  {
    name: '24 m from the house is still immediate proximity',
    site: bigPlot(),
    measure: shed(box(44, 10, 4, 4)),
    outcome: 'none',
  },
  {
    name: '2025 rules: next to a block of flats counts as next to a dwelling',
    site: site({ buildings: [{ ...house, use: 'flerbostadshus' }] }),
    measure: shed(okShed),
    outcome: 'none',
  },
  {
    name: 'before the reform: a block of flats is no one- or two-family house',
    on: BEFORE,
    site: site({ buildings: [{ ...house, use: 'flerbostadshus' }] }),
    measure: shed(okShed),
    outcome: 'permit',
    reasons: ['NO_DWELLING_ON_PLOT'],
  },
  {
    name: 'valuable built environment (q): permit for even a small shed',
    site: site({ plan: { ...plan, culturalHeritage: multi(rect(0, 0, 30, 40)) } }),
    measure: shed(okShed),
    outcome: 'permit',
    reasons: ['CULTURAL_HERITAGE'],
  },
  {
    name: 'q zone elsewhere in the plan does not touch the shed',
    site: site({ plan: { ...plan, culturalHeritage: multi(rect(50, 0, 80, 40)) } }),
    measure: shed(okShed),
    outcome: 'none',
  },
  {
    name: 'national defence interest: permit',
    site: site({ defenceInterest: true }),
    measure: shed(okShed),
    outcome: 'permit',
    reasons: ['DEFENCE_INTEREST'],
  },
  {
    name: 'shoreline protection: exempt, but never without the dispensation warning',
    site: site({ water: [lake(30)] }),
    measure: shed(okShed),
    outcome: 'none',
    conditions: ['SHORELINE_DISPENSATION', 'IMMEDIATE_PROXIMITY'],
  },
  {
    name: 'exactly 100 m from the shore: outside shoreline protection',
    site: site({ water: [lake(74)] }),
    measure: shed(okShed),
    outcome: 'none',
    conditions: ['IMMEDIATE_PROXIMITY'],
  },
  {
    name: '99.99 m from the shore: inside shoreline protection',
    site: site({ water: [lake(73.99)] }),
    measure: shed(okShed),
    outcome: 'none',
    conditions: ['SHORELINE_DISPENSATION', 'IMMEDIATE_PROXIMITY'],
  },
  {
    name: 'a permit measure by the shore still needs the dispensation',
    site: site({ water: [lake(30)] }),
    measure: shed(box(5, 8, 6, 6)),
    outcome: 'permit',
    conditions: ['SHORELINE_DISPENSATION'],
  },
  {
    name: 'exempt even on prickmark: the exemptions apply against the plan',
    measure: shed(box(5, 4.6, 4, 4)),
    outcome: 'none',
  },
  { name: 'exempt even on korsmark', measure: shed(box(2, 33, 4, 4)), outcome: 'none' },
  {
    name: 'railway 29.99 m away: permit (value uncertain after the reform)',
    site: site({ railways: railway(23.99) }),
    measure: shed(box(5, 30, 4, 4)),
    outcome: 'permit',
    reasons: ['NEAR_RAILWAY'],
    confirm: true,
  },
  {
    name: 'railway 30 m away: exempt',
    site: site({ railways: railway(24) }),
    measure: shed(box(5, 30, 4, 4)),
    outcome: 'none',
  },
  { name: 'carport of 20 m²: exempt', measure: measure('carport', [box(2, 8, 4, 5)], 3), outcome: 'none' },

  // ---- extensions
  {
    name: 'extension of 30 m² gross floor area: notification, to be confirmed',
    measure: measure('extension', [box(20, 20, 5, 6)], 5),
    outcome: 'notification',
    reasons: ['CONFIRM_WITH_MUNICIPALITY'],
    confirm: true,
  },
  {
    name: 'extension of 30.01 m²: permit',
    measure: measure('extension', [box(20, 20, 5.002, 6)], 5),
    outcome: 'permit',
    reasons: ['AREA_OVER_LIMIT'],
  },
  {
    name: 'extension above the main ridge: permit',
    measure: measure('extension', [box(20, 20, 4, 5)], 6.6),
    outcome: 'permit',
    reasons: ['RIDGE_ABOVE_MAIN_BUILDING'],
  },
  {
    name: 'extension level with the main ridge: notification',
    measure: measure('extension', [box(20, 20, 4, 5)], 6.5),
    outcome: 'notification',
  },
  {
    name: 'two-storey extension counts gross floor area, not footprint',
    measure: measure('extension', [box(20, 20, 4, 5)], 6, 40),
    outcome: 'permit',
    reasons: ['AREA_OVER_LIMIT'],
  },
  {
    name: 'an extension does not draw on the outbuilding allowance',
    site: withBuildings(existing('attefall', 22, 34, 5, 5), existing('friggebod', 0, 34, 4, 5)),
    measure: measure('extension', [box(20, 20, 4, 5)], 5),
    outcome: 'notification',
  },
  {
    name: 'before the reform: attefall extension of 15 m²',
    on: BEFORE,
    measure: measure('extension', [box(20, 20, 3, 5)], 5),
    outcome: 'notification',
    confirm: false,
  },
  {
    name: 'before the reform: extension of 15.01 m² needs a permit',
    on: BEFORE,
    measure: measure('extension', [box(20, 20, 3.002, 5)], 5),
    outcome: 'permit',
  },

  // ---- small dwellings and new houses
  {
    name: 'komplementbostadshus of 30 m²: notification, confirm with the municipality',
    measure: measure('smallDwelling', [box(2, 8, 5, 6)], 4),
    outcome: 'notification',
    confirm: true,
  },
  {
    name: 'komplementbostadshus of 31 m²: permit',
    measure: measure('smallDwelling', [box(2, 8, 5.2, 6)], 4),
    outcome: 'permit',
  },
  {
    name: 'new house: always a permit',
    site: site({ buildings: [] }),
    measure: measure('newMainBuilding', [box(8, 10, 12, 10)], 7),
    outcome: 'permit',
    reasons: ['NEW_MAIN_BUILDING'],
    tiers: [null],
  },

  // ---- outside a detailed plan
  {
    name: 'outside plan: 50 m² outbuilding is exempt',
    site: outsidePlanSite({ boundary: multi(rect(0, 0, 60, 60)), plotAreaM2: 3600 }),
    measure: shed(box(22, 35, 10, 5), 4.5),
    outcome: 'none',
  },
  {
    name: 'outside plan: 50.01 m² needs a permit',
    site: outsidePlanSite({ boundary: multi(rect(0, 0, 60, 60)), plotAreaM2: 3600 }),
    measure: shed(box(22, 35, 10.002, 5), 4.5),
    outcome: 'permit',
    reasons: ['AREA_OVER_LIMIT'],
  },
  {
    name: 'outside plan: ridge 4.51 m needs a permit',
    site: outsidePlanSite({ boundary: multi(rect(0, 0, 60, 60)), plotAreaM2: 3600 }),
    measure: shed(box(22, 35, 10, 5), 4.51),
    outcome: 'permit',
    reasons: ['RIDGE_OVER_LIMIT'],
  },
  {
    name: 'outside plan: allowance 65 m² — 15 + 50 fits',
    site: outsidePlanSite({
      boundary: multi(rect(0, 0, 60, 60)),
      buildings: [house, existing('friggebod', 40, 5, 3, 5)],
    }),
    measure: shed(box(22, 35, 10, 5), 4),
    outcome: 'none',
  },
  {
    name: 'outside plan: allowance 65 m² — 20 + 50 does not',
    site: outsidePlanSite({
      boundary: multi(rect(0, 0, 60, 60)),
      buildings: [house, existing('friggebod', 40, 5, 4, 5)],
    }),
    measure: shed(box(22, 35, 10, 5), 4),
    outcome: 'permit',
    reasons: ['ALLOWANCE_EXCEEDED'],
  },
  {
    name: 'outside plan: no street rule without a plan’s public land',
    site: outsidePlanSite(),
    measure: shed(box(5, 1, 4, 4)),
    outcome: 'none',
    consentFrom: [],
  },
  {
    name: 'countryside (9 kap. 6 §): a large barn near the house is exempt',
    site: outsidePlanSite({ clusteredSettlement: false, boundary: multi(rect(0, 0, 60, 60)) }),
    measure: shed(box(25, 35, 10, 8), 5),
    outcome: 'none',
    tiers: ['rural'],
  },
  {
    name: 'countryside: 4 m from the boundary needs consent',
    site: outsidePlanSite({
      clusteredSettlement: false,
      boundary: multi(rect(0, 0, 60, 60)),
      neighbours: [{ id: 'n-east', designation: 'Kjellstavik Strandängen 4:2', boundary: multi(rect(60, 0, 90, 60)) }],
    }),
    measure: shed(box(40, 22, 16, 4), 5),
    outcome: 'none',
    consentFrom: ['n-east'],
  },
  {
    name: 'clustered settlement gets no countryside exemption',
    site: outsidePlanSite({ boundary: multi(rect(0, 0, 60, 60)) }),
    measure: shed(box(25, 35, 10, 8), 4),
    outcome: 'permit',
  },

  // ---- a property in two separate areas (MultiPolygon)
  {
    name: 'MultiPolygon plot: shed in the second area, distances to its own boundary',
    site: site({
      boundary: multi(rect(0, 0, 30, 40), rect(40, 0, 60, 20)),
      plotAreaM2: 1600,
      buildings: [house, { ...house, footprint: box(45, 5, 8, 8) }],
      neighbours: [{ id: 'n-far-east', designation: 'Kjellstavik Eken 1:30', boundary: multi(rect(60, 0, 90, 20)) }],
    }),
    measure: shed(box(54, 5, 4, 4)),
    outcome: 'none',
    consentFrom: ['n-far-east'],
    conditions: ['IMMEDIATE_PROXIMITY', 'NEIGHBOUR_CONSENT'],
  },

  // ---- the rules before the reform (friggebod, attefall)
  {
    name: 'before: friggebod 15 m², ridge 3.0 m: nothing needed',
    on: BEFORE,
    measure: shed(box(5, 8, 3, 5), 3.0),
    outcome: 'none',
    tiers: ['friggebod'],
  },
  {
    name: 'before: 15 m² with ridge 3.5 m is an attefall building (notification)',
    on: BEFORE,
    measure: shed(box(5, 8, 3, 5), 3.5),
    outcome: 'notification',
    reasons: ['RIDGE_OVER_LIMIT'],
    tiers: ['attefall'],
  },
  {
    name: 'before: 16 m² is an attefall building',
    on: BEFORE,
    measure: shed(box(5, 8, 4, 4), 3.0),
    outcome: 'notification',
    reasons: ['AREA_OVER_LIMIT'],
  },
  { name: 'before: attefall 30 m²', on: BEFORE, measure: shed(box(5, 8, 5, 6), 4.0), outcome: 'notification' },
  { name: 'before: 30.01 m² needs a permit', on: BEFORE, measure: shed(box(5, 8, 5.002, 6), 4.0), outcome: 'permit' },
  {
    name: 'before: friggebod allowance of 15 m² used by an existing one',
    on: BEFORE,
    site: withBuildings(existing('friggebod', 22, 34, 2, 5)),
    measure: shed(box(5, 8, 2, 3), 2.8),
    outcome: 'notification',
    reasons: ['ALLOWANCE_EXCEEDED'],
    tiers: ['attefall'],
  },
  {
    name: '2019 rules: attefall building at most 25 m²',
    on: EARLY,
    measure: shed(box(5, 8, 5, 5.2), 4.0),
    outcome: 'permit',
    reasons: ['AREA_OVER_LIMIT'],
  },
  {
    name: '2019 rules: 25 m² is an attefall building',
    on: EARLY,
    measure: shed(box(5, 8, 5, 5), 4.0),
    outcome: 'notification',
  },
  {
    name: 'before: komplementbostadshus (attefall) 30 m²: notification, certain',
    on: BEFORE,
    measure: measure('smallDwelling', [box(2, 8, 5, 6)], 4),
    outcome: 'notification',
    confirm: false,
  },
  {
    name: 'reform day: 20 m² shed with 3.5 m ridge needs nothing',
    on: '2025-12-01',
    measure: shed(box(2, 8, 4, 5)),
    outcome: 'none',
  },
  {
    name: 'day before the reform: the same shed needs a notification',
    on: '2025-11-30',
    measure: shed(box(2, 8, 4, 5)),
    outcome: 'notification',
  },
];

describe('assessPermitNeed', () => {
  it('has at least 60 named cases', () => expect(cases.length).toBeGreaterThanOrEqual(60));

  it.each(cases)('$name', (c) => {
    const ruleSet = ruleSetFor(c.on ?? REFORM)!;
    const a = assessPermitNeed(c.measure, c.site ?? site(), ruleSet);
    const codes = (fs: { code: string }[]) => fs.map((f) => f.code);
    expect(a.outcome, JSON.stringify(a.reasons.map((r) => r.text.sv))).toBe(c.outcome);
    expect(a.reasons[0]!.code).toBe(
      c.outcome === 'permit'
        ? 'PERMIT_REQUIRED'
        : c.outcome === 'notification'
          ? 'NOTIFICATION_REQUIRED'
          : 'NO_PERMIT_NEEDED',
    );
    for (const code of c.reasons ?? []) expect(codes(a.reasons)).toContain(code);
    for (const code of c.notReasons ?? []) expect(codes(a.reasons)).not.toContain(code);
    if (c.conditions) expect(codes(a.conditions).sort()).toEqual([...c.conditions].sort());
    if (c.consentFrom) expect(a.consentFrom.map((n) => n.id).sort()).toEqual([...c.consentFrom].sort());
    if (c.confirm !== undefined) expect(a.confirmWithMunicipality).toBe(c.confirm);
    if (c.tiers) expect(a.tiers).toEqual(c.tiers);
    expect(a.ruleSetId).toBe(ruleSet.id);
  });
});

describe('what the verdict says', () => {
  it('gives the distance and the neighbour by name, in Swedish and English', () => {
    const a = assessPermitNeed(shed(box(22, 10, 4, 4)), site(), ruleSetFor(REFORM)!);
    const consent = a.conditions.find((c) => c.code === 'NEIGHBOUR_CONSENT')!;
    expect(consent.text.sv).toBe(
      'Byggnaden ligger 4 m från tomtgränsen. Närmare än 4,5 m krävs skriftligt medgivande från alla ägare till Kjellstavik Eken 1:24.',
    );
    expect(consent.text.en).toContain('4 m from the boundary. Closer than 4.5 m');
    expect(a.figures.distanceToBoundaryM).toBe(4);
    expect(a.figures.nearestBoundary!.to[0]).toBe(E0 + 30);
    expect(a.figures.nearestNeighbour).toBe('Kjellstavik Eken 1:24');
  });

  it('names, for each building, the neighbours it comes too close to', () => {
    const twoSheds = measure('outbuilding', [box(26, 10, 3, 3), box(12, 37, 3, 2)]);
    const a = assessPermitNeed(twoSheds, site(), ruleSetFor(REFORM)!);
    expect(a.outcome).not.toBe('permit');
    expect(a.consentFrom.map(({ id, footprints }) => ({ id, footprints }))).toEqual([
      { id: 'n-east', footprints: [0] },
      { id: 'n-north', footprints: [1] },
    ]);
  });

  it('reports the figures the map shows', () => {
    const a = assessPermitNeed(shed(box(5, 10, 4, 3)), site(), ruleSetFor(REFORM)!);
    expect(a.figures).toMatchObject({
      buildingAreaM2: 12,
      grossFloorAreaM2: 12,
      distanceToBoundaryM: 5,
      distanceToPublicLandM: 10,
    });
  });

  it('an uncertain outcome asks the applicant to confirm with the municipality, in both languages', () => {
    const a = assessPermitNeed(measure('smallDwelling', [box(2, 8, 5, 6)], 4), site(), ruleSetFor(REFORM)!);
    const confirm = a.reasons.find((r) => r.code === 'CONFIRM_WITH_MUNICIPALITY')!;
    expect(confirm.uncertain).toBe(true);
    expect(confirm.text.sv).toMatch(/^Bekräfta med kommunen: /);
    expect(confirm.text.en).toMatch(/^Confirm with the municipality: /);
  });
});
