import { z } from 'zod';
import { polygonProblems } from '@lovisa/geo';
import type { DomainMessageId } from './messages/sv';

// A problem's message is its id in messages/sv.ts (`geometry.<problem>`), rendered by each face in its language.
const PositionSchema = z.tuple([z.number(), z.number()]);
const RingSchema = z.array(PositionSchema).max(10_000);

/** A GeoJSON Polygon in SWEREF 99 TM (EPSG:3006) metres, checked for being a usable surface. */
export const PolygonSchema = z
  .object({ type: z.literal('Polygon'), coordinates: z.array(RingSchema).min(1).max(50) })
  .superRefine((polygon, ctx) => {
    for (const problem of polygonProblems(polygon)) {
      ctx.addIssue({ code: 'custom', message: `geometry.${problem}` satisfies DomainMessageId, path: ['coordinates'] });
    }
  });
export type PolygonGeometry = z.infer<typeof PolygonSchema>;

/** A property boundary: a property may have several separate areas (EPSG:3006). */
export const MultiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(RingSchema).min(1)).min(1),
});
export type MultiPolygonGeometry = z.infer<typeof MultiPolygonSchema>;

/**
 * What "place the building by its measurements" accepts: a side of 1–100 m (no komplementbyggnad or house
 * is outside it; a typo of 1000 is), a turn of at most a full circle, and a corner at most 1 km from the
 * plot's. The map step's form reads these; it holds no bound of its own.
 */
export const placementLimits = {
  sideM: { min: 1, max: 100 },
  rotationDeg: { min: -360, max: 360 },
  offsetM: { min: 0, max: 1000 },
} as const;
