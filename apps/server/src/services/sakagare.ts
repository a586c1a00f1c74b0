import { selectSakagare, type SakagareProperty } from '@lovisa/domain';
import { personOwners, type Registers } from '@lovisa/registry';

/**
 * The sakägare of a measure on a property, from the registers: the land register's properties near the site, their
 * registered owners and site-leaseholders, the population register's names and addresses (none for a protected identity).
 * [] for an unknown property.
 */
export async function sakagareOf(
  registers: Registers,
  sitePropertyId: string,
  applicants: string[],
  distanceM: number,
): Promise<SakagareProperty[]> {
  const site = await registers.land.propertyById(sitePropertyId);
  if (!site) return [];
  const ids = await registers.land.propertyIdsNear(sitePropertyId, distanceM);
  const candidates = await Promise.all(
    ids.map(async (id) => {
      const [property, owners, leaseholders] = await Promise.all([
        registers.land.propertyById(id),
        registers.land.ownersOf(id),
        registers.land.siteLeaseholdersOf(id),
      ]);
      const holders = [
        // An organisation owner is heard through its signatories: not yet here (ADR 0024).
        ...personOwners(owners).map((o) => ({ ...o, holds: 'ownership' as const })),
        ...personOwners(leaseholders).map((o) => ({ ...o, holds: 'siteLeasehold' as const })),
      ];
      const people = await Promise.all(holders.map((o) => registers.population.personByPersonnummer(o.personnummer)));
      return property && { property, owners: holders.map((o, i) => ({ ...o, person: people[i] ?? null })) };
    }),
  );
  return selectSakagare({
    site,
    candidates: candidates.filter((c) => c !== null),
    applicants,
    distanceM,
  });
}
