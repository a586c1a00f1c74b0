import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import { officers } from '../db/schema';

export type OfficerRow = typeof officers.$inferSelect;

export async function officerByPersonnummer(db: Db, personnummer: string): Promise<OfficerRow | null> {
  const [row] = await db.select().from(officers).where(eq(officers.personnummer, personnummer));
  return row ?? null;
}

/** A member of the team by personnummer, or null: an officer of another team is no colleague. */
export async function teamMember(db: Db, teamId: string, personnummer: string): Promise<OfficerRow | null> {
  const [row] = await db
    .select()
    .from(officers)
    .where(and(eq(officers.personnummer, personnummer), eq(officers.teamId, teamId)));
  return row ?? null;
}

export function officersOfTeam(db: Db, teamId: string): Promise<OfficerRow[]> {
  return db.select().from(officers).where(eq(officers.teamId, teamId)).orderBy(asc(officers.name));
}
