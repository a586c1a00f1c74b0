import { z } from 'zod';
import { PolygonSchema } from './geometry';
import { MeasureTypeSchema } from './measure';

/** One drawn building footprint, EPSG:3006. */
export const FootprintSchema = z.object({
  id: z.string().min(1).max(64),
  measure: MeasureTypeSchema,
  geometry: PolygonSchema,
});
export type Footprint = z.infer<typeof FootprintSchema>;

export const ApplicationDetailsSchema = z.object({
  description: z
    .string()
    .trim()
    .min(10, 'Beskriv vad du vill bygga med minst 10 tecken.')
    .max(4000, 'Beskrivningen får vara högst 4000 tecken.'),
  ridgeHeightM: z
    .number({ error: 'Ange nockhöjden i meter.' })
    .min(1, 'Nockhöjden ska vara minst 1 meter.')
    .max(30, 'Nockhöjden får vara högst 30 meter.'),
  plannedStart: z.iso.date({ error: 'Ange ett datum (ÅÅÅÅ-MM-DD).' }),
});
export type ApplicationDetails = z.infer<typeof ApplicationDetailsSchema>;

/** What the applicant submits; the server checks it again with this same schema. */
export const ApplicationSubmissionSchema = z.object({
  draftId: z.uuid().optional(),
  propertyId: z.uuid(),
  measure: MeasureTypeSchema,
  footprints: z.array(FootprintSchema).min(1, 'Rita minst en byggnad på kartan.').max(10),
  details: ApplicationDetailsSchema,
});
export type ApplicationSubmission = z.infer<typeof ApplicationSubmissionSchema>;

/**
 * A draft holds whatever the applicant has got to so far; nothing in it is checked beyond shape and size,
 * because half-finished is its nature. Geometry is kept raw until submission checks it.
 */
export const DraftDataSchema = z.object({
  step: z.string().max(40).optional(),
  propertyId: z.uuid().optional(),
  measure: MeasureTypeSchema.optional(),
  footprints: z
    .array(
      z.object({
        id: z.string().max(64),
        measure: MeasureTypeSchema,
        geometry: z.object({
          type: z.literal('Polygon'),
          coordinates: z.array(z.array(z.tuple([z.number(), z.number()])).max(2000)).max(20),
        }),
      }),
    )
    .max(10)
    .optional(),
  details: z
    .object({
      description: z.string().max(4000).optional(),
      ridgeHeightM: z.number().optional(),
      plannedStart: z.string().max(10).optional(),
    })
    .optional(),
});
export type DraftData = z.infer<typeof DraftDataSchema>;

export const DraftSchema = z.object({
  id: z.uuid(),
  data: DraftDataSchema,
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Draft = z.infer<typeof DraftSchema>;
