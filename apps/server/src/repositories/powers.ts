import { and, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { PowerOfAttorney } from '@lovisa/domain';
import type { Db } from '../db/database';
import { caseParties, cases, powerSignOrders, powersOfAttorney } from '../db/schema';

export type PowerRow = typeof powersOfAttorney.$inferSelect;
export type PowerSignOrderRow = typeof powerSignOrders.$inferSelect;

/** The row as the domain's rules read it. */
export const powerOf = (row: PowerRow): PowerOfAttorney => ({
  id: row.id,
  principal: row.principal,
  agent: row.agent,
  scope:
    row.scopeKind === 'property'
      ? { kind: 'property', propertyId: row.propertyId! }
      : { kind: 'case', caseId: row.caseId! },
  validUntil: row.validUntil,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

export const insertPower = (db: Db, row: PowerRow) => db.insert(powersOfAttorney).values(row);

/** Powers a person gave (as principal), newest first. */
export const powersGivenBy = (db: Db, principal: string): Promise<PowerRow[]> =>
  db
    .select()
    .from(powersOfAttorney)
    .where(eq(powersOfAttorney.principal, principal))
    .orderBy(desc(powersOfAttorney.signedAt));

/** Powers a person holds (as agent), newest first: whether they still hold is the domain's to say. */
export const powersHeldBy = (db: Db, agent: string): Promise<PowerRow[]> =>
  db.select().from(powersOfAttorney).where(eq(powersOfAttorney.agent, agent)).orderBy(desc(powersOfAttorney.signedAt));

export async function powerById(db: Db, id: string): Promise<PowerRow | null> {
  const [row] = await db.select().from(powersOfAttorney).where(eq(powersOfAttorney.id, id));
  return row ?? null;
}

export const powersByIds = (db: Db, ids: string[]): Promise<PowerRow[]> =>
  ids.length === 0 ? Promise.resolve([]) : db.select().from(powersOfAttorney).where(inArray(powersOfAttorney.id, ids));

/** Revokes at once; a power already revoked keeps its first revocation time. */
export async function revokePower(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(powersOfAttorney)
    .set({ revokedAt: at })
    .where(and(eq(powersOfAttorney.id, id), isNull(powersOfAttorney.revokedAt)));
}

/** The cases a person is an agent on, with the power each rests on (the caller judges whether it holds). */
export const agentPartiesOf = (db: Db, personnummer: string) =>
  db
    .select({ caseId: caseParties.caseId, propertyId: cases.propertyId, power: powersOfAttorney })
    .from(caseParties)
    .innerJoin(powersOfAttorney, eq(caseParties.powerId, powersOfAttorney.id))
    .innerJoin(cases, eq(caseParties.caseId, cases.id))
    .where(and(eq(caseParties.personnummer, personnummer), eq(caseParties.role, 'agent')));

/** An owner's sign order for a power; orders older than `cutoff` are forgotten first. */
export async function insertPowerSignOrder(db: Db, order: PowerSignOrderRow, cutoff: Date) {
  await db.delete(powerSignOrders).where(lt(powerSignOrders.createdAt, cutoff));
  await db.insert(powerSignOrders).values(order);
}

export async function powerSignOrder(db: Db, orderRef: string, personnummer: string) {
  const [row] = await db
    .select()
    .from(powerSignOrders)
    .where(and(eq(powerSignOrders.orderRef, orderRef), eq(powerSignOrders.personnummer, personnummer)));
  return row ?? null;
}

export const forgetPowerSignOrder = (db: Db, orderRef: string) =>
  db.delete(powerSignOrders).where(eq(powerSignOrders.orderRef, orderRef));
