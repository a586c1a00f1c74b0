import type { Registers } from '@lovisa/registry';
import { fullName } from '@lovisa/domain';
import type { Db } from './database';
import { officers, teams } from './schema';

/**
 * Loads the municipality's staff from the fixtures. Idempotent: a second start keeps existing rows and
 * updates names and teams, so fixture edits reach an existing database.
 */
export async function seedStaff(db: Db, registers: Registers): Promise<void> {
  const allTeams = await registers.staff.teams();
  const allOfficers = await registers.staff.officers();
  await db.transaction(async (tx) => {
    for (const team of allTeams) {
      await tx
        .insert(teams)
        .values(team)
        .onConflictDoUpdate({ target: teams.id, set: { name: team.name } });
    }
    for (const o of allOfficers) {
      const row = { personnummer: o.personnummer, name: fullName(o), teamId: o.teamId, role: o.role };
      await tx
        .insert(officers)
        .values(row)
        .onConflictDoUpdate({
          target: officers.personnummer,
          set: { name: row.name, teamId: row.teamId, role: row.role },
        });
    }
  });
}
