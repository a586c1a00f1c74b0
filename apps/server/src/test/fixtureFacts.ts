import { bbox, bboxCenter, polygonWithin, type Polygon } from '@lovisa/geo';
import { simIdentities, type Registers } from '@lovisa/registry';
import type { ApplicationSubmission, Property } from '@lovisa/domain';

/** People and places the tests need, found in the fixtures rather than hard-coded. */
export async function fixtureFacts(registers: Registers) {
  const people = await simIdentities(registers);
  const owners: { personnummer: string; propertyIds: string[] }[] = [];
  const nonOwners: string[] = [];
  // New cases go to the first team (routing.json): "officer" works there, "otherTeamOfficer" elsewhere.
  const [caseTeam] = await registers.staff.teams();
  const staff = await registers.staff.officers();
  const officer = staff.find((o) => o.teamId === caseTeam!.id && o.role === 'officer')?.personnummer;
  const otherTeamOfficer = staff.find((o) => o.teamId !== caseTeam!.id)?.personnummer;
  const teamLead = staff.find((o) => o.teamId === caseTeam!.id && o.role === 'teamLead')?.personnummer;
  for (const p of people) {
    if (await registers.staff.officerByPersonnummer(p.personalNumber)) continue;
    const ids = await registers.ownership.propertyIdsOwnedBy(p.personalNumber);
    if (ids.length > 0) owners.push({ personnummer: p.personalNumber, propertyIds: ids });
    else nonOwners.push(p.personalNumber);
  }
  const [a, b] = owners.filter((o, i, all) => all.findIndex((x) => x.propertyIds[0] === o.propertyIds[0]) === i);
  if (!a || !b || !officer || !otherTeamOfficer || !teamLead) {
    throw new Error('fixtures need two owners of different properties, an officer and a team lead of the case team, and an officer of another team');
  }
  const propertyA = (await registers.land.propertyById(a.propertyIds[0]!))!;
  const propertyB = (await registers.land.propertyById(b.propertyIds[0]!))!;
  return { applicantA: a.personnummer, applicantB: b.personnummer, officer, otherTeamOfficer, teamLead, propertyA, propertyB, nonOwners };
}

/** A w × d m rectangle centred in the property's first area (EPSG:3006). */
export function footprintIn(property: Property, w = 6, d = 4): Polygon {
  const first: Polygon = { type: 'Polygon', coordinates: property.boundary.coordinates[0]! };
  const [e, n] = bboxCenter(bbox(first));
  const poly: Polygon = {
    type: 'Polygon',
    coordinates: [[[e - w / 2, n - d / 2], [e + w / 2, n - d / 2], [e + w / 2, n + d / 2], [e - w / 2, n + d / 2], [e - w / 2, n - d / 2]]],
  };
  if (!polygonWithin(poly, property.boundary)) throw new Error(`test footprint falls outside ${property.designation}`);
  return poly;
}

export function applicationFor(property: Property): ApplicationSubmission {
  return {
    propertyId: property.id,
    measure: 'outbuilding',
    footprints: [{ id: 'garage', measure: 'outbuilding', geometry: footprintIn(property) }],
    details: { description: 'Garage i trä med sadeltak, 24 m².', ridgeHeightM: 3.8, plannedStart: '2027-04-01' },
  };
}
