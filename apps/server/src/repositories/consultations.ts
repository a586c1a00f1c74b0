import { and, asc, eq, isNull } from 'drizzle-orm';
import type { ConsultationAnswerInput, ConsultationView } from '@lovisa/domain';
import type { Db, Tx } from '../db/database';
import { caseConsultations } from '../db/schema';

export type ConsultationRow = typeof caseConsultations.$inferSelect;

export const insertConsultation = (tx: Db | Tx, row: typeof caseConsultations.$inferInsert) =>
  tx.insert(caseConsultations).values(row);

export async function consultationsOf(db: Db | Tx, caseId: string): Promise<ConsultationRow[]> {
  return db
    .select()
    .from(caseConsultations)
    .where(eq(caseConsultations.caseId, caseId))
    .orderBy(asc(caseConsultations.sentAt));
}

export async function consultationByTokenHash(db: Db | Tx, tokenHash: string): Promise<ConsultationRow | null> {
  const [row] = await db.select().from(caseConsultations).where(eq(caseConsultations.tokenHash, tokenHash));
  return row ?? null;
}

/** Stores the answer, once: a second answer racing the first finds the row answered and changes nothing. */
export async function storeConsultationAnswer(
  tx: Db | Tx,
  id: string,
  answer: ConsultationAnswerInput,
  at: Date,
): Promise<boolean> {
  const rows = await tx
    .update(caseConsultations)
    .set({
      answerKind: answer.kind,
      answerText: answer.text?.trim() || null,
      answeredBy: answer.answeredBy,
      answeredAt: at,
    })
    .where(and(eq(caseConsultations.id, id), isNull(caseConsultations.answeredAt)))
    .returning({ id: caseConsultations.id });
  return rows.length === 1;
}

export async function unansweredConsultations(db: Db): Promise<ConsultationRow[]> {
  return db
    .select()
    .from(caseConsultations)
    .where(and(isNull(caseConsultations.answeredAt), isNull(caseConsultations.remindedAt)));
}

export const markReminded = (tx: Db | Tx, id: string, at: Date) =>
  tx.update(caseConsultations).set({ remindedAt: at }).where(eq(caseConsultations.id, id));

export function consultationView(row: ConsultationRow, today: string): ConsultationView {
  return {
    id: row.id,
    consultee: row.consultee,
    email: row.email,
    question: row.question,
    replyBy: row.replyBy,
    sentAt: row.sentAt.toISOString(),
    sentBy: row.sentBy,
    answer:
      row.answeredAt && row.answerKind
        ? {
            kind: row.answerKind as 'noObjection' | 'comments',
            text: row.answerText,
            answeredBy: row.answeredBy ?? '',
            answeredAt: row.answeredAt.toISOString(),
          }
        : null,
    overdue: !row.answeredAt && row.replyBy < today,
    remindedAt: row.remindedAt ? row.remindedAt.toISOString() : null,
  };
}
