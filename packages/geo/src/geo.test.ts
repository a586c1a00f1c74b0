import { describe, expect, it } from 'vitest';
import { polygonArea, polygonProblems, polygonWithin, multiPolygonArea, type Polygon } from './index';
import { toSweref, toWgs84 } from './projection';

const square = (e: number, n: number, side: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [e, n],
      [e + side, n],
      [e + side, n + side],
      [e, n + side],
      [e, n],
    ],
  ],
});

describe('projection', () => {
  it('maps the central meridian at the equator-side false easting', () => {
    const [e] = toSweref([15, 59.6]);
    expect(e).toBeCloseTo(500_000, 3);
  });
  it('round-trips a Västerås position to within a millimetre', () => {
    const p = toSweref([16.5448, 59.6099]);
    const [lon, lat] = toWgs84(p);
    expect(lon).toBeCloseTo(16.5448, 8);
    expect(lat).toBeCloseTo(59.6099, 8);
    // Known value (Lantmäteriet's transformation): Västerås city hall ≈ E 587 300, N 6 609 000.
    expect(p[0]).toBeGreaterThan(587_000);
    expect(p[0]).toBeLessThan(588_000);
    expect(p[1]).toBeGreaterThan(6_608_000);
    expect(p[1]).toBeLessThan(6_610_000);
  });
});

describe('area', () => {
  it('computes a 12 × 10 m rectangle as 120 m²', () => {
    const rect: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [12, 0],
          [12, 10],
          [0, 10],
          [0, 0],
        ],
      ].map((r) => r.map(([x, y]) => [x! + 600_000, y! + 6_600_000] as [number, number])),
    };
    expect(polygonArea(rect)).toBeCloseTo(120, 6);
  });
  it('subtracts holes and sums multipolygon parts', () => {
    const outer = square(600_000, 6_600_000, 10).coordinates[0]!;
    const hole = square(600_002, 6_600_002, 2).coordinates[0]!.slice().reverse();
    expect(polygonArea({ type: 'Polygon', coordinates: [outer, hole] })).toBeCloseTo(96, 6);
    expect(
      multiPolygonArea({
        type: 'MultiPolygon',
        coordinates: [[outer], [square(600_100, 6_600_000, 5).coordinates[0]!]],
      }),
    ).toBeCloseTo(125, 6);
  });
});

describe('polygonProblems', () => {
  it('accepts a simple square in Sweden', () => {
    expect(polygonProblems(square(600_000, 6_600_000, 10))).toEqual([]);
  });
  it('flags an open ring, a bow tie, NaN and positions outside Sweden', () => {
    expect(
      polygonProblems({
        type: 'Polygon',
        coordinates: [
          [
            [600_000, 6_600_000],
            [600_010, 6_600_000],
            [600_010, 6_600_010],
            [600_000, 6_600_011],
          ],
        ],
      }),
    ).toContain('notClosed');
    const bowTie: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [600_000, 6_600_000],
          [600_010, 6_600_010],
          [600_010, 6_600_000],
          [600_000, 6_600_010],
          [600_000, 6_600_000],
        ],
      ],
    };
    expect(polygonProblems(bowTie)).toEqual(['selfIntersecting']);
    expect(
      polygonProblems({
        type: 'Polygon',
        coordinates: [
          [
            [NaN, 1],
            [2, 3],
            [4, 5],
            [NaN, 1],
          ],
        ],
      }),
    ).toContain('notFinite');
    expect(polygonProblems(square(16, 59, 0.001))).toContain('outsideSweden');
  });
});

describe('polygonWithin', () => {
  it('tells inside from crossing the boundary', () => {
    const property = { type: 'MultiPolygon' as const, coordinates: [square(600_000, 6_600_000, 40).coordinates] };
    expect(polygonWithin(square(600_010, 6_600_010, 10), property)).toBe(true);
    expect(polygonWithin(square(600_035, 6_600_010, 10), property)).toBe(false);
  });
});

describe('self-intersection, exactly', () => {
  const at = (pts: [number, number][]): Polygon => ({
    type: 'Polygon',
    coordinates: [pts.map(([x, y]) => [600_000 + x, 6_600_000 + y] as [number, number])],
  });
  it.each([
    [
      'a bow tie',
      [
        [0, 0],
        [4, 4],
        [4, 0],
        [0, 4],
        [0, 0],
      ],
      true,
    ],
    [
      'a ring touching itself at a point',
      [
        [0, 0],
        [4, 0],
        [4, 4],
        [2, 0],
        [0, 4],
        [0, 0],
      ],
      true,
    ],
    [
      'a spike folding back on itself',
      [
        [0, 0],
        [4, 0],
        [6, 0],
        [4, 0],
        [4, 4],
        [0, 4],
        [0, 0],
      ],
      true,
    ],
    [
      'a square',
      [
        [0, 0],
        [4, 0],
        [4, 4],
        [0, 4],
        [0, 0],
      ],
      false,
    ],
    [
      'a concave L',
      [
        [0, 0],
        [6, 0],
        [6, 2],
        [2, 2],
        [2, 6],
        [0, 6],
        [0, 0],
      ],
      false,
    ],
    [
      'a straight vertex in the middle of an edge',
      [
        [0, 0],
        [2, 0],
        [4, 0],
        [4, 4],
        [0, 4],
        [0, 0],
      ],
      false,
    ],
  ] as [string, [number, number][], boolean][])('%s', (_name, pts, crosses) => {
    expect(polygonProblems(at(pts)).includes('selfIntersecting')).toBe(crosses);
  });
  it('a hole crossing the outline', () => {
    const p = at([
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ]);
    p.coordinates.push([
      [600_008, 6_600_002],
      [600_012, 6_600_002],
      [600_012, 6_600_004],
      [600_008, 6_600_004],
      [600_008, 6_600_002],
    ]);
    expect(polygonProblems(p)).toContain('selfIntersecting');
  });
});
