import { describe, expect, it } from 'vitest';
import { checkPlanCompliance, type PlanCompliance } from './planCompliance';
import { assessPermitNeed } from './permitNeed';
import { ruleSetFor } from './ruleSets';
import type { PlannedMeasure } from './site';
import { box, house, plan, shed, site } from './testSupport';

// Plot 30 × 40 m = 1 200 m², plan: 25 % (300 m²), ridge ≤ 7.5 m, 4.5 m to the boundary, use B,
// prickmark y < 6, korsmark x < 10 & y > 32. The house (100 m², permit) stands at x 10–20, y 20–30.

const house120 = (x = 8, y = 10, ridge = 7): PlannedMeasure => ({
  type: 'newMainBuilding',
  footprints: [box(x, y, 12, 10)],
  ridgeHeightM: ridge,
});
const rule = (c: PlanCompliance, code: string) => c.rules.find((r) => r.code === code);

describe('checkPlanCompliance', () => {
  it('a house that follows the plan passes every rule', () => {
    const c = checkPlanCompliance(house120(), site({ buildings: [] }), 'permit');
    expect(c.applicable).toBe(true);
    expect(c.planNumber).toBe('1284-P2020/1');
    expect(c.rules.map((r) => r.code)).toEqual([
      'PLAN_BUILDING_AREA',
      'PLAN_HEIGHT',
      'PLAN_PRICKMARK',
      'PLAN_KORSMARK',
      'PLAN_BOUNDARY_DISTANCE',
      'PLAN_USE',
    ]);
    expect(c.rules.every((r) => r.pass)).toBe(true);
    expect(c.deviation).toBe(false);
    expect(rule(c, 'PLAN_BUILDING_AREA')).toMatchObject({ value: 120, limit: 300, unit: 'm²' });
  });

  it('passes on the provisions it does not read, as text, and only when there are some', () => {
    expect(checkPlanCompliance(house120(), site({ buildings: [] }), 'permit').textProvisions).toBeUndefined();
    const facade = { code: 'DP_KM_Eg_Utformning_Fasad_Material', symbol: 'f1', text: 'Fasader ska utföras i trä' };
    const c = checkPlanCompliance(
      house120(),
      site({ buildings: [], plan: { ...plan, otherProvisions: [facade] } }),
      'permit',
    );
    expect(c.textProvisions).toEqual([facade]);
    // Not a deviation: nothing was judged against it.
    expect(c.deviation).toBe(false);
  });

  it('building area over the plan’s share of the plot is a deviation', () => {
    const s = site({ buildings: [house, { ...house, footprint: box(21, 32, 17, 10), use: 'garage' }] }); // 100 + 170
    const c = checkPlanCompliance(shed(box(5, 8, 6, 6)), s, 'permit');
    expect(rule(c, 'PLAN_BUILDING_AREA')).toMatchObject({ value: 306, limit: 300, pass: false });
    expect(c.deviation).toBe(true);
    expect(rule(c, 'PLAN_BUILDING_AREA')!.finding.text.sv).toBe('Byggnadsarea på tomten: 306 m² av högst 300 m².');
  });

  it('buildings put up without permit are left out of the building-area limit (PBL 9 kap. 30 §)', () => {
    const s = site({
      buildings: [
        house,
        { ...house, footprint: box(21, 32, 16, 10), use: 'garage' },
        { ...house, footprint: box(0, 34, 3, 5), use: 'friggebod', legalBasis: 'friggebod' },
      ],
    });
    const c = checkPlanCompliance(shed(box(5, 8, 6, 6)), s, 'permit');
    expect(rule(c, 'PLAN_BUILDING_AREA')).toMatchObject({ value: 296, pass: true });
  });

  it('the stricter of the m² and % limits applies', () => {
    const c = checkPlanCompliance(
      house120(),
      site({ buildings: [], plan: { ...plan, maxBuildingAreaM2: 110 } }),
      'permit',
    );
    expect(rule(c, 'PLAN_BUILDING_AREA')).toMatchObject({ value: 120, limit: 110, pass: false });
  });

  it('ridge height: 7.5 m passes, 7.6 m does not', () => {
    expect(
      rule(checkPlanCompliance(house120(8, 10, 7.5), site({ buildings: [] }), 'permit'), 'PLAN_HEIGHT')!.pass,
    ).toBe(true);
    expect(
      rule(checkPlanCompliance(house120(8, 10, 7.6), site({ buildings: [] }), 'permit'), 'PLAN_HEIGHT'),
    ).toMatchObject({ value: 7.6, limit: 7.5, pass: false });
  });

  it('prickmark: the area built on it is reported', () => {
    const c = checkPlanCompliance(shed(box(5, 4.5, 6, 6)), site(), 'permit');
    expect(rule(c, 'PLAN_PRICKMARK')).toMatchObject({ value: 9, pass: false });
    expect(c.deviation).toBe(true);
  });

  it('a house touching prickmark without overlapping it passes', () => {
    const c = checkPlanCompliance(house120(8, 6), site({ buildings: [] }), 'permit');
    expect(rule(c, 'PLAN_PRICKMARK')).toMatchObject({ value: 0, pass: true });
  });

  it('korsmark takes outbuildings, not houses', () => {
    const onKors = checkPlanCompliance(house120(0, 30), site({ buildings: [] }), 'permit');
    expect(rule(onKors, 'PLAN_KORSMARK')).toMatchObject({ value: 80, pass: false });
    const garage = checkPlanCompliance(shed(box(2, 33, 6, 6)), site(), 'permit');
    expect(rule(garage, 'PLAN_KORSMARK')).toBeUndefined();
  });

  it('distance to the boundary: 4.49 m fails, 4.50 m passes', () => {
    expect(
      rule(checkPlanCompliance(shed(box(19.51, 8, 6, 6)), site(), 'permit'), 'PLAN_BOUNDARY_DISTANCE'),
    ).toMatchObject({ value: 4.49, pass: false });
    expect(
      rule(checkPlanCompliance(shed(box(19.5, 8, 6, 6)), site(), 'permit'), 'PLAN_BOUNDARY_DISTANCE'),
    ).toMatchObject({ value: 4.5, pass: true });
  });

  it('a plan for other uses than housing makes a house a deviation', () => {
    const c = checkPlanCompliance(house120(), site({ buildings: [], plan: { ...plan, use: ['C', 'K'] } }), 'permit');
    expect(rule(c, 'PLAN_USE')).toMatchObject({ value: 'B', limit: 'C, K', pass: false });
  });

  it('exempt measures are not judged against the plan, even on prickmark', () => {
    const measure = shed(box(5, 4.6, 4, 4));
    const a = assessPermitNeed(measure, site(), ruleSetFor('2026-01-15')!);
    expect(a.outcome).toBe('none');
    const c = checkPlanCompliance(measure, site(), a.outcome);
    expect(c).toEqual({ applicable: false, planNumber: '1284-P2020/1', rules: [], deviation: false });
  });

  it('outside a detailed plan there is nothing to comply with', () => {
    expect(checkPlanCompliance(house120(), site({ plan: null }), 'permit')).toMatchObject({
      applicable: false,
      planNumber: null,
      deviation: false,
    });
  });
});
