import { z } from 'zod';

/**
 * Attachment categories, with the document codes Swedish case systems use (SITU, PLA, FAS, SEK, GRAM), so an
 * export to the municipality's archive needs no mapping.
 */
export const AttachmentTypeSchema = z.enum(['SITU', 'PLA', 'FAS', 'SEK', 'GRAM', 'OVR']);
export type AttachmentType = z.infer<typeof AttachmentTypeSchema>;

export const attachmentLabels: Record<AttachmentType, { sv: string; en: string }> = {
  SITU: { sv: 'Situationsplan', en: 'Site plan' },
  PLA: { sv: 'Planritning', en: 'Floor plan' },
  FAS: { sv: 'Fasadritning', en: 'Elevation drawing' },
  SEK: { sv: 'Sektionsritning', en: 'Section drawing' },
  GRAM: { sv: 'Grannemedgivande', en: 'Neighbour consent' },
  OVR: { sv: 'Övrig handling', en: 'Other document' },
};

/** An attachment as the applicant and the officer see it: what it is, never where its bytes are. */
export const AttachmentInfoSchema = z.object({
  id: z.uuid(),
  type: AttachmentTypeSchema,
  /** For a neighbour's consent (GRAM): the neighbouring property whose owners signed it. */
  neighbourPropertyId: z.uuid().nullable(),
  fileName: z.string(),
  contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
  size: z.number().int().nonnegative(),
  /** Made by Lovisa from the drawing (the site plan), not uploaded. */
  generated: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type AttachmentInfo = z.infer<typeof AttachmentInfoSchema>;

/** The query of an upload: which slot the file fills. */
export const AttachmentSlotSchema = z.object({
  type: AttachmentTypeSchema,
  neighbourPropertyId: z.uuid().optional(),
});
export type AttachmentSlot = z.infer<typeof AttachmentSlotSchema>;

/** One file per drawing type and per neighbour's consent; "other documents" may be several. */
export const MAX_OTHER_ATTACHMENTS = 10;
