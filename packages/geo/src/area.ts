import type { MultiPolygon, Polygon, Ring } from './types';

/** Signed shoelace area of a ring in m² (positive when counter-clockwise). */
function ringSignedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/** Planar area in m² of a polygon in EPSG:3006 metres: outer ring minus holes. */
export function polygonArea(polygon: Polygon): number {
  const [outer, ...holes] = polygon.coordinates;
  if (!outer) return 0;
  return Math.abs(ringSignedArea(outer)) - holes.reduce((s, h) => s + Math.abs(ringSignedArea(h)), 0);
}

export function multiPolygonArea(mp: MultiPolygon): number {
  return mp.coordinates.reduce((s, rings) => s + polygonArea({ type: 'Polygon', coordinates: rings }), 0);
}

/** Rounds an area for display and storage: one decimal is well inside a drawing's accuracy. */
export function roundArea(m2: number): number {
  return Math.round(m2 * 10) / 10;
}
