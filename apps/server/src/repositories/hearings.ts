import { and, eq } from 'drizzle-orm';
import { HearingSchema, type Hearing } from '@lovisa/domain';
import type { Db, Tx } from '../db/database';
import { caseHearings, hearingLetters } from '../db/schema';

/** The case's neighbour hearing, or null when none was started (or a stored one no longer parses). */
export async function hearingOf(db: Db | Tx, caseId: string): Promise<Hearing | null> {
  const [row] = await db
    .select({ state: caseHearings.state })
    .from(caseHearings)
    .where(eq(caseHearings.caseId, caseId));
  const parsed = HearingSchema.safeParse(row?.state);
  return parsed.success ? parsed.data : null;
}

/** Stores the hearing a case command left (changeCase calls this inside the command's transaction). */
export async function storeHearing(tx: Tx, caseId: string, hearing: Hearing): Promise<void> {
  const values = { caseId, replyBy: hearing.replyBy, closedOn: hearing.closedOn, state: hearing };
  await tx
    .insert(caseHearings)
    .values(values)
    .onConflictDoUpdate({
      target: caseHearings.caseId,
      set: { replyBy: values.replyBy, closedOn: values.closedOn, state: hearing },
    });
}

export type HearingLetterRow = typeof hearingLetters.$inferSelect;

/** A new hearing's letters replace any earlier hearing's: an old code then opens nothing. */
export async function storeLetters(tx: Tx, caseId: string, letters: HearingLetterRow[]): Promise<void> {
  await tx.delete(hearingLetters).where(eq(hearingLetters.caseId, caseId));
  if (letters.length > 0) await tx.insert(hearingLetters).values(letters);
}

export async function letterByCodeHash(db: Db, codeHash: string): Promise<HearingLetterRow | null> {
  const [row] = await db.select().from(hearingLetters).where(eq(hearingLetters.codeHash, codeHash));
  return row ?? null;
}

export async function lettersOfCase(db: Db, caseId: string): Promise<HearingLetterRow[]> {
  return db.select().from(hearingLetters).where(eq(hearingLetters.caseId, caseId));
}

export async function letterOfParty(db: Db, caseId: string, partyId: string): Promise<HearingLetterRow | null> {
  const [row] = await db
    .select()
    .from(hearingLetters)
    .where(and(eq(hearingLetters.caseId, caseId), eq(hearingLetters.partyId, partyId)));
  return row ?? null;
}
