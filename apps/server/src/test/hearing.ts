import { and, eq } from 'drizzle-orm';
import type { Hearing } from '@lovisa/domain';
import type { Db } from '../db/database';
import { caseHearings, hearingLetters } from '../db/schema';
import { letterCodeHash } from '../services/hearing';

/**
 * Records that a case's neighbours were heard (a closed hearing without parties), for tests about what follows
 * a hearing: hearing.test.ts runs a real one through the API.
 */
export async function markHeard(db: Db, caseId: string, closedOn = '2026-11-23'): Promise<void> {
  const hearing: Hearing = {
    startedAt: new Date(0).toISOString(),
    startedBy: 'Test',
    replyBy: closedOn,
    closedOn,
    parties: [],
  };
  await db.insert(caseHearings).values({ caseId, replyBy: closedOn, closedOn, state: hearing });
}

/** Gives a party's letter a known code (the real codes exist only in the letters' PDFs). */
export async function letterWithCode(db: Db, caseId: string, partyId: string, code: string): Promise<void> {
  await db
    .update(hearingLetters)
    .set({ codeHash: letterCodeHash(code) })
    .where(and(eq(hearingLetters.caseId, caseId), eq(hearingLetters.partyId, partyId)));
}
