import { segmentIntersection } from './segment';
import type { Polygon, Position } from './types';

/** Rough extent of SWEREF 99 TM over Sweden (EPSG:3006 area of use), metres. */
export const SWEDEN_EXTENT = { minE: 180_000, maxE: 1_090_000, minN: 6_100_000, maxN: 7_700_000 } as const;

/** Footprints larger than this are surely a mistake (or an attack): the biggest houses are far smaller. */
export const MAX_VERTICES = 1000;

export type PolygonProblem =
  'tooFewPositions' | 'notClosed' | 'notFinite' | 'outsideSweden' | 'selfIntersecting' | 'tooManyVertices' | 'zeroArea';

/** What is wrong with a polygon meant to be a footprint in EPSG:3006; empty when it is usable. */
export function polygonProblems(polygon: Polygon): PolygonProblem[] {
  const problems: PolygonProblem[] = [];
  const rings = polygon.coordinates;
  if (rings.length === 0) return ['tooFewPositions'];
  let vertices = 0;
  for (const ring of rings) {
    vertices += ring.length;
    if (ring.length < 4) problems.push('tooFewPositions');
    if (!ring.every((p) => p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]))) {
      problems.push('notFinite');
      continue;
    }
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) problems.push('notClosed');
    if (
      ring.some(
        ([e, n]) =>
          e < SWEDEN_EXTENT.minE || e > SWEDEN_EXTENT.maxE || n < SWEDEN_EXTENT.minN || n > SWEDEN_EXTENT.maxN,
      )
    ) {
      problems.push('outsideSweden');
    }
  }
  if (vertices > MAX_VERTICES) problems.push('tooManyVertices');
  if (problems.length > 0) return [...new Set(problems)];
  if (edgesCross(rings)) problems.push('selfIntersecting');
  return problems;
}

/**
 * Whether any two edges of the rings meet anywhere but at the vertex two neighbouring edges share: a bow tie,
 * a ring touching itself, a hole crossing the outline. Exact predicates, no tolerance. Quadratic in the
 * number of edges, which MAX_VERTICES bounds (checked before this is called).
 */
function edgesCross(rings: Position[][]): boolean {
  const edges: { a: Position; b: Position; ring: number; i: number; n: number }[] = [];
  rings.forEach((ring, r) => {
    const n = ring.length - 1;
    for (let i = 0; i < n; i++) edges.push({ a: ring[i]!, b: ring[i + 1]!, ring: r, i, n });
  });
  const same = (p: Position, q: Position) => p[0] === q[0] && p[1] === q[1];
  for (let x = 0; x < edges.length; x++) {
    const e = edges[x]!;
    for (let y = x + 1; y < edges.length; y++) {
      const f = edges[y]!;
      const hit = segmentIntersection(e.a, e.b, f.a, f.b);
      if (!hit) continue;
      const neighbours = e.ring === f.ring && (f.i === e.i + 1 || (e.i === 0 && f.i === e.n - 1));
      // Neighbouring edges share their common vertex; meeting anywhere else (folding back) is a crossing.
      if (neighbours) {
        const shared = f.i === e.i + 1 ? e.b : e.a;
        if (same(hit, shared) && !segmentsOverlap(e.a, e.b, f.a, f.b)) continue;
      }
      return true;
    }
  }
  return false;
}

/** Two segments that share a vertex overlap (a spike folding back) when the other ends lie on the same side, collinear. */
function segmentsOverlap(a: Position, b: Position, c: Position, d: Position): boolean {
  const cross = (p: Position, q: Position, r: Position) =>
    (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  if (cross(a, b, c) !== 0 || cross(a, b, d) !== 0) return false;
  const dot = (p: Position, q: Position, r: Position, s: Position) =>
    (q[0] - p[0]) * (s[0] - r[0]) + (q[1] - p[1]) * (s[1] - r[1]);
  // Collinear neighbours: they fold back onto each other when they point the same way from the shared vertex.
  const shared =
    a[0] === c[0] && a[1] === c[1]
      ? 'ac'
      : a[0] === d[0] && a[1] === d[1]
        ? 'ad'
        : b[0] === c[0] && b[1] === c[1]
          ? 'bc'
          : 'bd';
  const [from1, to1] = shared[0] === 'a' ? [a, b] : [b, a];
  const [from2, to2] = shared[1] === 'c' ? [c, d] : [d, c];
  return dot(from1, to1, from2, to2) > 0;
}
