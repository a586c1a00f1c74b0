import { asc, eq, sql } from 'drizzle-orm';
import { LedgerEntrySchema, type LedgerEntry } from '@lovisa/domain';
import type { Db, Tx } from '../db/database';
import { permitFreeAnswers } from '../db/schema';

export type NewLedgerRow = typeof permitFreeAnswers.$inferInsert;

/** The allowance ledger's entries of one property, oldest first. */
export async function ledgerEntriesOf(db: Db | Tx, propertyId: string): Promise<LedgerEntry[]> {
  const rows = await db
    .select()
    .from(permitFreeAnswers)
    .where(eq(permitFreeAnswers.propertyId, propertyId))
    .orderBy(asc(permitFreeAnswers.createdAt), asc(permitFreeAnswers.id));
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
