import type { MultiPolygon, Polygon, Ring } from './types';

/**
 * Signed shoelace area of a ring in m² (positive when counter-clockwise). Relative to the ring's first vertex:
 * raw products of EPSG:3006 coordinates (≈ 4·10¹²) carry rounding of ≈ 10⁻³ each, which made a 23 m²
 * footprint off by 10⁻⁴ m², and the area change when the same footprint was moved.
 */
function ringSignedArea(ring: Ring): number {
  const o = ring[0];
  if (!o) return 0;
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const x1 = ring[i]![0] - o[0];
    const y1 = ring[i]![1] - o[1];
    const x2 = ring[i + 1]![0] - o[0];
    const y2 = ring[i + 1]![1] - o[1];
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

/** Length in metres of all rings of a polygon, holes included (the walls of a courtyard are walls too). */
export function polygonPerimeter(polygon: Polygon): number {
  let sum = 0;
  for (const ring of polygon.coordinates) {
    for (let i = 0; i < ring.length - 1; i++)
      sum += Math.hypot(ring[i + 1]![0] - ring[i]![0], ring[i + 1]![1] - ring[i]![1]);
  }
  return sum;
}
