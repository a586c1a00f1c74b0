import { eq } from 'drizzle-orm';
import { AfterPermitStateSchema, type AfterPermitState, type QueuePhase } from '@lovisa/domain';
import type { Db, Tx } from '../db/database';
import { caseAfterPermit } from '../db/schema';

export interface AfterPermitRecord {
  kontrollansvarig: boolean;
  state: AfterPermitState;
  remindersSent: string[];
}

/** The case's after-permit record, or null before its first command (or when a stored one no longer parses). */
export async function afterPermitOf(db: Db | Tx, caseId: string): Promise<AfterPermitRecord | null> {
  const [row] = await db.select().from(caseAfterPermit).where(eq(caseAfterPermit.caseId, caseId));
  if (!row) return null;
  const state = AfterPermitStateSchema.safeParse(row.state);
  if (!state.success) return null;
  return {
    kontrollansvarig: row.kontrollansvarig,
    state: state.data,
    remindersSent: Array.isArray(row.remindersSent) ? (row.remindersSent as string[]) : [],
  };
}

/** Stores the state a command left and the queue phase it is at, in the command's transaction (the case's version guards it). */
export async function storeAfterPermit(
  tx: Db | Tx,
  caseId: string,
  record: Pick<AfterPermitRecord, 'kontrollansvarig' | 'state'> & { phase: QueuePhase | null },
): Promise<void> {
  await tx
    .insert(caseAfterPermit)
    .values({ caseId, kontrollansvarig: record.kontrollansvarig, state: record.state, phase: record.phase })
    .onConflictDoUpdate({
      target: caseAfterPermit.caseId,
      // A new state may bring a reminder nearer (or end them): the job looks at the case again.
      set: { state: record.state, phase: record.phase, nextReminderOn: null },
    });
}
