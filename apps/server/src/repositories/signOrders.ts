import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/database';
import { signOrders } from '../db/schema';

export type SignOrderRow = typeof signOrders.$inferSelect;

/** A sign order of this person, or null: another person's order answers as one never started. */
export async function signOrderOf(db: Db, orderRef: string, personnummer: string): Promise<SignOrderRow | null> {
  const [order] = await db
    .select()
    .from(signOrders)
    .where(and(eq(signOrders.orderRef, orderRef), eq(signOrders.personnummer, personnummer)));
  return order ?? null;
}

export async function insertSignOrder(db: Db, order: typeof signOrders.$inferInsert): Promise<void> {
  await db.insert(signOrders).values(order);
}

/** An order that ended without a case (failed, cancelled, signed by someone else) is forgotten. */
export async function forgetSignOrder(db: Db, orderRef: string): Promise<void> {
  await db.delete(signOrders).where(and(eq(signOrders.orderRef, orderRef), isNull(signOrders.caseId)));
}

/** The losing order of a draft points at the case another order made of it. */
export async function pointSignOrderAt(db: Db, orderRef: string, caseId: string): Promise<void> {
  await db
    .update(signOrders)
    .set({ caseId })
    .where(and(eq(signOrders.orderRef, orderRef), isNull(signOrders.caseId)));
}

export async function sweepSignOrders(db: Db, before: Date): Promise<void> {
  await db.delete(signOrders).where(lt(signOrders.createdAt, before));
}
