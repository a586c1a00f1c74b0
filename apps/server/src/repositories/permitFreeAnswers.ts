import { and, asc, eq, lt, sql } from 'drizzle-orm';
import {
  LedgerEntrySchema,
  MeasureTypeSchema,
  notificationEntries,
  ruleSetFor,
  stockholmDate,
  type ApplicationSubmission,
  type LedgerEntry,
} from '@lovisa/domain';
import type { Db, Tx } from '../db/database';
import {
  cases,
  permitFreeAnswerSignOrders,
  permitFreeAnswerSignatures,
  permitFreeAnswers,
  permitFreeMeasureAnswers,
} from '../db/schema';

export type NewLedgerRow = typeof permitFreeAnswers.$inferInsert;

/**
 * The allowance ledger's entries of one property, oldest first: the buildings of Lovisa's own notifications that
 * got a start approval, then the owner's saved answers.
 */
export async function ledgerEntriesOf(db: Db | Tx, propertyId: string): Promise<LedgerEntry[]> {
  const [notified, rows] = await Promise.all([
    notificationsOf(db, propertyId),
    db
      .select()
      .from(permitFreeAnswers)
      .where(eq(permitFreeAnswers.propertyId, propertyId))
      .orderBy(asc(permitFreeAnswers.createdAt), asc(permitFreeAnswers.id)),
  ]);
  return [...notified, ...answerEntries(rows)];
}

/**
 * The buildings of the property's notification cases that got a start approval (a partial index holds just
 * those), judged under the rule set in force when each arrived: the domain decides what each adds.
 */
async function notificationsOf(db: Db | Tx, propertyId: string): Promise<LedgerEntry[]> {
  const found = await db
    .select({
      id: cases.id,
      procedure: cases.procedure,
      status: cases.status,
      outcome: cases.outcome,
      measure: cases.measure,
      application: cases.application,
      receivedAt: cases.receivedAt,
      decidedAt: cases.decidedAt,
    })
    .from(cases)
    .where(
      and(eq(cases.propertyId, propertyId), eq(cases.procedure, 'notification'), eq(cases.outcome, 'startApproval')),
    )
    .orderBy(asc(cases.decidedAt), asc(cases.diaryNumber));
  return found.flatMap((c) => {
    const ruleSet = ruleSetFor(stockholmDate(c.receivedAt));
    if (!ruleSet || !c.decidedAt) return [];
    const application = c.application as ApplicationSubmission;
    return notificationEntries(
      {
        ...c,
        measure: MeasureTypeSchema.parse(c.measure),
        footprints: application.footprints.map((f) => f.geometry),
        decidedAt: c.decidedAt.toISOString(),
      },
      ruleSet,
    );
  });
}

function answerEntries(rows: LedgerRow[]): LedgerEntry[] {
  return rows.map((r) =>
    LedgerEntrySchema.parse({
      id: r.id,
      source: r.source,
      legalBasis: r.legalBasis,
      measure: r.measure,
      footprint: r.footprint,
      areaM2: r.areaM2,
      ruleSetId: r.ruleSetId,
      recordedAt: r.createdAt.toISOString(),
    }),
  );
}

/**
 * Holds the property's ledger until the transaction ends: saves for one plot run one after the other, each judged
 * on the entries the one before it wrote (pg_advisory_xact_lock, on PostgreSQL and PGlite alike).
 */
export async function lockLedgerOf(tx: Tx, propertyId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`permit_free_answers:${propertyId}`}, 0))`);
}

export async function recordLedgerRows(db: Db | Tx, rows: NewLedgerRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(permitFreeAnswers).values(rows);
}

export type LedgerRow = typeof permitFreeAnswers.$inferSelect;
export type AnswerSignatureRow = typeof permitFreeAnswerSignatures.$inferSelect;
export type AnswerSignOrderRow = typeof permitFreeAnswerSignOrders.$inferSelect;

/** The ledger rows of one saved answer (one per building), oldest first; none when there is no such answer. */
export const rowsOfAnswer = (db: Db, answerId: string): Promise<LedgerRow[]> =>
  db
    .select()
    .from(permitFreeAnswers)
    .where(eq(permitFreeAnswers.answerId, answerId))
    .orderBy(asc(permitFreeAnswers.createdAt), asc(permitFreeAnswers.id));

export type MeasureAnswerRow = typeof permitFreeMeasureAnswers.$inferSelect;

export async function recordMeasureAnswer(db: Db, row: MeasureAnswerRow): Promise<void> {
  await db.insert(permitFreeMeasureAnswers).values(row);
}

/** A saved answer for a measure beyond buildings; null when there is no such answer. */
export async function measureAnswerOf(db: Db, answerId: string): Promise<MeasureAnswerRow | null> {
  const [row] = await db.select().from(permitFreeMeasureAnswers).where(eq(permitFreeMeasureAnswers.answerId, answerId));
  return row ?? null;
}

export async function signatureOf(db: Db, answerId: string): Promise<AnswerSignatureRow | null> {
  const [row] = await db
    .select()
    .from(permitFreeAnswerSignatures)
    .where(eq(permitFreeAnswerSignatures.answerId, answerId));
  return row ?? null;
}

/** Records the signature; false when the answer was signed already (the primary key decides, even at once). */
export async function recordSignature(db: Db, row: AnswerSignatureRow): Promise<boolean> {
  const inserted = await db
    .insert(permitFreeAnswerSignatures)
    .values(row)
    .onConflictDoNothing()
    .returning({ answerId: permitFreeAnswerSignatures.answerId });
  return inserted.length === 1;
}

/** Keeps a sign order, and forgets the orders nobody collected before `staleBefore`. */
export async function insertAnswerSignOrder(db: Db, row: AnswerSignOrderRow, staleBefore: Date): Promise<void> {
  await db.delete(permitFreeAnswerSignOrders).where(lt(permitFreeAnswerSignOrders.createdAt, staleBefore));
  await db.insert(permitFreeAnswerSignOrders).values(row);
}

export async function answerSignOrder(
  db: Db,
  orderRef: string,
  answerId: string,
  personnummer: string,
): Promise<AnswerSignOrderRow | null> {
  const [row] = await db
    .select()
    .from(permitFreeAnswerSignOrders)
    .where(
      and(
        eq(permitFreeAnswerSignOrders.orderRef, orderRef),
        eq(permitFreeAnswerSignOrders.answerId, answerId),
        eq(permitFreeAnswerSignOrders.personnummer, personnummer),
      ),
    );
  return row ?? null;
}

export const forgetAnswerSignOrder = (db: Db, orderRef: string) =>
  db.delete(permitFreeAnswerSignOrders).where(eq(permitFreeAnswerSignOrders.orderRef, orderRef));
