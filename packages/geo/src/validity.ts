import kinks from '@turf/kinks';
import { polygon as turfPolygon } from '@turf/helpers';
import type { Polygon } from './types';

/** Rough extent of SWEREF 99 TM over Sweden (EPSG:3006 area of use), metres. */
export const SWEDEN_EXTENT = { minE: 180_000, maxE: 1_090_000, minN: 6_100_000, maxN: 7_700_000 } as const;

/** Footprints larger than this are surely a mistake (or an attack): the biggest houses are far smaller. */
export const MAX_VERTICES = 1000;

export type PolygonProblem =
  | 'tooFewPositions'
  | 'notClosed'
  | 'notFinite'
  | 'outsideSweden'
  | 'selfIntersecting'
  | 'tooManyVertices'
  | 'zeroArea';

/** What is wrong with a polygon meant to be a footprint in EPSG:3006; empty when it is usable. */
export function polygonProblems(polygon: Polygon): PolygonProblem[] {
  const problems: PolygonProblem[] = [];
  const rings = polygon.coordinates;
  if (rings.length === 0) return ['tooFewPositions'];
  let vertices = 0;
  for (const ring of rings) {
    vertices += ring.length;
    if (ring.length < 4) problems.push('tooFewPositions');
    if (!ring.every((p) => p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]))) {
      problems.push('notFinite');
      continue;
    }
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) problems.push('notClosed');
    if (ring.some(([e, n]) => e < SWEDEN_EXTENT.minE || e > SWEDEN_EXTENT.maxE || n < SWEDEN_EXTENT.minN || n > SWEDEN_EXTENT.maxN)) {
      problems.push('outsideSweden');
    }
  }
  if (vertices > MAX_VERTICES) problems.push('tooManyVertices');
  if (problems.length > 0) return [...new Set(problems)];
  if (kinks(turfPolygon(rings)).features.length > 0) problems.push('selfIntersecting');
  return problems;
}
