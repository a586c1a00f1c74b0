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

/** One document of a case with its versions: the one in force, and those a later upload replaced (newest first). */
export interface DocumentHistory {
  key: string;
  type: AttachmentType;
  current: AttachmentInfo;
  replaced: AttachmentInfo[];
}

/** When a document first came: it keeps its place in the list when a new version replaces it. */
const firstSent = (d: DocumentHistory) => (d.replaced.at(-1) ?? d.current).createdAt;

/**
 * A case's files as documents with versions. A drawing sent again (an answer to an order to complete) replaces
 * the earlier one of its type; a neighbour's consent is its property's; "other documents" are each their own.
 * In the order the case's drawings are listed (SITU, PLA, FAS, SEK, GRAM, OVR), then as they first came.
 */
export function documentHistory(files: readonly AttachmentInfo[]): DocumentHistory[] {
  const byKey = new Map<string, AttachmentInfo[]>();
  for (const f of files) {
    const key = f.type === 'OVR' ? `OVR:${f.id}` : f.type === 'GRAM' ? `GRAM:${f.neighbourPropertyId ?? f.id}` : f.type;
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  const order = AttachmentTypeSchema.options;
  return [...byKey.entries()]
    .map(([key, versions]) => {
      const newestFirst = [...versions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return { key, type: newestFirst[0]!.type, current: newestFirst[0]!, replaced: newestFirst.slice(1) };
    })
    .sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || firstSent(a).localeCompare(firstSent(b)));
}
