import booleanWithin from '@turf/boolean-within';
import { polygon as turfPolygon } from '@turf/helpers';
import type { MultiPolygon, Polygon } from './types';

/** True when the polygon lies inside one of the separate areas of the multipolygon (planar, EPSG:3006). */
export function polygonWithin(inner: Polygon, outer: MultiPolygon): boolean {
  const p = turfPolygon(inner.coordinates);
  return outer.coordinates.some((rings) => booleanWithin(p, turfPolygon(rings)));
}
