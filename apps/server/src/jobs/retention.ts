import { lt } from 'drizzle-orm';
import type { Db } from '../db/database';
import { drafts } from '../db/schema';

/**
 * Deletes drafts nobody has touched for `maxAgeDays`: personal data kept no longer than needed. Cases and
 * their events are public records under archiving law and are never touched here.
 */
export async function purgeStaleDrafts(db: Db, now: Date, maxAgeDays: number): Promise<number> {
  const cutoff = new Date(now.getTime() - maxAgeDays * 86_400_000);
  const removed = await db.delete(drafts).where(lt(drafts.updatedAt, cutoff)).returning({ id: drafts.id });
  return removed.length;
}
