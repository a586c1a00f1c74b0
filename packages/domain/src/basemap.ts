import { z } from 'zod';
import { MultiPolygonSchema } from './geometry';

const PositionSchema = z.tuple([z.number(), z.number()]);
const PolygonGeometrySchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(PositionSchema)) });

/** Legal basis of an existing building: exempt buildings are left out of later plan-area checks (PBL 9:30). */
export const LegalBasisSchema = z.enum(['permit', 'friggebod', 'attefall']);
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

/** The offline basemap, EPSG:3006: streets, water, parks and existing buildings, one GeoJSON feature each. */
export const BasemapFeatureSchema = z.union([
  z.object({
    type: z.literal('Feature'),
    properties: z.object({ kind: z.literal('street'), name: z.string() }),
    geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(PositionSchema).min(2) }),
  }),
  z.object({
    type: z.literal('Feature'),
    properties: z.object({ kind: z.literal('water'), name: z.string() }),
    geometry: z.union([PolygonGeometrySchema, MultiPolygonSchema]),
  }),
  z.object({
    type: z.literal('Feature'),
    properties: z.object({ kind: z.literal('park'), name: z.string() }),
    geometry: PolygonGeometrySchema,
  }),
  z.object({
    type: z.literal('Feature'),
    properties: z.object({
      kind: z.literal('building'),
      propertyId: z.uuid(),
      use: z.string(),
      legalBasis: LegalBasisSchema,
      heightM: z.number().positive().optional(),
    }),
    geometry: PolygonGeometrySchema,
  }),
]);
export type BasemapFeature = z.infer<typeof BasemapFeatureSchema>;

/** What the map shows around one property: its neighbours (outline and name) and the basemap nearby. */
export const SurroundingsSchema = z.object({
  neighbours: z.array(z.object({ id: z.uuid(), designation: z.string(), boundary: MultiPolygonSchema })),
  features: z.array(BasemapFeatureSchema),
});
export type Surroundings = z.infer<typeof SurroundingsSchema>;
