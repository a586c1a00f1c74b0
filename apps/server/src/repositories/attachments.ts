import { and, asc, count, eq, isNull, type SQL } from 'drizzle-orm';
import type { AttachmentInfo, AttachmentType } from '@lovisa/domain';
import { isUniqueViolation, type Db, type Tx } from '../db/database';
import { attachments, cases, drafts } from '../db/schema';

type AttachmentRow = typeof attachments.$inferSelect;

/** A stored file as the API shows it: what it is, never where its bytes are. */
export const toAttachmentInfo = (row: AttachmentRow): AttachmentInfo => ({
  id: row.id,
  type: row.type as AttachmentInfo['type'],
  neighbourPropertyId: row.neighbourPropertyId,
  fileName: row.fileName,
  contentType: row.contentType as AttachmentInfo['contentType'],
  size: row.size,
  generated: row.generated !== null,
  createdAt: row.createdAt.toISOString(),
});

/** One of the person's drafts, or null (someone else's draft is as good as missing). */
export async function draftOfOwner(db: Db | Tx, draftId: string, personnummer: string) {
  const [row] = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.id, draftId), eq(drafts.ownerPersonnummer, personnummer)));
  return row ?? null;
}

export const attachmentsOfDraft = (db: Db, draftId: string) =>
  db.select().from(attachments).where(eq(attachments.draftId, draftId)).orderBy(asc(attachments.createdAt));

/** True if the file was the draft's and is gone now. */
export async function removeFromDraft(db: Db, draftId: string, attachmentId: string): Promise<boolean> {
  const removed = await db
    .delete(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.draftId, draftId)))
    .returning({ id: attachments.id });
  return removed.length > 0;
}

/** A file with the team of the case it belongs to (null while it is a draft's): who may download it. */
export async function attachmentWithTeam(db: Db, id: string) {
  const [row] = await db
    .select({ attachment: attachments, teamId: cases.teamId })
    .from(attachments)
    .leftJoin(cases, eq(cases.id, attachments.caseId))
    .where(eq(attachments.id, id));
  return row ?? null;
}

/**
 * Whose files a slot is in: a draft's, or one answer to an order to complete on a case (named by the order's
 * `issuedAt`, as `answers_order_of` stores it).
 */
/**
 * Who holds a file: a draft, or a case — an answer to an order to complete (the order's `issuedAt`), or, with
 * null, a file added to the case itself (the kontrollplan's photos and documents after the permit).
 */
export type SlotOwner = { draftId: string } | { caseId: string; answersOrderOf: Date | null };

/** A slot to fill: the type, and for a neighbour's consent the neighbouring property (null for every other type). */
export interface Slot {
  type: AttachmentType;
  neighbourPropertyId: string | null;
}

const ownedBy = (owner: SlotOwner): SQL =>
  'draftId' in owner
    ? eq(attachments.draftId, owner.draftId)
    : and(
        eq(attachments.caseId, owner.caseId),
        owner.answersOrderOf
          ? eq(attachments.answersOrderOf, owner.answersOrderOf)
          : isNull(attachments.answersOrderOf),
      )!;

/**
 * Locks the person's draft until the transaction ends, so that uploads to one draft take turns: the count of its
 * files and the replacement of a slot's file see every upload that went before. False if there is no such draft
 * (any more: it may have just become a case).
 */
export async function lockDraft(tx: Tx, draftId: string, personnummer: string): Promise<boolean> {
  const rows = await tx
    .select({ id: drafts.id })
    .from(drafts)
    .where(and(eq(drafts.id, draftId), eq(drafts.ownerPersonnummer, personnummer)))
    .for('update');
  return rows.length > 0;
}

export async function countOfType(tx: Tx, owner: SlotOwner, type: AttachmentType): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(attachments)
    .where(and(ownedBy(owner), eq(attachments.type, type)));
  return row?.n ?? 0;
}

/** Removes the file in a single-file slot, if there is one. */
export async function emptySlot(tx: Tx, owner: SlotOwner, slot: Slot): Promise<void> {
  await tx
    .delete(attachments)
    .where(
      and(
        ownedBy(owner),
        eq(attachments.type, slot.type),
        slot.neighbourPropertyId
          ? eq(attachments.neighbourPropertyId, slot.neighbourPropertyId)
          : isNull(attachments.neighbourPropertyId),
      ),
    );
}

export interface NewAttachment {
  ownerPersonnummer: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  generated: string | null;
  createdAt: Date;
}

export async function insertAttachment(
  tx: Tx,
  owner: SlotOwner,
  slot: Slot,
  file: NewAttachment,
): Promise<AttachmentRow> {
  const [row] = await tx
    .insert(attachments)
    .values({
      id: crypto.randomUUID(),
      ...('draftId' in owner
        ? { draftId: owner.draftId }
        : { caseId: owner.caseId, answersOrderOf: owner.answersOrderOf }),
      type: slot.type,
      neighbourPropertyId: slot.neighbourPropertyId,
      ...file,
    })
    .returning();
  return row!;
}

/**
 * A second file in a single-file slot, refused by the slot's unique index: the slot indexes are the only unique
 * ones on attachments besides the random primary key, so any unique violation of an insert there is one.
 */
/** A draft's files: its owner's, not yet moved onto a case (submitting moves them in the same transaction). */
export const draftFilesOf = (draftId: string, owner: string): SQL | undefined =>
  and(eq(attachments.draftId, draftId), eq(attachments.ownerPersonnummer, owner), isNull(attachments.caseId));

export const isSlotTaken = (err: unknown): boolean => isUniqueViolation(err);

/** The types (and consents' neighbours) of a draft's files, as the applicant sees them in the attachments step. */
export function draftFileFacts(db: Db, draftId: string, owner: string) {
  return db
    .select({ type: attachments.type, neighbourPropertyId: attachments.neighbourPropertyId })
    .from(attachments)
    .where(draftFilesOf(draftId, owner));
}
