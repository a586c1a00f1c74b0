import { describe, expect, it } from 'vitest';
import { polygonWithin, type Polygon } from './index';
import { box, E0, multi, N0, ring } from './test/boxes';

const property = multi([ring(0, 0, 40, 40)]);

describe('polygonWithin', () => {
  it('accepts inside, and touching the boundary from inside', () => {
    expect(polygonWithin(box(10, 10, 10, 10), property)).toBe(true);
    expect(polygonWithin(box(0, 10, 10, 10), property)).toBe(true);
    expect(polygonWithin(box(0, 0, 40, 40), property)).toBe(true);
  });

  it('rejects crossing, touching from outside and lying outside', () => {
    expect(polygonWithin(box(35, 10, 10, 10), property)).toBe(false);
    expect(polygonWithin(box(40, 10, 10, 10), property)).toBe(false);
    expect(polygonWithin(box(100, 100, 1, 1), property)).toBe(false);
    // A vertex poking out through an edge, all other vertices inside.
    const spike: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [E0 + 10, N0 + 10],
          [E0 + 20, N0 + 10],
          [E0 + 15, N0 + 41],
          [E0 + 10, N0 + 10],
        ],
      ],
    };
    expect(polygonWithin(spike, property)).toBe(false);
  });

  it('rejects a footprint that bridges a concave notch: all vertices inside, an edge outside', () => {
    const u = multi([
      [
        [E0, N0],
        [E0 + 30, N0],
        [E0 + 30, N0 + 30],
        [E0 + 20, N0 + 30],
        [E0 + 20, N0 + 10],
        [E0 + 10, N0 + 10],
        [E0 + 10, N0 + 30],
        [E0, N0 + 30],
        [E0, N0],
      ],
    ]);
    expect(polygonWithin(box(2, 2, 26, 6), u)).toBe(true);
    expect(
      polygonWithin(
        {
          type: 'Polygon',
          coordinates: [
            [
              [E0 + 5, N0 + 20],
              [E0 + 25, N0 + 20],
              [E0 + 25, N0 + 25],
              [E0 + 5, N0 + 25],
              [E0 + 5, N0 + 20],
            ],
          ],
        },
        u,
      ),
    ).toBe(false);
  });

  it('takes the separate areas of a property one at a time', () => {
    const twoParts = multi([ring(0, 0, 40, 40)], [ring(40, 0, 20, 20)]);
    expect(polygonWithin(box(45, 5, 5, 5), twoParts)).toBe(true);
    // Straddling two parts that touch is not inside either of them.
    expect(polygonWithin(box(35, 5, 10, 5), twoParts)).toBe(false);
  });

  it('rejects a footprint over, or inside, a hole of the property', () => {
    const withHole = multi([ring(0, 0, 40, 40), ring(20, 20, 5, 5).slice().reverse()]);
    expect(polygonWithin(box(2, 2, 10, 10), withHole)).toBe(true);
    expect(polygonWithin(box(18, 18, 10, 10), withHole)).toBe(false);
    expect(polygonWithin(box(15, 15, 20, 20), withHole)).toBe(false);
    expect(polygonWithin(box(21, 21, 2, 2), withHole)).toBe(false);
    expect(polygonWithin(box(20, 20, 5, 5), withHole)).toBe(false);
    // Alongside the hole, touching it from outside: fine.
    expect(polygonWithin(box(10, 20, 10, 5), withHole)).toBe(true);
  });
});
