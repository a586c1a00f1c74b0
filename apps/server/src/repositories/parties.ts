import { and, asc, eq, inArray, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../db/database';
import { caseParties, cases, partySignOrders } from '../db/schema';

export type PartyRow = typeof caseParties.$inferSelect;
export type PartySignOrderRow = typeof partySignOrders.$inferSelect;

/**
 * The ids of the cases a person is a party of (a subquery, for Mina ärenden). Not as an agent: an agent follows a
 * case only while their power of attorney holds, which the domain judges (services/powers.ts, ADR 0023).
 */
export const casesOfParty = (db: Db, personnummer: string) =>
  db
    .select({ id: caseParties.caseId })
    .from(caseParties)
    .where(and(eq(caseParties.personnummer, personnummer), ne(caseParties.role, 'agent')));

/**
 * The cases a person follows in Mina ärenden and the inbox: theirs as applicant, those they are a party of, and those
 * they act on as an agent (`agentOf`: judged by the domain, services/powers.ts).
 */
export const followedBy = (db: Db, personnummer: string, agentOf: string[]) =>
  or(
    eq(cases.applicantPersonnummer, personnummer),
    inArray(cases.id, casesOfParty(db, personnummer)),
    ...(agentOf.length ? [inArray(cases.id, agentOf)] : []),
  );

/** The ids of the cases a person is any party of, an agent too (a subquery: which case a draft became). */
export const casesSignedBy = (db: Db, personnummer: string) =>
  db.select({ id: caseParties.caseId }).from(caseParties).where(eq(caseParties.personnummer, personnummer));

/** A case's parties, in the order they were recorded (the applicant first). */
export const partiesOfCase = (db: Db, caseId: string): Promise<PartyRow[]> =>
  db
    .select()
    .from(caseParties)
    .where(eq(caseParties.caseId, caseId))
    .orderBy(asc(caseParties.createdAt), asc(caseParties.role));

export async function partyOfCase(db: Db, caseId: string, partyId: string): Promise<PartyRow | null> {
  const [row] = await db
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.caseId, caseId), eq(caseParties.id, partyId)));
  return row ?? null;
}

export async function partyByCodeHash(db: Db, codeHash: string): Promise<PartyRow | null> {
  const [row] = await db.select().from(caseParties).where(eq(caseParties.codeHash, codeHash));
  return row ?? null;
}

export async function updateParty(db: Db, id: string, set: Partial<PartyRow>): Promise<PartyRow> {
  const [row] = await db.update(caseParties).set(set).where(eq(caseParties.id, id)).returning();
  return row!;
}

/** A party's sign order, fixed to the hash they were shown; orders older than `cutoff` are forgotten first. */
export async function insertPartySignOrder(db: Db, order: PartySignOrderRow, cutoff: Date) {
  await db.delete(partySignOrders).where(lt(partySignOrders.createdAt, cutoff));
  await db.insert(partySignOrders).values(order);
}

export async function partySignOrder(db: Db, orderRef: string, partyId: string, personnummer: string) {
  const [row] = await db
    .select()
    .from(partySignOrders)
    .where(
      and(
        eq(partySignOrders.orderRef, orderRef),
        eq(partySignOrders.partyId, partyId),
        eq(partySignOrders.personnummer, personnummer),
      ),
    );
  return row ?? null;
}

export const forgetPartySignOrder = (db: Db, orderRef: string) =>
  db.delete(partySignOrders).where(eq(partySignOrders.orderRef, orderRef));
