import type { MultiPolygon, Polygon, Position } from '../types';

/** The tests' origin in SWEREF 99 TM: somewhere in Kjellstavik, far from any axis. */
export const E0 = 540_000;
export const N0 = 6_600_000;

/** Counter-clockwise w × h box with its south-west corner at (E0 + e, N0 + n). */
export const ring = (e: number, n: number, w: number, h: number): Position[] => [
  [E0 + e, N0 + n],
  [E0 + e + w, N0 + n],
  [E0 + e + w, N0 + n + h],
  [E0 + e, N0 + n + h],
  [E0 + e, N0 + n],
];

export const box = (e: number, n: number, w: number, h: number): Polygon => ({
  type: 'Polygon',
  coordinates: [ring(e, n, w, h)],
});

export const multi = (...parts: Position[][][]): MultiPolygon => ({ type: 'MultiPolygon', coordinates: parts });
