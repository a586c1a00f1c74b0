import type { Position } from './types';

/**
 * The tile matrix of SWEREF 99 TM as Lantmäteriet's topowebb (tile matrix set "3006") cuts it: 256-pixel tiles
 * from the top-left corner (E −1 200 000, N 8 500 000), 4 096 m per pixel at level 0, halved at each level. The
 * maps zoom in these levels (and between them), so a background in this matrix fits without resampling.
 */
export const SWEREF_TILE_MATRIX = {
  origin: [-1_200_000, 8_500_000] as Position,
  /** The matrix's extent: [minE, minN, maxE, maxN]. */
  extent: [-1_200_000, 4_305_696, 2_994_304, 8_500_000] as [number, number, number, number],
  tileSize: 256,
  /** Metres per pixel at level 0. */
  resolution0: 4096,
  /** The deepest level with tiles of its own (0,5 m per pixel); the maps zoom on past it. */
  maxLevel: 13,
} as const;

/** Metres per pixel at a zoom level (fractional levels lie between the matrix's). */
export const swerefResolution = (zoom: number) => SWEREF_TILE_MATRIX.resolution0 / 2 ** zoom;

/** The zoom level of a resolution in metres per pixel: the inverse of `swerefResolution`. */
export const swerefZoom = (metresPerPixel: number) => Math.log2(SWEREF_TILE_MATRIX.resolution0 / metresPerPixel);

/**
 * A SWEREF 99 TM position as a pixel of the whole matrix at `zoom`: x grows east, y grows south, so grid north
 * is straight up the screen and a pixel row is a line of constant northing.
 */
export function swerefToPixel([e, n]: Position, zoom: number): Position {
  const r = swerefResolution(zoom);
  const [e0, n0] = SWEREF_TILE_MATRIX.origin;
  return [(e - e0) / r, (n0 - n) / r];
}

/** The inverse of `swerefToPixel`. */
export function pixelToSweref([x, y]: Position, zoom: number): Position {
  const r = swerefResolution(zoom);
  const [e0, n0] = SWEREF_TILE_MATRIX.origin;
  return [e0 + x * r, n0 - y * r];
}
