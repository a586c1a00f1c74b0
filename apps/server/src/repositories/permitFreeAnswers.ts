import { asc, eq } from 'drizzle-orm';
import { LedgerEntrySchema, type LedgerEntry } from '@lovisa/domain';
import type { Db } from '../db/database';
import { permitFreeAnswers } from '../db/schema';

export type NewLedgerRow = typeof permitFreeAnswers.$inferInsert;

/** The allowance ledger's entries of one property, oldest first. */
export async function ledgerEntriesOf(db: Db, propertyId: string): Promise<LedgerEntry[]> {
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

export async function recordLedgerRows(db: Db, rows: NewLedgerRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(permitFreeAnswers).values(rows);
}
