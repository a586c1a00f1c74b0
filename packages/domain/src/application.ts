import { z } from 'zod';
import { PolygonSchema } from './geometry';
import { MeasureTypeSchema } from './measure';
import { storableText } from './text';
import type { DomainMessageId } from './messages/sv';

/**
 * A zod message that is a message id (messages/sv.ts): the server's validation answer and react-hook-form both
 * carry `message` through untouched, so each face renders it in its language.
 */
const id = (messageId: DomainMessageId) => messageId;

/** One drawn building footprint, EPSG:3006. */
export const FootprintSchema = z.object({
  id: z.string().min(1).max(64),
  measure: MeasureTypeSchema,
  geometry: PolygonSchema,
});
export type Footprint = z.infer<typeof FootprintSchema>;

export const ApplicationDetailsSchema = z.object({
  description: storableText(
    z
      .string({ error: id('form.description.tooShort') })
      .trim()
      .min(10, id('form.description.tooShort'))
      .max(4000, id('form.description.tooLong')),
  ),
  ridgeHeightM: z
    .number({ error: id('form.ridgeHeight.required') })
    .min(1, id('form.ridgeHeight.tooLow'))
    .max(30, id('form.ridgeHeight.tooHigh')),
  plannedStart: z.iso.date({ error: id('form.plannedStart.invalid') }),
  /** Extensions are judged by gross floor area (all storeys); the drawing only gives the footprint. */
  grossFloorAreaM2: z
    .number({ error: id('form.grossFloorArea.required') })
    .positive(id('form.grossFloorArea.notPositive'))
    .max(5000, id('form.grossFloorArea.tooHigh'))
    .optional(),
  // How the office reaches the applicant; whether one of them is required is the rules engine's call.
  email: z.union([z.literal(''), z.email(id('form.email.invalid')).max(200)]).optional(),
  phone: z
    .union([
      z.literal(''),
      z
        .string()
        .trim()
        .regex(/^\+?[\d\s-]{6,20}$/, id('form.phone.invalid')),
    ])
    .optional(),
  /** Kontrollansvarig, where the measure needs one (PBL 10 kap. 9 §). */
  kaName: z.string().trim().max(200, id('form.kaName.tooLong')).optional(),
  kaCertificationId: z.string().trim().max(50, id('form.kaCertificationId.tooLong')).optional(),
  kaContact: z.string().trim().max(200, id('form.kaContact.tooLong')).optional(),
});
export type ApplicationDetails = z.infer<typeof ApplicationDetailsSchema>;

/**
 * The e-mail address and phone number an applicant chose to keep for their next application: kept only after
 * they ticked the box for it, and removed when they untick it (GDPR art. 6.1 a: consent, withdrawable).
 */
export const SavedContactSchema = ApplicationDetailsSchema.pick({ email: true, phone: true });
export type SavedContact = z.infer<typeof SavedContactSchema>;
export const SavedContactAnswerSchema = z.object({
  contact: z.object({ email: z.string(), phone: z.string(), savedAt: z.iso.datetime() }).nullable(),
});

/** What the applicant submits; the server checks it again with this same schema. */
export const ApplicationSubmissionSchema = z.object({
  draftId: z.uuid().optional(),
  propertyId: z.uuid(),
  measure: MeasureTypeSchema,
  footprints: z.array(FootprintSchema).min(1, id('form.footprints.none')).max(10),
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
