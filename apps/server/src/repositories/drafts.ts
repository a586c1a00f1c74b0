import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/database';
import { attachments, consentInvitations, drafts } from '../db/schema';

/**
 * What goes with drafts that are deleted (by their owner, or by retention): the rows of their files (the bytes
 * follow in the orphan sweep) and any neighbour's open invitation to consent, which then reads as withdrawn.
 * A case's files are the case's and are never touched.
 */
async function afterDraftsRemoved(tx: Tx, ids: string[], now: Date) {
  if (ids.length === 0) return;
  await tx.delete(attachments).where(and(inArray(attachments.draftId, ids), isNull(attachments.caseId)));
  await tx
    .update(consentInvitations)
    .set({ withdrawnAt: now })
    .where(and(inArray(consentInvitations.draftId, ids), isNull(consentInvitations.withdrawnAt)));
}

/** Deletes drafts matching `where`, with their files and open consent invitations; returns how many. */
// `where` is required: an undefined condition would delete every draft.
export async function deleteDrafts(db: Db, where: SQL, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const removed = await tx.delete(drafts).where(where).returning({ id: drafts.id });
    await afterDraftsRemoved(
      tx,
      removed.map((d) => d.id),
      now,
    );
    return removed.length;
  });
}

/** The owner deletes one draft of theirs; false when there is no such draft of theirs. */
export async function deleteOwnDraft(db: Db, id: string, owner: string, now: Date): Promise<boolean> {
  return (await deleteDrafts(db, and(eq(drafts.id, id), eq(drafts.ownerPersonnummer, owner))!, now)) === 1;
}
