import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edgeIndex, edgesNear, pointInIndexedRings } from './edgeIndex';
import { pointInRings } from './segment';
import { box, E0, N0 } from './test/boxes';
import { polygonWithin, type MultiPolygon, type Position } from './index';

/** Each edge cut into `pieces` collinear edges: the same shape, but enough edges to be indexed. */
function densify(ring: Position[], pieces: number): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const [a, b] = [ring[i]!, ring[i + 1]!];
    // Integer steps on axis-parallel edges, so every new vertex lies exactly on the old edge.
    for (let k = 0; k < pieces; k++)
      out.push([a[0] + ((b[0] - a[0]) * k) / pieces, a[1] + ((b[1] - a[1]) * k) / pieces]);
  }
  out.push(ring[0]!);
  return out;
}

/** An L-shaped plot with a square enclave (someone else's land) in it, in whole metres. */
const plotRings: Position[][] = [
  [
    [0, 0],
    [60, 0],
    [60, 20],
    [30, 20],
    [30, 60],
    [0, 60],
    [0, 0],
  ].map(([e, n]) => [E0 + e!, N0 + n!] as Position),
  [
    [10, 30],
    [10, 40],
    [20, 40],
    [20, 30],
    [10, 30],
  ].map(([e, n]) => [E0 + e!, N0 + n!] as Position),
];
const plain: MultiPolygon = { type: 'MultiPolygon', coordinates: [plotRings] };
// Ten pieces per edge: every edge is a whole multiple of 10 m, so each new vertex is a whole metre, exactly.
const dense: MultiPolygon = { type: 'MultiPolygon', coordinates: [plotRings.map((r) => densify(r, 10))] };

describe('the edge index of a large polygon', () => {
  it('is built for large polygons only', () => {
    expect(edgeIndex(plain.coordinates[0]!)).toBeNull();
    expect(edgeIndex(dense.coordinates[0]!)).not.toBeNull();
  });

  it('changes no answer of polygonWithin: inside, touching, along the boundary, across the enclave, outside', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 65 }),
        fc.integer({ min: -5, max: 65 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        (e, n, w, h) => {
          const footprint = box(e, n, w, h);
          expect(polygonWithin(footprint, dense)).toBe(polygonWithin(footprint, plain));
        },
      ),
      { numRuns: 3000 },
    );
    // Cases that matter, spelled out: along the inner corner's edges, flush with the enclave, around it.
    expect(polygonWithin(box(0, 0, 30, 20), dense)).toBe(true);
    expect(polygonWithin(box(20, 30, 10, 10), dense)).toBe(true);
    expect(polygonWithin(box(5, 25, 20, 20), dense)).toBe(false);
    expect(polygonWithin(box(25, 15, 10, 10), dense)).toBe(false);
  });

  it('answers point-in-polygon exactly as the plain loop, for a 2 000-vertex ring', () => {
    const ring: Position[] = Array.from({ length: 2000 }, (_, i) => {
      const a = (2 * Math.PI * i) / 2000;
      const r = 40 + 0.6 * Math.sin(i / 7);
      return [E0 + r * Math.cos(a), N0 + r * Math.sin(a)];
    });
    ring.push(ring[0]!);
    const rings = [ring];
    const index = edgeIndex(rings)!;
    fc.assert(
      fc.property(
        fc.double({ min: -45, max: 45, noNaN: true }),
        fc.double({ min: -45, max: 45, noNaN: true }),
        (de, dn) => {
          const p: Position = [E0 + de, N0 + dn];
          expect(pointInIndexedRings(p, rings, index)).toBe(pointInRings(p, rings));
        },
      ),
      { numRuns: 5000 },
    );
    // Exactly on vertices and on strip boundaries.
    for (const v of ring.slice(0, 200)) expect(pointInIndexedRings(v, rings, index)).toBe(pointInRings(v, rings));
    for (let s = 0; s <= index.strips; s++) {
      const p: Position = [E0, index.box[1] + s * index.stripHeight];
      expect(pointInIndexedRings(p, rings, index)).toBe(pointInRings(p, rings));
    }
  });

  it('hands back every edge whose northing range meets the query', () => {
    const rings = dense.coordinates[0]!;
    const index = edgeIndex(rings)!;
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 70, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        (n, h) => {
          const [lo, hi] = [N0 + n, N0 + n + h];
          const got = new Set(edgesNear(index, lo, hi).map((e) => `${index.ringOf[e]}:${index.vertexOf[e]}`));
          rings.forEach((r, k) => {
            for (let j = 0; j < r.length - 1; j++) {
              const meets = Math.min(r[j]![1], r[j + 1]![1]) <= hi && Math.max(r[j]![1], r[j + 1]![1]) >= lo;
              if (meets) expect(got.has(`${k}:${j}`)).toBe(true);
            }
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
