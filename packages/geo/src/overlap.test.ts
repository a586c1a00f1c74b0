import { describe, expect, it } from 'vitest';
import { overlapArea, polygonArea, type Polygon, type Position } from './index';
import { box, E0, multi, N0, ring } from './test/boxes';

const reversed = (r: Position[]) => r.slice().reverse();

/** The 10 × 8 m building of the examples, south-west corner at (E0, N0). */
const building = box(0, 0, 10, 8);

describe('overlapArea', () => {
  it('is 0 for areas that only touch, along an edge or at a corner', () => {
    expect(overlapArea(building, multi([ring(10, 0, 5, 8)]))).toBe(0);
    expect(overlapArea(building, multi([ring(-5, 8, 5, 5)]))).toBe(0);
    expect(overlapArea(building, multi([ring(2, 8, 3, 3)]))).toBe(0);
  });

  it('is 0 for disjoint areas, also when their boxes overlap', () => {
    expect(overlapArea(building, multi([ring(100, 100, 5, 5)]))).toBe(0);
    const lShape: Position[] = [
      [E0 - 5, N0 - 5],
      [E0 + 20, N0 - 5],
      [E0 + 20, N0 - 1],
      [E0 - 1, N0 - 1],
      [E0 - 1, N0 + 20],
      [E0 - 5, N0 + 20],
      [E0 - 5, N0 - 5],
    ];
    expect(overlapArea(building, multi([lShape]))).toBe(0);
  });

  it('is the whole footprint when it lies inside the area, and the whole area when that lies inside', () => {
    expect(overlapArea(building, multi([ring(-10, -10, 50, 50)]))).toBeCloseTo(80, 9);
    expect(overlapArea(building, multi([ring(2, 2, 3, 4)]))).toBeCloseTo(12, 9);
    expect(overlapArea(building, multi([ring(0, 0, 10, 8)]))).toBeCloseTo(80, 9);
  });

  it('measures a partial overlap: a prickmark strip along the north side', () => {
    expect(overlapArea(building, multi([ring(-20, 6, 60, 14)]))).toBeCloseTo(20, 9);
  });

  it('sums several parts and ignores parts elsewhere', () => {
    const prick = multi([ring(-5, 6, 20, 10)], [ring(8, -5, 10, 10)], [ring(300, 300, 10, 10)]);
    // 10 × 2 on the north strip, 2 × 5 in the south-east corner; the strips do not overlap each other.
    expect(overlapArea(building, prick)).toBeCloseTo(20 + 10, 9);
  });

  it('leaves out holes of the area', () => {
    const zone = multi([ring(-10, -10, 50, 50), reversed(ring(2, 2, 4, 4))]);
    expect(overlapArea(building, zone)).toBeCloseTo(80 - 16, 9);
  });

  it('handles a concave area and a concave footprint', () => {
    // An L of prickmark hugging the west and south sides, 1 m wide.
    const lShape: Position[] = [
      [E0 - 5, N0 - 5],
      [E0 + 20, N0 - 5],
      [E0 + 20, N0 + 1],
      [E0 + 1, N0 + 1],
      [E0 + 1, N0 + 20],
      [E0 - 5, N0 + 20],
      [E0 - 5, N0 - 5],
    ];
    expect(overlapArea(building, multi([lShape]))).toBeCloseTo(10 + 7, 9);
    const lBuilding: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [E0, N0],
          [E0 + 10, N0],
          [E0 + 10, N0 + 4],
          [E0 + 4, N0 + 4],
          [E0 + 4, N0 + 8],
          [E0, N0 + 8],
          [E0, N0],
        ],
      ],
    };
    // The strip north of N0 + 5 meets only the L's west wing (4 × 3).
    expect(overlapArea(lBuilding, multi([ring(-5, 5, 30, 10)]))).toBeCloseTo(12, 9);
  });

  it('handles a footprint with a courtyard', () => {
    const courtyard: Polygon = { type: 'Polygon', coordinates: [ring(0, 0, 10, 8), reversed(ring(3, 2, 4, 4))] };
    expect(overlapArea(courtyard, multi([ring(-5, -5, 30, 8)]))).toBeCloseTo(30 - 4, 9);
  });

  it('measures a square against a diamond (slanted edges)', () => {
    // Square [−1, 1]² and diamond |x| + |y| ≤ 1.5: the diamond's 4.5 m² less four 0.25 m² tips.
    const square = box(-1, -1, 2, 2);
    const diamond: Position[] = [
      [E0 + 1.5, N0],
      [E0, N0 + 1.5],
      [E0 - 1.5, N0],
      [E0, N0 - 1.5],
      [E0 + 1.5, N0],
    ];
    expect(overlapArea(square, multi([diamond]))).toBeCloseTo(3.5, 9);
  });

  it('does not care about ring orientation', () => {
    const cw: Polygon = { type: 'Polygon', coordinates: [reversed(ring(0, 0, 10, 8))] };
    expect(overlapArea(cw, multi([reversed(ring(-20, 6, 60, 14))]))).toBeCloseTo(20, 9);
    expect(overlapArea(building, multi([reversed(ring(-20, 6, 60, 14))]))).toBeCloseTo(20, 9);
  });

  it('agrees with the area of a turned footprint fully inside', () => {
    const turned: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [E0 + 5, N0],
          [E0 + 9, N0 + 3],
          [E0 + 6, N0 + 7],
          [E0 + 2, N0 + 4],
          [E0 + 5, N0],
        ],
      ],
    };
    expect(overlapArea(turned, multi([ring(0, 0, 10, 8)]))).toBeCloseTo(polygonArea(turned), 9);
  });
});
