import { z } from 'zod';
import { MultiPolygonSchema } from '@lovisa/domain';
import { readFixture } from './fixtureFiles';

const PositionSchema = z.tuple([z.number(), z.number()]);
const PolygonGeometrySchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(PositionSchema)) });

/** Legal basis of an existing building: exempt buildings are left out of later plan-area checks (PBL 9:30). */
export const LegalBasisSchema = z.enum(['permit', 'friggebod', 'attefall']);

const BasemapFeatureSchema = z.discriminatedUnion('kind', [
  z.object({
    type: z.literal('Feature'),
    kind: z.literal('street'),
    properties: z.object({ kind: z.literal('street'), name: z.string() }),
    geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(PositionSchema).min(2) }),
  }),
  z.object({
    type: z.literal('Feature'),
    kind: z.literal('water'),
    properties: z.object({ kind: z.literal('water'), name: z.string() }),
    geometry: z.union([PolygonGeometrySchema, MultiPolygonSchema]),
  }),
  z.object({
    type: z.literal('Feature'),
    kind: z.literal('park'),
    properties: z.object({ kind: z.literal('park'), name: z.string() }),
    geometry: PolygonGeometrySchema,
  }),
  z.object({
    type: z.literal('Feature'),
    kind: z.literal('building'),
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

const FileSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.preprocess(
      // The kind lives in GeoJSON properties; lift it so zod can discriminate on it.
      (f) => (f && typeof f === 'object' ? { ...f, kind: (f as { properties?: { kind?: unknown } }).properties?.kind } : f),
      BasemapFeatureSchema,
    ),
  ),
});

export type BasemapFeature = z.infer<typeof BasemapFeatureSchema>;
export interface BasemapFeatureCollection {
  type: 'FeatureCollection';
  features: BasemapFeature[];
}

/** The offline basemap (streets, water, existing buildings) in EPSG:3006. */
export async function loadBasemap(dir: string): Promise<BasemapFeatureCollection> {
  const data = await readFixture(dir, 'basemap.geojson', FileSchema);
  return { type: 'FeatureCollection', features: data.features };
}
