import type { Polygon, Position } from '@lovisa/geo';

/**
 * A footprint read back as the width × depth × rotation form would have made it: width along the edge
 * nearest east–west, rotation clockwise in (−45°, 45°], `corner` the south-west corner before rotation (the
 * corner `rectangleAtCorner` turns about). Null when the shape is not a rectangle.
 */
export interface RectangleShape {
  widthM: number;
  depthM: number;
  rotationDeg: number;
  corner: Position;
}

/** Corners within this much of a right angle (as the cosine of the angle) still make a rectangle. */
const RIGHT_ANGLE_TOLERANCE = 0.01;
/** Opposite sides may differ by this much (m): a drawn rectangle goes through WGS84 and back. */
const SIDE_TOLERANCE_M = 0.02;

export function rectangleShape(polygon: Polygon): RectangleShape | null {
  if (polygon.coordinates.length !== 1) return null;
  const ring = polygon.coordinates[0]!;
  const pts =
    ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1]
      ? ring.slice(0, -1)
      : ring;
  if (pts.length !== 4) return null;
  const edges = pts.map((p, i) => {
    const q = pts[(i + 1) % 4]!;
    return [q[0] - p[0], q[1] - p[1]] as Position;
  });
  const lens = edges.map(([x, y]) => Math.hypot(x, y));
  if (lens.some((l) => l < 0.01)) return null;
  for (let i = 0; i < 4; i++) {
    const a = edges[i]!;
    const b = edges[(i + 1) % 4]!;
    if (Math.abs((a[0] * b[0] + a[1] * b[1]) / (lens[i]! * lens[(i + 1) % 4]!)) > RIGHT_ANGLE_TOLERANCE) return null;
  }
  if (Math.abs(lens[0]! - lens[2]!) > SIDE_TOLERANCE_M || Math.abs(lens[1]! - lens[3]!) > SIDE_TOLERANCE_M) return null;

  // Of the four directions along the sides, the one within 45° of east is the width.
  const candidates: { u: Position; len: number; other: number }[] = [];
  for (const sign of [1, -1]) {
    for (const k of [0, 1]) {
      const e = edges[k]!;
      candidates.push({
        u: [(sign * e[0]) / lens[k]!, (sign * e[1]) / lens[k]!],
        len: (lens[k]! + lens[k + 2]!) / 2,
        other: (lens[1 - k]! + lens[3 - k]!) / 2,
      });
    }
  }
  const angle = (u: Position) => (Math.atan2(u[1], u[0]) * 180) / Math.PI; // counter-clockwise from east
  const chosen = candidates.find((c) => angle(c.u) > -45 && angle(c.u) <= 45) ?? candidates[0]!;
  const u = chosen.u;
  const v: Position = [-u[1], u[0]]; // depth: a quarter turn counter-clockwise from width
  // The south-west corner before rotation: least along both width and depth.
  let corner = pts[0]!;
  for (const p of pts)
    if (
      p[0] * u[0] + p[1] * u[1] + p[0] * v[0] + p[1] * v[1] <
      corner[0] * u[0] + corner[1] * u[1] + corner[0] * v[0] + corner[1] * v[1]
    )
      corner = p;
  const rotation = -angle(u);
  return { widthM: chosen.len, depthM: chosen.other, rotationDeg: Math.abs(rotation) < 1e-9 ? 0 : rotation, corner };
}
