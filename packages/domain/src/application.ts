import { z } from 'zod';
import { PolygonSchema } from './geometry';
import { MeasureTypeSchema } from './measure';
import { storableText } from './text';

/** One drawn building footprint, EPSG:3006. */
export const FootprintSchema = z.object({
  id: z.string().min(1).max(64),
  measure: MeasureTypeSchema,
  geometry: PolygonSchema,
});
export type Footprint = z.infer<typeof FootprintSchema>;

export const ApplicationDetailsSchema = z.object({
  description: storableText(
    z.string().trim().min(10, 'Beskriv vad du vill bygga med minst 10 tecken.').max(4000, 'Beskrivningen får vara högst 4000 tecken.'),
  ),
  ridgeHeightM: z
    .number({ error: 'Ange nockhöjden i meter.' })
    .min(1, 'Nockhöjden ska vara minst 1 meter.')
    .max(30, 'Nockhöjden får vara högst 30 meter.'),
  plannedStart: z.iso.date({ error: 'Ange ett datum (ÅÅÅÅ-MM-DD).' }),
  /** Extensions are judged by gross floor area (all storeys); the drawing only gives the footprint. */
  grossFloorAreaM2: z
    .number({ error: 'Ange bruttoarean i kvadratmeter.' })
    .positive('Bruttoarean ska vara större än 0.')
    .max(5000, 'Bruttoarean får vara högst 5000 m².')
    .optional(),
  // How the office reaches the applicant; whether one of them is required is the rules engine's call.
  email: z.union([z.literal(''), z.email('Ange en giltig e-postadress, till exempel namn@exempel.se.').max(200)]).optional(),
  phone: z
    .union([z.literal(''), z.string().trim().regex(/^\+?[\d\s-]{6,20}$/, 'Ange ett telefonnummer med siffror, till exempel 070-123 45 67.')])
    .optional(),
  /** Kontrollansvarig, where the measure needs one (PBL 10 kap. 9 §). */
  kaName: z.string().trim().max(200, 'Namnet får vara högst 200 tecken.').optional(),
  kaCertificationId: z.string().trim().max(50, 'Certifieringsnumret får vara högst 50 tecken.').optional(),
  kaContact: z.string().trim().max(200, 'Kontaktuppgiften får vara högst 200 tecken.').optional(),
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
  /** The rule set and the verdict when the draft was last saved: a later reform is pointed out on resume. */
  ruleSetId: z.string().max(40).optional(),
  outcome: z.enum(['none', 'notification', 'permit']).optional(),
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
      grossFloorAreaM2: z.number().optional(),
      email: z.string().max(200).optional(),
      phone: z.string().max(40).optional(),
      kaName: z.string().max(200).optional(),
      kaCertificationId: z.string().max(50).optional(),
      kaContact: z.string().max(200).optional(),
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
