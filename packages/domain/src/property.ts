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
  /** Belägenhetsadress (street address of the plot), where it has one. */
  address: z.string().nullable().optional(),
  /** EPSG:3006; a property may have several separate areas. */
  boundary: MultiPolygonSchema,
  planIds: z.array(z.string()),
});
export type Property = z.infer<typeof PropertySchema>;

/** What a list of properties shows: enough to recognise one's plot, its outline included for a thumbnail. */
export const PropertySummarySchema = PropertySchema.pick({
  id: true,
  designation: true,
  municipality: true,
  registeredAreaM2: true,
  address: true,
  boundary: true,
}).extend({
  /** Set when the caller is not an owner but an agent with a power of attorney from one (ADR 0023). */
  actingFor: z.object({ principalName: z.string().nullable() }).optional(),
});
export type PropertySummary = z.infer<typeof PropertySummarySchema>;

/** A neighbouring property as the applicant and officer see it: designation and street address, no owners. */
export const NeighbourSchema = PropertySchema.pick({ id: true, designation: true, address: true });
export type Neighbour = z.infer<typeof NeighbourSchema>;
