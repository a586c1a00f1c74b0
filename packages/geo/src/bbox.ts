import type { MultiPolygon, Polygon, Position } from './types';

export type BBox = [minE: number, minN: number, maxE: number, maxN: number];

export function bbox(geometry: Polygon | MultiPolygon): BBox {
  const positions: Position[] =
    geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
  let minE = Infinity,
    minN = Infinity,
    maxE = -Infinity,
    maxN = -Infinity;
  for (const [e, n] of positions) {
    minE = Math.min(minE, e);
    minN = Math.min(minN, n);
    maxE = Math.max(maxE, e);
    maxN = Math.max(maxN, n);
  }
  return [minE, minN, maxE, maxN];
}

export function bboxCenter([minE, minN, maxE, maxN]: BBox): Position {
  return [(minE + maxE) / 2, (minN + maxN) / 2];
}
