import { edgeIndex, edgesNear, pointInIndexedRings } from './edgeIndex';
import { orient, pointAt, pointInRings } from './segment';
import type { MultiPolygon, Polygon, Position } from './types';

// Formerly @turf/boolean-within, which took ≈ 5 ms against a 2 000-vertex property: too slow to run on every
// drag. Same meaning (inside, touching the boundary from inside allowed), with exact predicates, plus one
// case turf missed: a hole of the property (someone else's enclave) lying inside the footprint.

type Box = [number, number, number, number];

function boxOf(rings: Position[][]): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings) {
    for (const [e, n] of r) {
      if (e < b[0]) b[0] = e;
      if (n < b[1]) b[1] = n;
      if (e > b[2]) b[2] = e;
      if (n > b[3]) b[3] = n;
    }
  }
  return b;
}

/** Where the pieces of some rings lie relative to a polygon, once cut at every point where they meet it. */
interface Pieces {
  /** Some edge properly crosses an edge of the polygon. */
  cross: boolean;
  inside: boolean;
  outside: boolean;
  /** Indices of the polygon's rings that pieces lie along. */
  along: Set<number>;
}

/** Parameter of p on a–b, p known to be on the line through a and b. */
function paramOn(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  return ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy);
}

function classify(rings: Position[][], polygon: Position[][], polygonBox: Box): Pieces {
  const result: Pieces = { cross: false, inside: false, outside: false, along: new Set() };
  const index = edgeIndex(polygon);
  const inPolygon = (p: Position) => (index ? pointInIndexedRings(p, polygon, index) : pointInRings(p, polygon));
  for (const ring of rings) {
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      if (a[0] === b[0] && a[1] === b[1]) continue;
      const minE = Math.min(a[0], b[0]),
        maxE = Math.max(a[0], b[0]),
        minN = Math.min(a[1], b[1]),
        maxN = Math.max(a[1], b[1]);
      const cuts = [0, 1];
      const collinear: { t0: number; t1: number; ring: number }[] = [];
      if (maxE >= polygonBox[0] && minE <= polygonBox[2] && maxN >= polygonBox[1] && minN <= polygonBox[3]) {
        /** Meets a–b with the polygon's edge c–d (of ring k); true when they properly cross. */
        const meet = (c: Position, d: Position, k: number): boolean => {
          if (
            Math.max(c[0], d[0]) < minE ||
            Math.min(c[0], d[0]) > maxE ||
            Math.max(c[1], d[1]) < minN ||
            Math.min(c[1], d[1]) > maxN
          )
            return false;
          const d1 = orient(c, d, a);
          const d2 = orient(c, d, b);
          const d3 = orient(a, b, c);
          const d4 = orient(a, b, d);
          if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
          if (d1 === 0 && d2 === 0) {
            // Along the same line: the shared stretch lies on the polygon's boundary.
            const tc = paramOn(c, a, b);
            const td = paramOn(d, a, b);
            const t0 = Math.max(0, Math.min(tc, td));
            const t1 = Math.min(1, Math.max(tc, td));
            if (t0 < t1) collinear.push({ t0, t1, ring: k });
            if (t0 <= t1) cuts.push(t0, t1);
            return false;
          }
          // A vertex of the polygon on a–b splits it: what lies either side may differ.
          if (d3 === 0) {
            const t = paramOn(c, a, b);
            if (t > 0 && t < 1) cuts.push(t);
          }
          if (d4 === 0) {
            const t = paramOn(d, a, b);
            if (t > 0 && t < 1) cuts.push(t);
          }
          return false;
        };
        if (index) {
          for (const e of edgesNear(index, minN, maxN)) {
            const pr = polygon[index.ringOf[e]!]!;
            const j = index.vertexOf[e]!;
            if (meet(pr[j]!, pr[j + 1]!, index.ringOf[e]!)) {
              result.cross = true;
              return result;
            }
          }
        } else {
          for (let k = 0; k < polygon.length; k++) {
            const pr = polygon[k]!;
            for (let j = 0; j < pr.length - 1; j++) {
              if (meet(pr[j]!, pr[j + 1]!, k)) {
                result.cross = true;
                return result;
              }
            }
          }
        }
      }
      cuts.sort((x, y) => x - y);
      for (let m = 0; m < cuts.length - 1; m++) {
        const t0 = cuts[m]!;
        const t1 = cuts[m + 1]!;
        if (t1 <= t0) continue;
        const mid = (t0 + t1) / 2;
        const on = collinear.find((s) => s.t0 <= mid && mid <= s.t1);
        if (on) result.along.add(on.ring);
        else if (inPolygon(pointAt(a, b, mid))) result.inside = true;
        else result.outside = true;
      }
    }
  }
  return result;
}

function withinPart(inner: Position[][], innerBox: Box, part: Position[][]): boolean {
  const partBox = boxOf(part.slice(0, 1));
  if (innerBox[0] < partBox[0] || innerBox[1] < partBox[1] || innerBox[2] > partBox[2] || innerBox[3] > partBox[3])
    return false;
  const edges = classify(inner, part, partBox);
  if (edges.cross || edges.outside) return false;
  for (const hole of part.slice(1)) {
    const holeBox = boxOf([hole]);
    if (holeBox[2] < innerBox[0] || holeBox[0] > innerBox[2] || holeBox[3] < innerBox[1] || holeBox[1] > innerBox[3])
      continue;
    const h = classify([hole], inner, innerBox);
    // Any of the hole inside the footprint, or the hole's whole ring traced by the footprint's outline.
    if (h.cross || h.inside || (!h.outside && h.along.has(0))) return false;
  }
  return true;
}

/** True when the polygon lies inside one of the separate areas of the multipolygon (planar, EPSG:3006). */
export function polygonWithin(inner: Polygon, outer: MultiPolygon): boolean {
  const rings = inner.coordinates.filter((r) => r.length > 0);
  if (rings.length === 0) return false;
  const innerBox = boxOf(rings);
  return outer.coordinates.some((part) => part.length > 0 && withinPart(rings, innerBox, part));
}
