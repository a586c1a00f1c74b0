import { describe, expect, it } from 'vitest';
import { assessMinorMeasure, measurePlace } from '../rules/minorMeasure';
import { ruleSetFor } from '../rules/ruleSets';
import { E0, N0, box, house, outsidePlanSite, rect, site } from '../rules/testSupport';
import { drawingFacts, drawnArea, LineStringSchema, MeasureDrawingSchema, type MeasureDrawing } from './drawing';

const REFORM = ruleSetFor('2026-01-15')!;
/** A line through plot-relative points (metres from the test plot's south-west corner). */
const line = (...pts: [number, number][]): MeasureDrawing => ({
  type: 'LineString',
  coordinates: pts.map(([x, y]) => [E0 + x, N0 + y]),
});

// The test plot is 30 × 40 m, the house 10–20 × 20–30 m in its middle, the street along the south side.
describe('placement facts measured from a drawing', () => {
  it('measures a plank line: nearest to the boundary, farthest from the house, to the street', () => {
    // A screen along the house's east side, 2 m out, from y 22 to 28: the east boundary is at x 30.
    const f = drawingFacts(line([22, 22], [22, 28]), site());
    expect(f).toEqual({ distanceToBoundaryM: 8, distanceFromHouseM: 2, distanceToPublicLandM: 22 });
  });

  it('is 0 from the boundary for a fence along it, and measures its far end from the house', () => {
    const f = drawingFacts(line([30, 5], [30, 35]), site());
    expect(f.distanceToBoundaryM).toBe(0);
    // (30, 5) is 10 m east and 15 m south of the house's corner (20, 20): √(100 + 225).
    expect(f.distanceFromHouseM).toBeCloseTo(Math.sqrt(325), 2);
  });

  it('measures an altan drawn as an area, and hands the area to the place rules', () => {
    const patio = box(20, 22, 4, 5); // against the house's east wall
    const f = drawingFacts(patio, site());
    expect(f).toMatchObject({ distanceToBoundaryM: 6, distanceFromHouseM: 4 });
    expect(drawnArea(patio)).toBe(patio);
    expect(drawnArea(line([1, 1], [2, 2]))).toBeNull();
  });

  it('leaves out what the site cannot answer: no house, no public land', () => {
    const f = drawingFacts(line([5, 5], [5, 10]), outsidePlanSite({ buildings: [] }));
    expect(f).toEqual({ distanceToBoundaryM: 5 });
  });

  it('decides the screened-patio exception from the drawing, at the 3.6 m and 4.5 m edges', () => {
    // The house moved 2 m east (12–22): a screen 3.5 m east of it is 4.5 m from the east boundary.
    const near = site({ buildings: [{ ...house, footprint: rect(12, 20, 22, 30) }] });
    const judge = (s: typeof near, x: number) =>
      assessMinorMeasure(
        'fence',
        { heightM: 1.8, neighbourConsent: false, ...drawingFacts(line([x, 22], [x, 28]), s) },
        measurePlace(s),
        REFORM,
      ).outcome;
    expect(judge(near, 25.5)).toBe('none'); // 3.5 m from the house, 4.5 m from the boundary
    expect(judge(near, 25.51)).toBe('permit'); // 4.49 m from the boundary, no consent
    expect(judge(site(), 23.6)).toBe('none'); // 3.6 m from the house
    expect(judge(site(), 23.61)).toBe('permit'); // 3.61 m from the house: beyond the screened patio
  });

  it('refuses a line of one point or a point that is not a number', () => {
    expect(LineStringSchema.safeParse({ type: 'LineString', coordinates: [[E0, N0]] }).success).toBe(false);
    expect(
      MeasureDrawingSchema.safeParse({
        type: 'LineString',
        coordinates: [
          [E0, N0],
          [NaN, N0],
        ],
      }).success,
    ).toBe(false);
    expect(MeasureDrawingSchema.safeParse(line([1, 1], [2, 2])).success).toBe(true);
  });
});
