import booleanWithin from '@turf/boolean-within';
import { polygon as turfPolygon } from '@turf/helpers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  distanceToArea,
  distanceToBoundary,
  overlapArea,
  polygonArea,
  polygonPerimeter,
  polygonWithin,
  rectangleAtCorner,
  rectangleFromDimensions,
  type MultiPolygon,
  type Polygon,
  type Position,
} from './index';

// Property-based acceptance tests. Coordinates around E 540 000, N 6 600 000 (Sweden in EPSG:3006), so any
// precision lost to large coordinates shows up here as it would in production.

const E0 = 540_000;
const N0 = 6_600_000;
const RUNS = { numRuns: 200 };

const poly = (ring: Position[]): Polygon => ({ type: 'Polygon', coordinates: [ring] });
const multi = (...polys: Polygon[]): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: polys.map((p) => p.coordinates),
});
const close = (pts: Position[]): Position[] => [...pts, pts[0]!];
const orient = (a: Position, b: Position, c: Position) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
const lerp = (p: Position, q: Position, t: number): Position => [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])];

interface Star {
  center: Position;
  /** Open list of vertices, counter-clockwise around `center`. */
  vertices: Position[];
  polygon: Polygon;
}

/**
 * A plot that is star-shaped about its centre: evenly spaced directions, random radii. Every sector triangle
 * (centre, vᵢ, vᵢ₊₁) lies inside it and together they tile it, which lets tests place footprints exactly.
 * With `grid`, vertices are even integers from an integer centre, so edge midpoints are exact too.
 */
const star = (opts: { grid: boolean; minR: number; maxR: number; maxN: number }) =>
  fc
    .record({
      n: fc.integer({ min: 6, max: opts.maxN }),
      phase: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      radii: fc.array(fc.double({ min: opts.minR, max: opts.maxR, noNaN: true }), {
        minLength: opts.maxN,
        maxLength: opts.maxN,
      }),
      ce: fc.integer({ min: -2000, max: 2000 }),
      cn: fc.integer({ min: -2000, max: 2000 }),
    })
    .map(({ n, phase, radii, ce, cn }): Star => {
      const center: Position = [E0 + ce, N0 + cn];
      const snap = (v: number) => (opts.grid ? 2 * Math.round(v / 2) : v);
      const vertices = Array.from({ length: n }, (_, i): Position => {
        const a = phase + (2 * Math.PI * i) / n;
        return [center[0] + snap(radii[i]! * Math.cos(a)), center[1] + snap(radii[i]! * Math.sin(a))];
      });
      return { center, vertices, polygon: poly(close(vertices)) };
    })
    // Grid snapping must not have broken the star shape (it cannot with these radii; this guards the test itself).
    .filter(({ center, vertices }) =>
      vertices.every((v, i) => orient(center, v, vertices[(i + 1) % vertices.length]!) > 0),
    );

