import { polygonArea, type Polygon, type Position } from '@lovisa/geo';

/** One decimal with the Swedish decimal comma: 4.5 → "4,5". */
export const decimalSv = (value: number) => value.toFixed(1).replace('.', ',').replace('-', '−');

/**
 * A distance to the boundary, truncated to the decimetre: a plan must never show 4,5 m for a building that
 * stands 4,46 m from the line, since 4,5 m is where the neighbours' consent stops being needed. The small
 * allowance keeps 4,5 computed as 4,4999999 at 4,5.
 */
export function distanceText(metres: number): string {
  return `${decimalSv(Math.floor(metres * 10 + 1e-6) / 10)} m`;
}

/** A building's measure, rounded to the decimetre. */
export const lengthText = (metres: number) => `${decimalSv(Math.round(metres * 10) / 10)} m`;

export const areaText = (m2: number) => `${decimalSv(Math.round(m2 * 10) / 10)} m²`;

const sameXY = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/**
 * The two side lengths when the footprint is a rectangle (first side first, as drawn: width, then depth),
 * else null. Right angles are checked to a millimetre over the side, the rounding of drawn rectangles.
 */
export function rectangleSides(footprint: Polygon): [number, number] | null {
  if (footprint.coordinates.length !== 1) return null;
  const ring = footprint.coordinates[0]!.filter((p, i, all) => i === 0 || !sameXY(p, all[i - 1]!));
  if (ring.length !== 5 || !sameXY(ring[0]!, ring[4]!)) return null;
  const sides = [0, 1, 2, 3].map((i) => [ring[i + 1]![0] - ring[i]![0], ring[i + 1]![1] - ring[i]![1]] as const);
  const lengths = sides.map(([x, y]) => Math.hypot(x, y));
  if (lengths.some((l) => l === 0)) return null;
  for (let i = 0; i < 4; i++) {
    const [ax, ay] = sides[i]!;
    const [bx, by] = sides[(i + 1) % 4]!;
    // |a·b| / |b| is how far a's far end strays from square along b: at most a millimetre.
    if (Math.abs(ax * bx + ay * by) / lengths[(i + 1) % 4]! > 0.002) return null;
  }
  if (Math.abs(lengths[0]! - lengths[2]!) > 0.002 || Math.abs(lengths[1]! - lengths[3]!) > 0.002) return null;
  return [lengths[0]!, lengths[1]!];
}

/** "8,0 × 7,0 m" for a rectangle, else the footprint's area, "14,0 m²". */
export function footprintMeasureText(footprint: Polygon): string {
  const sides = rectangleSides(footprint);
  if (sides) return `${decimalSv(Math.round(sides[0] * 10) / 10)} × ${lengthText(sides[1])}`;
  return areaText(polygonArea(footprint));
}
