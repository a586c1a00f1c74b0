import { describe, expect, it } from 'vitest';
import { pixelToSweref, swerefResolution, swerefToPixel, swerefZoom, SWEREF_TILE_MATRIX } from './tileMatrix';

describe('the SWEREF 99 TM tile matrix (topowebb 3006)', () => {
  it('has 4 096 m per pixel at level 0, halved at each level, and inverts its own zoom', () => {
    expect(swerefResolution(0)).toBe(4096);
    expect(swerefResolution(12)).toBe(1);
    expect(swerefResolution(SWEREF_TILE_MATRIX.maxLevel)).toBe(0.5);
    expect(swerefResolution(12.5)).toBeCloseTo(Math.SQRT1_2, 12);
    for (const z of [0, 7.25, 12, 17.75]) expect(swerefZoom(swerefResolution(z))).toBeCloseTo(z, 12);
  });

  it('puts the matrix origin at pixel 0,0 and a tile of level 0 over 1 048 576 m', () => {
    expect(swerefToPixel(SWEREF_TILE_MATRIX.origin, 5)).toEqual([0, 0]);
    expect(pixelToSweref([256, 256], 0)).toEqual([-1_200_000 + 1_048_576, 8_500_000 - 1_048_576]);
  });

  it('maps a pixel row to one northing and a column to one easting: grid north is up', () => {
    const z = 16.25;
    const [x, y] = swerefToPixel([620_040.5, 6_650_020.25], z);
    const right = pixelToSweref([x + 137, y], z);
    const below = pixelToSweref([x, y + 59], z);
    expect(right[1]).toBeCloseTo(6_650_020.25, 6);
    expect(right[0]).toBeGreaterThan(620_040.5);
    expect(below[0]).toBeCloseTo(620_040.5, 6);
    expect(below[1]).toBeLessThan(6_650_020.25);
  });
});
