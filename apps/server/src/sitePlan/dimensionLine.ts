import type { BoundaryNearest, Polygon, Position } from '@lovisa/geo';

/**
 * Where to draw the dimension of a shortest distance. When a wall runs parallel to the boundary, every
 * point of their overlap is equally near and the nearest-point search returns one end of it: the line then
 * sits on a corner, where it reads as belonging to the other wall. Slid to the middle of the overlap, it
 * measures the same distance and is drawn the way a person would.
 */
export function dimensionLineFor(footprint: Polygon, nearest: BoundaryNearest): { from: Position; to: Position } {
  const { from, to, distanceM } = nearest;
  const [c, d] = nearest.segment;
  const length = Math.hypot(d[0] - c[0], d[1] - c[1]);
  if (!(distanceM > 0) || !Number.isFinite(distanceM) || length === 0) return { from, to };
  const u: Position = [(d[0] - c[0]) / length, (d[1] - c[1]) / length];
  // Signed distance from the boundary segment's line, positive to its left.
  const side = (p: Position) => u[0] * (p[1] - c[1]) - u[1] * (p[0] - c[0]);
  const along = (p: Position) => (p[0] - c[0]) * u[0] + (p[1] - c[1]) * u[1];
  const tolerance = 1e-6 + distanceM * 1e-9;
  let best: { overlap: number; t: number; offset: number } | null = null;
  for (const ring of footprint.coordinates) {
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      const sa = side(a);
      const sb = side(b);
      if (Math.abs(Math.abs(sa) - distanceM) > tolerance || Math.abs(sa - sb) > tolerance) continue;
      const lo = Math.max(0, Math.min(along(a), along(b)));
      const hi = Math.min(length, Math.max(along(a), along(b)));
      if (hi - lo > (best?.overlap ?? 0)) best = { overlap: hi - lo, t: (lo + hi) / 2, offset: sa };
    }
  }
  if (!best) return { from, to };
  const foot: Position = [c[0] + u[0] * best.t, c[1] + u[1] * best.t];
  return { from: [foot[0] - u[1] * best.offset, foot[1] + u[0] * best.offset], to: foot };
}
