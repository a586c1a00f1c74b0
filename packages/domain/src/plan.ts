import { z } from 'zod';
import { MultiPolygonSchema } from './geometry';

/** A detailed plan (detaljplan) with the provisions the rules engine reads. */
export const DetailedPlanSchema = z.object({
  id: z.string(),
  planNumber: z.string(),
  name: z.string(),
  legalForceDate: z.iso.date(),
  /** Permitted use, e.g. "B" (housing). */
  use: z.array(z.string()),
  maxBuildingAreaM2: z.number().positive().nullable(),
  maxBuildingAreaPercent: z.number().positive().max(100).nullable(),
  maxRidgeHeightM: z.number().positive().nullable(),
  minDistanceToBoundaryM: z.number().nonnegative().nullable(),
  area: MultiPolygonSchema,
  /** Land that may not be built on (prickmark). */
  prickmark: MultiPolygonSchema.nullable(),
  /** Land for outbuildings only (korsmark). */
  korsmark: MultiPolygonSchema.nullable(),
  /** Public land (allmän plats): streets (GATA), parks (PARK), squares (TORG). Decides the 4.5 m street rule. */
  publicLand: z.array(z.object({ use: z.enum(['GATA', 'PARK', 'TORG']), area: MultiPolygonSchema })).optional(),
  /** Especially valuable built environment (q provisions, PBL 8 kap. 13 §): permit-free measures do not apply. */
  culturalHeritage: MultiPolygonSchema.nullable().optional(),
  /**
   * Provisions the rules engine does not read (an imported plan's unknown catalogue codes): kept as text so an
   * officer still sees them beside the plan, never silently dropped.
   */
  otherProvisions: z
    .array(z.object({ code: z.string().nullable(), symbol: z.string().nullable(), text: z.string() }))
    .optional(),
});
export type DetailedPlan = z.infer<typeof DetailedPlanSchema>;