/** Reference distance for polygons that do not meet: the classic foot-point formula over vertex–edge pairs. */
function referenceDistance(a: Polygon, b: Polygon): number {
  const pointSeg = (p: Position, s: Position, t: Position) => {
    const [dx, dy] = [t[0] - s[0], t[1] - s[1]];
    const u = Math.max(0, Math.min(1, ((p[0] - s[0]) * dx + (p[1] - s[1]) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(p[0] - (s[0] + u * dx), p[1] - (s[1] + u * dy));
  };
  let best = Infinity;
  for (const [p, q] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const pr of p.coordinates) {
      for (const v of pr) {
        for (const qr of q.coordinates)
          for (let i = 0; i < qr.length - 1; i++) best = Math.min(best, pointSeg(v, qr[i]!, qr[i + 1]!));
      }
    }
  }
  return best;
}

const turnAbout = (p: Position, pivot: Position, rad: number): Position => {
  const [x, y] = [p[0] - pivot[0], p[1] - pivot[1]];
  return [pivot[0] + x * Math.cos(rad) - y * Math.sin(rad), pivot[1] + x * Math.sin(rad) + y * Math.cos(rad)];
};
const mapPolygon = (p: Polygon, f: (q: Position) => Position): Polygon => ({
  type: 'Polygon',
  coordinates: p.coordinates.map((r) => r.map(f)),
});

const freeStar = star({ grid: false, minR: 3, maxR: 60, maxN: 40 });
const gridStar = star({ grid: true, minR: 40, maxR: 120, maxN: 40 });

describe('area (property)', () => {
  it('(a) is invariant under translation and rotation', () => {
    fc.assert(
      fc.property(
        freeStar,
        fc.double({ min: -50_000, max: 50_000, noNaN: true }),
        fc.double({ min: -50_000, max: 50_000, noNaN: true }),
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        ({ polygon, center }, de, dn, rad) => {
          const moved = mapPolygon(polygon, (p) =>
            turnAbout([p[0] + de, p[1] + dn], [center[0] + de, center[1] + dn], rad),
          );
          const a = polygonArea(polygon);
          expect(a).toBeGreaterThan(0);
          expect(Math.abs(polygonArea(moved) - a) / a).toBeLessThan(1e-6);
          expect(
            Math.abs(polygonPerimeter(moved) - polygonPerimeter(polygon)) / polygonPerimeter(polygon),
          ).toBeLessThan(1e-6);
          // The overlap of two shapes moves with them, too.
          const other = mapPolygon(polygon, (p) => [p[0] + 7.25, p[1] - 3.5]);
          const movedOther = mapPolygon(other, (p) =>
            turnAbout([p[0] + de, p[1] + dn], [center[0] + de, center[1] + dn], rad),
          );
          expect(overlapArea(moved, multi(movedOther))).toBeCloseTo(overlapArea(polygon, multi(other)), 4);
        },
      ),
      RUNS,
    );
  });
});

describe('distance (property)', () => {
  it('(b) a footprint strictly inside the plot is within it and has distanceToBoundary > 0', () => {
    fc.assert(
      fc.property(
        gridStar,
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 2, max: 20, noNaN: true }),
        fc.double({ min: 2, max: 20, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        ({ polygon, center }, de, dn, w, d, rot) => {
          // The plot holds a disc of radius 40·cos(π/6) − 1.5 ≈ 33 m; this rectangle reaches at most ≈ 28.3 m out.
          const footprint = rectangleFromDimensions([center[0] + de, center[1] + dn], w, d, rot);
          const plot = multi(polygon);
          expect(polygonWithin(footprint, plot)).toBe(true);
          const r = distanceToBoundary(footprint, plot);
          expect(r.distanceM).toBeGreaterThan(0);
          expect(r.distanceM).toBeCloseTo(referenceDistance(footprint, polygon), 9);
          expect(Math.hypot(r.to[0] - r.from[0], r.to[1] - r.from[1])).toBeCloseTo(r.distanceM, 6);
          expect(orient(r.segment[0], r.segment[1], r.to)).toBeCloseTo(0, 3);
          expect(distanceToArea(footprint, plot).distanceM).toBe(0);
        },
      ),
      RUNS,
    );
  });

  it('(c) distanceToBoundary is 0 exactly when a footprint touches or crosses the boundary (slanted edges)', () => {
    const cases = fc.constantFrom('edgeOnBoundary', 'vertexOnBoundary', 'crossing', 'gap');
    fc.assert(
      fc.property(
        gridStar,
        fc.nat(),
        cases,
        fc.integer({ min: 1, max: 63 }),
        ({ center, vertices, polygon }, pick, kind, k) => {
          const i = pick % vertices.length;
          const a = vertices[i]!;
          const b = vertices[(i + 1) % vertices.length]!;
          // Even-integer vertices: the midpoint of the edge is an exact grid point on it.
          const m: Position = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
          const f = k / 64;
          const a2 = lerp(a, center, f);
          const b2 = lerp(b, center, f);
          const footprint = {
            // A quadrilateral inside the sector (centre, a, b) whose edge a–m lies on the boundary.
            edgeOnBoundary: poly(close([a, m, lerp(m, center, f), a2])),
            // Only the grid point m on the boundary.
            vertexOnBoundary: poly(close([m, b2, a2])),
            // m pushed out along the ray from the centre: outside, so two edges cross the boundary.
            crossing: poly(close([lerp(m, center, -f), b2, a2])),
            // m pulled in by an exact dyadic fraction: strictly inside the sector, clear of the boundary.
            gap: poly(close([lerp(m, center, f), b2, a2])),
          }[kind];
          const d = distanceToBoundary(footprint, multi(polygon)).distanceM;
          if (kind === 'gap') {
            expect(d).toBeGreaterThan(0);
            expect(d).toBeCloseTo(referenceDistance(footprint, polygon), 9);
          } else {
            expect(d).toBe(0);
          }
        },
      ),
      RUNS,
    );
  });

  it('(c) distanceToBoundary is 0 exactly when an axis-aligned footprint on a 0.25 m grid touches or crosses', () => {
    fc.assert(
      fc.property(
        fc.record({
          x0: fc.integer({ min: -8, max: 160 }),
          y0: fc.integer({ min: -8, max: 120 }),
          w: fc.integer({ min: 1, max: 40 }),
          h: fc.integer({ min: 1, max: 40 }),
        }),
        ({ x0, y0, w, h }) => {
          // Plot 0…40 × 0…30 m; footprint in quarter metres, so every difference is exact.
          const [e1, n1, e2, n2] = [x0 / 4, y0 / 4, (x0 + w) / 4, (y0 + h) / 4];
          fc.pre(e1 < 40 && n1 < 30 && e2 > 0 && n2 > 0); // overlaps the plot's box: inside, touching or crossing
          const plot = multi(
            poly([
              [E0, N0],
              [E0 + 40, N0],
              [E0 + 40, N0 + 30],
              [E0, N0 + 30],
              [E0, N0],
            ]),
          );
          const footprint = poly([
            [E0 + e1, N0 + n1],
            [E0 + e2, N0 + n1],
            [E0 + e2, N0 + n2],
            [E0 + e1, N0 + n2],
            [E0 + e1, N0 + n1],
          ]);
          const gap = Math.min(e1, n1, 40 - e2, 30 - n2);
          const d = distanceToBoundary(footprint, plot).distanceM;
          if (gap > 0) expect(d).toBe(gap);
          else expect(d).toBe(0);
        },
      ),
      RUNS,
    );
  });

  it('polygonWithin agrees with turf (which it replaced for speed) on footprints in general position', () => {
    fc.assert(
      fc.property(
        gridStar,
        fc.double({ min: -130, max: 130, noNaN: true }),
        fc.double({ min: -130, max: 130, noNaN: true }),
        fc.double({ min: 1, max: 60, noNaN: true }),
        fc.double({ min: 1, max: 60, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        ({ polygon, center }, de, dn, w, d, rot) => {
          const footprint = rectangleFromDimensions([center[0] + de, center[1] + dn], w, d, rot);
          const expected = booleanWithin(turfPolygon(footprint.coordinates), turfPolygon(polygon.coordinates));
          expect(polygonWithin(footprint, multi(polygon))).toBe(expected);
        },
      ),
      RUNS,
    );
  });

  it('distanceToArea matches the reference for a footprint outside the area', () => {
    fc.assert(
      fc.property(
        freeStar,
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.double({ min: 61, max: 200, noNaN: true }),
        ({ polygon, center }, dir, far) => {
          const footprint = rectangleFromDimensions(
            [center[0] + far * Math.cos(dir), center[1] + far * Math.sin(dir)],
            1,
            1,
            0,
          );
          const r = distanceToArea(footprint, multi(polygon));
          expect(r.distanceM).toBeGreaterThan(0);
          expect(r.distanceM).toBeCloseTo(referenceDistance(footprint, polygon), 9);
        },
      ),
      RUNS,
    );
  });
});

describe('rectangles (property)', () => {
  it('(d) area is width × depth for any rotation, within millimetre rounding', () => {
    fc.assert(
      fc.property(
        fc.double({ min: E0 - 1e4, max: E0 + 1e4, noNaN: true }),
        fc.double({ min: N0 - 1e4, max: N0 + 1e4, noNaN: true }),
        fc.double({ min: 0.5, max: 60, noNaN: true }),
        fc.double({ min: 0.5, max: 60, noNaN: true }),
        fc.double({ min: -720, max: 720, noNaN: true }),
        (e, n, w, d, rot) => {
          // Each corner moves at most √2 · 0.5 mm, each side sweeping at most its length times that.
          const tolerance = 2 * (w + d) * 0.00071;
          for (const r of [rectangleFromDimensions([e, n], w, d, rot), rectangleAtCorner([e, n], w, d, rot)]) {
            const ring = r.coordinates[0]!;
            expect(ring).toHaveLength(5);
            expect(ring[4]).toEqual(ring[0]);
            expect(Math.abs(polygonArea(r) - w * d)).toBeLessThanOrEqual(tolerance);
          }
        },
      ),
      RUNS,
    );
  });
});

describe('overlapArea (property)', () => {
  it('(e) of a footprint with itself is its area; with anything at most the smaller area; disjoint is 0', () => {
    fc.assert(
      fc.property(
        freeStar,
        freeStar,
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: -80, max: 80, noNaN: true }),
        ({ polygon: f }, { polygon: g, center: gc }, de, dn) => {
          const af = polygonArea(f);
          expect(overlapArea(f, multi(f))).toBeCloseTo(af, 6);
          // Move g's centre near f's: any degree of overlap from none to most.
          const fc0 = f.coordinates[0]![0]!;
          const other = mapPolygon(g, (p) => [p[0] - gc[0] + fc0[0] + de, p[1] - gc[1] + fc0[1] + dn]);
          const ov = overlapArea(f, multi(other));
          expect(ov).toBeGreaterThanOrEqual(0);
          expect(ov).toBeLessThanOrEqual(Math.min(af, polygonArea(other)) + 1e-6);
          // The algorithm fans out the first argument and clips the second: swapping them must agree.
          expect(ov).toBeCloseTo(overlapArea(other, multi(f)), 6);
          // Far away: 0 without question.
          expect(overlapArea(f, multi(mapPolygon(other, ([e, n]) => [e + 500, n])))).toBe(0);
        },
      ),
      RUNS,
    );
  });

  it('(e) splits a footprint into parts that add up, and sectors that only touch overlap 0', () => {
    fc.assert(
      fc.property(
        gridStar,
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.nat(),
        fc.nat(),
        ({ center, vertices, polygon }, cut, p1, p2) => {
          const [minE, minN] = [Math.min(...vertices.map((v) => v[0])) - 1, Math.min(...vertices.map((v) => v[1])) - 1];
          const [maxE, maxN] = [Math.max(...vertices.map((v) => v[0])) + 1, Math.max(...vertices.map((v) => v[1])) + 1];
          const x = minE + cut * (maxE - minE);
          const west = poly([
            [minE, minN],
            [x, minN],
            [x, maxN],
            [minE, maxN],
            [minE, minN],
          ]);
          const east = poly([
            [x, minN],
            [maxE, minN],
            [maxE, maxN],
            [x, maxN],
            [x, minN],
          ]);
          const area = polygonArea(polygon);
          expect(overlapArea(polygon, multi(west)) + overlapArea(polygon, multi(east))).toBeCloseTo(area, 6);
          expect(overlapArea(polygon, multi(west, east))).toBeCloseTo(area, 6);

          const n = vertices.length;
          const sector = (i: number) => poly(close([center, vertices[i % n]!, vertices[(i + 1) % n]!]));
          const [i, j] = [p1 % n, p2 % n];
          expect(overlapArea(sector(i), multi(polygon))).toBeCloseTo(polygonArea(sector(i)), 6);
          if (i !== j) expect(overlapArea(sector(i), multi(sector(j)))).toBe(0);
          // Neighbouring sectors share an edge exactly: touching only.
          expect(overlapArea(sector(i), multi(sector(i + 1)))).toBe(0);
        },
      ),
      RUNS,
    );
  });
});
