import type { Polygon, Position } from './types';

/** Millimetres: far finer than any drawing, and keeps a rotated 6 × 4 m rectangle at 24,0 m². */
const mm = (v: number) => Math.round(v * 1000) / 1000;

/** Offsets (east, north) turned clockwise by `rotationDeg` and added to `origin`, as a closed mm-rounded ring. */
function placed(origin: Position, offsets: [number, number][], rotationDeg: number): Polygon {
  // Clockwise on the map is a negative mathematical angle.
  const a = (-rotationDeg * Math.PI) / 180;
  const corners: Position[] = offsets.map(([x, y]) => [
    mm(origin[0] + x * Math.cos(a) - y * Math.sin(a)),
    mm(origin[1] + x * Math.sin(a) + y * Math.cos(a)),
  ]);
  return { type: 'Polygon', coordinates: [[...corners, corners[0]!]] };
}

/**
 * A width × depth rectangle centred on `center`, turned `rotationDeg` clockwise from north-aligned (width
 * east–west before turning). Counter-clockwise ring, starting at the south-west corner before rotation.
 * Same results as the web map's former `rectangleAround`, so drawn and typed rectangles agree to the millimetre.
 */
export function rectangleFromDimensions(center: Position, widthM: number, depthM: number, rotationDeg = 0): Polygon {
  const w = widthM / 2;
  const d = depthM / 2;
  return placed(
    center,
    [
      [-w, -d],
      [w, -d],
      [w, d],
      [-w, d],
    ],
    rotationDeg,
  );
}

/**
 * A width × depth rectangle whose south-west corner (before rotation) is `corner`, turned `rotationDeg`
 * clockwise about that corner: for "x m from this boundary, y m from that one" input without a map.
 */
export function rectangleAtCorner(corner: Position, widthM: number, depthM: number, rotationDeg = 0): Polygon {
  return placed(
    corner,
    [
      [0, 0],
      [widthM, 0],
      [widthM, depthM],
      [0, depthM],
    ],
    rotationDeg,
  );
}
