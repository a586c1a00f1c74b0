import type { Position } from './types';

// Internal segment primitives shared by distance.ts and within.ts; not part of the package API.

/**
 * Twice the signed area of triangle abc: > 0 when c is left of a→b. Differences are taken first so that
 * nearby EPSG:3006 coordinates (≈ 10⁶ m) cancel exactly and the sign is trustworthy for grid-like input.
 */
export function orient(a: Position, b: Position, c: Position): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/** For a point already known to be collinear with a–b: is it between them? */
function inBox(a: Position, b: Position, p: Position): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/**
 * A point shared by the closed segments a–b and c–d, or null. Exact predicates (no tolerance), so a
 * footprint that merely comes within a nanometre is not reported as touching: "0 m" must mean touching.
 */
export function segmentIntersection(a: Position, b: Position, c: Position, d: Position): Position | null {
  const d1 = orient(c, d, a);
  const d2 = orient(c, d, b);
  const d3 = orient(a, b, c);
  const d4 = orient(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d1 / (d1 - d2);
    return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  }
  if (d1 === 0 && inBox(c, d, a)) return a;
  if (d2 === 0 && inBox(c, d, b)) return b;
  if (d3 === 0 && inBox(a, b, c)) return c;
  if (d4 === 0 && inBox(a, b, d)) return d;
  return null;
}

/** Parameter t ∈ [0, 1] of the point on a–b nearest to p (0 for a degenerate segment). */
export function projectParam(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return 0;
  const t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  return t <= 0 ? 0 : t >= 1 ? 1 : t;
}

/** The point at parameter t on a–b; the endpoints themselves at 0 and 1 so vertices survive unrounded. */
export function pointAt(a: Position, b: Position, t: number): Position {
  if (t === 0) return a;
  if (t === 1) return b;
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

/** The point of segment a–b nearest to p. */
export const nearestOnSegment = (p: Position, a: Position, b: Position): Position =>
  pointAt(a, b, projectParam(p, a, b));

export function dist2(p: Position, q: Position): number {
  const dx = p[0] - q[0];
  const dy = p[1] - q[1];
  return dx * dx + dy * dy;
}

export interface NearestPair {
  /** Squared distance: comparisons need no square root. */
  d2: number;
  from: Position;
  to: Position;
}

/**
 * Squared distance from p to segment a–b and the nearest point. Inside the segment the distance is
 * cross² / length², not the distance to the computed foot point: the foot point rounds to a representable
 * coordinate (≈ 1 nm steps at N 6 600 000), so a point a nanometre off the line could measure exactly 0.
 * The cross product (orient) is 0 only on the line, so d2 is 0 exactly when p lies on the segment.
 */
export function pointSegmentNearest(p: Position, a: Position, b: Position): { d2: number; at: Position } {
  const t = projectParam(p, a, b);
  if (t === 0 || t === 1) {
    const at = t === 0 ? a : b;
    return { d2: dist2(p, at), at };
  }
  const cross = orient(a, b, p);
  return { d2: (cross * cross) / dist2(a, b), at: pointAt(a, b, t) };
}

/**
 * Nearest points of segment a–b (from) and c–d (to). Two segments that do not intersect are nearest at an
 * endpoint of one of them, so four point–segment distances suffice.
 */
export function segmentNearest(a: Position, b: Position, c: Position, d: Position): NearestPair {
  const hit = segmentIntersection(a, b, c, d);
  if (hit) return { d2: 0, from: hit, to: hit };
  let best: NearestPair = { d2: Infinity, from: a, to: c };
  for (const p of [a, b]) {
    const n = pointSegmentNearest(p, c, d);
    if (n.d2 < best.d2) best = { d2: n.d2, from: p, to: n.at };
  }
  for (const q of [c, d]) {
    const n = pointSegmentNearest(q, a, b);
    if (n.d2 < best.d2) best = { d2: n.d2, from: n.at, to: q };
  }
  return best;
}

/**
 * Even–odd point-in-polygon over all rings, so holes count without caring about ring orientation. Points
 * exactly on an edge may go either way: callers only ask once they know the point is off every edge.
 */
export function pointInRings(p: Position, rings: Position[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
