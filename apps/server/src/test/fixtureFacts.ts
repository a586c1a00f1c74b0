import { bbox, bboxCenter, polygonWithin, type Polygon } from '@lovisa/geo';
import {
  defaultFixturesDir,
  loadBasemap,
  loadRoutingRules,
  simIdentities,
  surroundingFeatures,
  type Registers,
} from '@lovisa/registry';
import {
  SUBMISSION_CHANNEL,
  completenessInputFrom,
  evaluateApplication,
  routeCase,
  routingFacts,
  ruleSetFor,
  siteFromRegisterData,
  type ApplicationSubmission,
  type Property,
} from '@lovisa/domain';

let basemapOnce: ReturnType<typeof loadBasemap> | undefined;
let rulesOnce: ReturnType<typeof loadRoutingRules> | undefined;

/** The team the rules engine and the fixtures' routing send `applicationFor(property)` to. */
export async function teamFor(registers: Registers, property: Property, day = '2026-11-23'): Promise<string> {
  const [basemap, rules, plans, neighbourIds, teams] = await Promise.all([
    (basemapOnce ??= loadBasemap(defaultFixturesDir())),
    (rulesOnce ??= loadRoutingRules(defaultFixturesDir())),
    registers.land.plansForProperty(property.id),
    registers.land.neighbourIdsOf(property.id),
    registers.staff.teams(),
  ]);
  const neighbours = (await Promise.all(neighbourIds.map((id) => registers.land.propertyById(id)))).filter(
    (p): p is Property => p !== null,
  );
  const site = siteFromRegisterData({
    property,
    plans,
    neighbours,
    features: surroundingFeatures(basemap, bbox(property.boundary)),
  });
  const application = applicationFor(property);
  const evaluation = evaluateApplication(
    completenessInputFrom(application),
    site,
    ruleSetFor(day)!,
    SUBMISSION_CHANNEL,
  );
  return routeCase(routingFacts(application.measure, evaluation), rules, teams[0]!.id).teamId;
}

/** People and places the tests need, found in the fixtures rather than hard-coded. */
export async function fixtureFacts(registers: Registers) {
  const people = await simIdentities(registers);
  const owners: { personnummer: string; propertyIds: string[] }[] = [];
  const nonOwners: string[] = [];
  // The tests' cases go to the first team: "officer" works there, "otherTeamOfficer" elsewhere. Routing reads the
  // rules engine's verdict, so only properties whose test application is routed there are picked.
  const [caseTeam] = await registers.staff.teams();
  const staff = await registers.staff.officers();
  const officer = staff.find((o) => o.teamId === caseTeam!.id && o.role === 'officer')?.personnummer;
  const otherTeamOfficer = staff.find((o) => o.teamId !== caseTeam!.id)?.personnummer;
  const teamLead = staff.find((o) => o.teamId === caseTeam!.id && o.role === 'teamLead')?.personnummer;
  for (const p of people) {
    if (await registers.staff.officerByPersonnummer(p.personalNumber)) continue;
    const ids = await registers.ownership.propertyIdsOwnedBy(p.personalNumber);
    if (ids.length > 0 && (await teamFor(registers, (await registers.land.propertyById(ids[0]!))!)) === caseTeam!.id) {
      owners.push({ personnummer: p.personalNumber, propertyIds: ids });
    } else if (ids.length === 0) nonOwners.push(p.personalNumber);
  }
  const [a, b] = owners.filter((o, i, all) => all.findIndex((x) => x.propertyIds[0] === o.propertyIds[0]) === i);
  if (!a || !b || !officer || !otherTeamOfficer || !teamLead) {
    throw new Error(
      'fixtures need two owners of different properties, an officer and a team lead of the case team, and an officer of another team',
    );
  }
  const propertyA = (await registers.land.propertyById(a.propertyIds[0]!))!;
  const propertyB = (await registers.land.propertyById(b.propertyIds[0]!))!;
  return {
    applicantA: a.personnummer,
    applicantB: b.personnummer,
    officer,
    otherTeamOfficer,
    teamLead,
    propertyA,
    propertyB,
    nonOwners,
  };
}

/** A w × d m rectangle centred in the property's first area (EPSG:3006). */
export function footprintIn(property: Property, w = 6, d = 4): Polygon {
  const first: Polygon = { type: 'Polygon', coordinates: property.boundary.coordinates[0]! };
  const [e, n] = bboxCenter(bbox(first));
  const poly: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [e - w / 2, n - d / 2],
        [e + w / 2, n - d / 2],
        [e + w / 2, n + d / 2],
        [e - w / 2, n + d / 2],
        [e - w / 2, n - d / 2],
      ],
    ],
  };
  if (!polygonWithin(poly, property.boundary)) throw new Error(`test footprint falls outside ${property.designation}`);
  return poly;
}

/** A garage of 56 m²: over every exemption's limit, so a permit is needed wherever the property lies. */
export function applicationFor(property: Property): ApplicationSubmission {
  return {
    propertyId: property.id,
    measure: 'outbuilding',
    footprints: [{ id: 'garage', measure: 'outbuilding', geometry: footprintIn(property, 8, 7) }],
    details: {
      description: 'Dubbelgarage i trä med sadeltak, 56 m².',
      ridgeHeightM: 3.8,
      plannedStart: '2027-04-01',
      email: 'sokande@example.se',
    },
  };
}

/** 8 × 7 m, ridge 9 m: on Eken 1:23 above the plan's 7.5 m, a deviation (routed to Större byggprojekt). */
export function tallGarageOn(property: Property, email = 'anna@example.se'): ApplicationSubmission {
  return {
    propertyId: property.id,
    measure: 'outbuilding',
    footprints: [{ id: 'b1', measure: 'outbuilding', geometry: footprintIn(property, 8, 7) }],
    details: { description: 'Garage i trä med sadeltak.', ridgeHeightM: 9, plannedStart: '2027-04-01', email },
  };
}
