import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/database';
import { loginOrders } from '../db/schema';

export type LoginOrderRow = typeof loginOrders.$inferSelect;

/** The login order this browser started (its cookie's nonce, hashed), or null. */
export async function loginOrderOf(db: Db, orderRef: string, nonceHash: string): Promise<LoginOrderRow | null> {
  const [order] = await db
    .select()
    .from(loginOrders)
    .where(and(eq(loginOrders.orderRef, orderRef), eq(loginOrders.browserNonceHash, nonceHash)));
  return order ?? null;
}

/** Stores a new login order, sweeping those older than `maxAgeMs` (gone at BankID too). */
export async function insertLoginOrder(
  db: Db,
  order: typeof loginOrders.$inferInsert,
  maxAgeMs: number,
): Promise<void> {
  await db.delete(loginOrders).where(lt(loginOrders.createdAt, new Date(order.createdAt.getTime() - maxAgeMs)));
  await db.insert(loginOrders).values(order);
}

export async function deleteLoginOrder(db: Db, orderRef: string): Promise<void> {
  await db.delete(loginOrders).where(eq(loginOrders.orderRef, orderRef));
}

export async function deleteLoginOrdersOfBrowser(db: Db, nonceHash: string): Promise<void> {
  await db.delete(loginOrders).where(eq(loginOrders.browserNonceHash, nonceHash));
}
