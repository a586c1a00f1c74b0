import { and, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/database';
import { attachments, drafts } from '../db/schema';

/**
 * Deletes drafts nobody has touched for `maxAgeDays`: personal data kept no longer than needed. Cases and
 * their events are public records under archiving law and are never touched here.
 */
export async function purgeStaleDrafts(db: Db, now: Date, maxAgeDays: number): Promise<number> {
  const cutoff = new Date(now.getTime() - maxAgeDays * 86_400_000);
  return db.transaction(async (tx) => {
    const removed = await tx.delete(drafts).where(lt(drafts.updatedAt, cutoff)).returning({ id: drafts.id });
    // The files of a draft that never became a case go with it; a case's files are the case's.
    if (removed.length > 0) {
      await tx.delete(attachments).where(and(inArray(attachments.draftId, removed.map((d) => d.id)), isNull(attachments.caseId)));
    }
    return removed.length;
  });
}
