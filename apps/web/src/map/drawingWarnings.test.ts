import { describe, expect, it } from 'vitest';
import {
  completenessInputFrom,
  evaluateApplication,
  ruleSetFor,
  type DetailedPlan,
  type Evaluation,
  type Footprint,
  type MeasureType,
  type Site,
} from '@lovisa/domain';
import { rectangleAtCorner, type Polygon } from '@lovisa/geo';
import plans from '../../../../fixtures/plans.json';
import { buildingFacts, drawingWarnings, type DrawingWarning } from './drawingWarnings';
import { eken123, poly } from './testSite';

const plan = (plans as DetailedPlan[]).find((p) => p.id === 'dp-1284-p2019-4')!;
const site: Site = {
  boundary: eken123.boundary,
  plotAreaM2: 1050,
  plan,
  buildings: [
    { footprint: eken123.buildings[0]!, use: 'bostadshus', legalBasis: 'permit', heightM: 6.5 },
    { footprint: eken123.buildings[1]!, use: 'friggebod', legalBasis: 'friggebod', heightM: 2.8 },
  ],
  neighbours: eken123.neighbours,
  water: [],
};
const mapSite = { ...eken123, prickmark: plan.prickmark, korsmark: plan.korsmark };

/** A w × d building with its south-west corner `west` m from the west boundary and `south` m from the south. */
const at = (west: number, south: number, w: number, d: number): Polygon =>
  rectangleAtCorner([620060 + west, 6650005 + south], w, d, 0);
const fp = (...geometries: Polygon[]): Footprint[] =>
  geometries.map((geometry, i) => ({ id: `byggnad-${i + 1}`, measure: 'outbuilding', geometry }));

function judge(footprints: Footprint[], measure: MeasureType = 'outbuilding'): Evaluation {
  return evaluateApplication(
    completenessInputFrom({ propertyId: 'p', measure, footprints, details: {} }),
    site,
    ruleSetFor('2026-06-01')!,
  );
}
const warn = (footprints: Footprint[]) => drawingWarnings(footprints, mapSite, judge(footprints));
const codes = (ws: DrawingWarning[]) => ws.map((w) => w.code);

describe('warnings while drawing on Eken 1:23', () => {
  it('has nothing to say about a small shed well inside the plot', () => {
    expect(warn(fp(at(14, 15, 4, 3)))).toEqual([]);
  });

  it('asks for the neighbour’s consent within 4.5 m of the boundary, naming the neighbour', () => {
    const w = warn(fp(at(1, 27, 4, 3)));
    expect(w).toEqual([
      {
        code: 'neighbourConsent',
        building: 1,
        distanceM: 1,
        limitM: 4.5,
        boundary: { side: 'west', kind: 'neighbour', name: 'Kjellstavik Eken 1:22' },
        neighbours: ['Kjellstavik Eken 1:22'],
      },
    ]);
  });

  it('says how much lies on prickmark, and that the plan wants 4.5 m from the street side', () => {
    const w = warn(fp(at(12, 2, 4, 3)));
    expect(w).toContainEqual({ code: 'prickmark', building: 1, areaM2: 12 });
    expect(w).toContainEqual(
      expect.objectContaining({
        code: 'planBoundaryDistance',
        building: 1,
        distanceM: 2,
        limitM: 4.5,
        boundary: expect.objectContaining({ name: 'Ekvägen' }),
      }),
    );
    expect(codes(w)).not.toContain('neighbourConsent');
  });

  it('warns about a building outside the property, on an existing building, or on another drawn one', () => {
    expect(codes(warn(fp(at(-3, 15, 4, 3))))).toContain('outside');
    expect(warn(fp(at(10, 10, 4, 4)))).toContainEqual({ code: 'overlapsExisting', building: 1, areaM2: 8 });
    expect(warn(fp(at(14, 15, 4, 3), at(16, 16, 4, 3)))).toContainEqual({
      code: 'overlapsDrawn',
      building: 2,
      other: 1,
    });
  });

  it('says so when the edges cross, and measures nothing of such a shape', () => {
    const bowTie = poly([
      [620070, 6650020],
      [620074, 6650024],
      [620074, 6650020],
      [620070, 6650024],
      [620070, 6650020],
    ]);
    expect(warn(fp(bowTie))).toEqual([{ code: 'selfIntersecting', building: 1 }]);
    expect(buildingFacts(fp(bowTie), mapSite)[0]).toMatchObject({ usable: false, nearest: null });
  });

  it('passes on the allowance the rules engine found exceeded, and a plan area that is too large', () => {
    // With the existing friggebod, two sheds of 25 m² go over the 45 m² the plot may have without a permit.
    const over = warn(fp(at(14, 13, 5, 5), at(22, 13, 5, 5)));
    expect(over).toContainEqual(expect.objectContaining({ code: 'allowanceExceeded' }));
    // 25 % of 1 050 m² with the 120 m² house: a 16 × 10 m garage is too much for the plan.
    const big = warn(fp(at(12, 12, 16, 10)));
    expect(big).toContainEqual({ code: 'buildingAreaExceeded', usedM2: 280, limitM2: 262.5 });
  });

  it('measures each building: area, shape and the named boundary nearest it', () => {
    const [f] = buildingFacts(fp(at(26, 15, 2, 3)), mapSite);
    expect(f).toMatchObject({
      number: 1,
      areaM2: 6,
      within: true,
      rectangle: { widthM: 2, depthM: 3, rotationDeg: 0 },
    });
    expect(f!.nearest).toMatchObject({
      distanceM: 2,
      from: [620088, 6650020],
      segment: [
        [620090, 6650005],
        [620090, 6650040],
      ],
    });
    expect(f!.boundary?.name).toBe('Kjellstavik Björken 2:5');
  });

  it('leaves out what needs the verdict while there is none', () => {
    expect(drawingWarnings(fp(at(1, 27, 4, 3)), mapSite, null)).toEqual([]);
  });
});
