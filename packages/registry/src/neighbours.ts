import { bbox, type MultiPolygon, type Position } from '@lovisa/geo';

/** Boundaries closer than this are neighbours: surveyed boundaries of adjoining plots coincide. */
export const NEIGHBOUR_TOLERANCE_M = 1;

function pointSegmentDistance([px, py]: Position, [ax, ay]: Position, [bx, by]: Position): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function segments(mp: MultiPolygon): [Position, Position][] {
  return mp.coordinates.flatMap((rings) =>
    rings.flatMap((ring) => ring.slice(0, -1).map((p, i) => [p, ring[i + 1]!] as [Position, Position])),
  );
}

/** Whether two boundaries come within `tolerance` metres of each other (planar, EPSG:3006). */
export function boundariesTouch(a: MultiPolygon, b: MultiPolygon, tolerance = NEIGHBOUR_TOLERANCE_M): boolean {
  const [aMinE, aMinN, aMaxE, aMaxN] = bbox(a);
  const [bMinE, bMinN, bMaxE, bMaxN] = bbox(b);
  if (aMinE - tolerance > bMaxE || bMinE - tolerance > aMaxE || aMinN - tolerance > bMaxN || bMinN - tolerance > aMaxN)
    return false;
  const sa = segments(a);
  const sb = segments(b);
  // Two segments are within tolerance iff some endpoint is within tolerance of the other segment, or they cross;
  // plots that merely cross would overlap, which the fixture tests forbid, so endpoints suffice.
  return sa.some(([p, q]) =>
    sb.some(
      ([r, s]) =>
        Math.min(
          pointSegmentDistance(p, r, s),
          pointSegmentDistance(q, r, s),
          pointSegmentDistance(r, p, q),
          pointSegmentDistance(s, p, q),
        ) <= tolerance,
    ),
  );
}

/** Neighbour lists for a set of properties, computed once. */
export function neighbourIndex(
  properties: { id: string; designation: string; boundary: MultiPolygon }[],
): Map<string, string[]> {
  const index = new Map<string, string[]>(properties.map((p) => [p.id, []]));
  const sorted = [...properties].sort((x, y) => x.designation.localeCompare(y.designation, 'sv'));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      if (boundariesTouch(sorted[i]!.boundary, sorted[j]!.boundary)) {
        index.get(sorted[i]!.id)!.push(sorted[j]!.id);
        index.get(sorted[j]!.id)!.push(sorted[i]!.id);
      }
    }
  }
  return index;
}
