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
