import { nearestOnSegment, pointInRings } from '@lovisa/geo';
import type { Box } from './sheet';

/** A point on the page, PDF points from the lower left corner. */
export type Pt = [number, number];

export const boxesOverlap = (a: Box, b: Box, gap = 0) =>
  a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;

export const boxWithin = (inner: Box, outer: Box) =>
  inner.x0 >= outer.x0 && inner.x1 <= outer.x1 && inner.y0 >= outer.y0 && inner.y1 <= outer.y1;

export const boxCentre = (b: Box): Pt => [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];

export const boxAround = ([x, y]: Pt, w: number, h: number): Box => ({
  x0: x - w / 2,
  y0: y - h / 2,
  x1: x + w / 2,
  y1: y + h / 2,
});

export function boxOfRings(rings: Pt[][]): Box {
  const b: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const ring of rings) {
    for (const [x, y] of ring) {
      b.x0 = Math.min(b.x0, x);
      b.y0 = Math.min(b.y0, y);
      b.x1 = Math.max(b.x1, x);
      b.y1 = Math.max(b.y1, y);
    }
  }
  return b;
}

/** Whether segment a–b meets the box (Liang–Barsky). */
export function segmentHitsBox(a: Pt, b: Pt, box: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const edges: [number, number][] = [
    [-dx, a[0] - box.x0],
    [dx, box.x1 - a[0]],
    [-dy, a[1] - box.y0],
    [dy, box.y1 - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

export function* segmentsOf(rings: Pt[][]): Generator<[Pt, Pt]> {
  for (const ring of rings) for (let i = 0; i < ring.length - 1; i++) yield [ring[i]!, ring[i + 1]!];
}

export const ringsHitBox = (rings: Pt[][], box: Box) => {
  for (const [a, b] of segmentsOf(rings)) if (segmentHitsBox(a, b, box)) return true;
  return false;
};

/** Any part of the box lies in the area: an edge crosses it, or (no edge crossing) the whole box is inside. */
export const boxTouchesArea = (box: Box, rings: Pt[][]) =>
  ringsHitBox(rings, box) || pointInRings(boxCentre(box), rings);

/** The whole box lies in the area. */
export const boxInsideArea = (box: Box, rings: Pt[][]) =>
  !ringsHitBox(rings, box) && pointInRings(boxCentre(box), rings);

/** Sutherland–Hodgman: the part of a ring inside the box, closed; empty when none is. */
export function clipRingToBox(ring: Pt[], box: Box): Pt[] {
  const sides: [(p: Pt) => boolean, (a: Pt, b: Pt) => Pt][] = [
    [(p) => p[0] >= box.x0, (a, b) => cutX(a, b, box.x0)],
    [(p) => p[0] <= box.x1, (a, b) => cutX(a, b, box.x1)],
    [(p) => p[1] >= box.y0, (a, b) => cutY(a, b, box.y0)],
    [(p) => p[1] <= box.y1, (a, b) => cutY(a, b, box.y1)],
  ];
  let points = ring.slice(0, -1);
  for (const [inside, cut] of sides) {
    const out: Pt[] = [];
    for (let i = 0; i < points.length; i++) {
      const cur = points[i]!;
      const prev = points[(i + points.length - 1) % points.length]!;
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cut(prev, cur));
    }
    points = out;
    if (points.length === 0) return [];
  }
  return [...points, points[0]!];
}

function cutX(a: Pt, b: Pt, x: number): Pt {
  return [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
}
function cutY(a: Pt, b: Pt, y: number): Pt {
  return [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
}

export function ringArea(ring: Pt[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return Math.abs(s / 2);
}

/** Distance from a point to the nearest edge of the rings. */
export function distanceToEdges(p: Pt, rings: Pt[][]): number {
  let best = Infinity;
  for (const [a, b] of segmentsOf(rings)) {
    const q = nearestOnSegment(p, a, b);
    best = Math.min(best, Math.hypot(p[0] - q[0], p[1] - q[1]));
  }
  return best;
}

/** The point of the rings' outline nearest to p. */
export function nearestOnRings(p: Pt, rings: Pt[][]): Pt {
  let best: Pt = p;
  let d = Infinity;
  for (const [a, b] of segmentsOf(rings)) {
    const q = nearestOnSegment(p, a, b);
    const dq = Math.hypot(p[0] - q[0], p[1] - q[1]);
    if (dq < d) {
      d = dq;
      best = q;
    }
  }
  return best;
}

/** Area centroid of the outer ring (labels go there when they fit). */
export function centroid(ring: Pt[]): Pt {
  let a = 0;
  let cx = 0;
  let cy = 0;
  const [ox, oy] = ring[0] ?? [0, 0];
  for (let i = 0; i < ring.length - 1; i++) {
    const x0 = ring[i]![0] - ox;
    const y0 = ring[i]![1] - oy;
    const x1 = ring[i + 1]![0] - ox;
    const y1 = ring[i + 1]![1] - oy;
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  if (a === 0) return boxCentre(boxOfRings([ring]));
  return [ox + cx / (3 * a), oy + cy / (3 * a)];
}
