import { z } from 'zod';
import { MultiPolygonSchema } from './geometry';

/** Fastighetsbeteckning, e.g. "Kjellstavik Eken 1:23" (register area, tract, block:unit). */
export const DesignationSchema = z.string().min(3).max(100);

export const PropertySchema = z.object({
  id: z.uuid(),
  designation: DesignationSchema,
  municipality: z.string(),
  /** Land area in m² as registered. */
  registeredAreaM2: z.number().nonnegative(),
  /** EPSG:3006; a property may have several separate areas. */
  boundary: MultiPolygonSchema,
  planIds: z.array(z.string()),
});
export type Property = z.infer<typeof PropertySchema>;

export const PropertySummarySchema = PropertySchema.pick({ id: true, designation: true, municipality: true, registeredAreaM2: true });
export type PropertySummary = z.infer<typeof PropertySummarySchema>;
