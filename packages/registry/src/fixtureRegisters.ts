import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  DetailedPlanSchema,
  FeeScheduleSchema,
  OfficerSchema,
  OrganisationSchema,
  OrganisationsnummerSchema,
  PersonSchema,
  PersonnummerSchema,
  PhraseLibrarySchema,
  PropertySchema,
  RoutingRuleSchema,
  TeamSchema,
  type FeeSchedule,
  type Organisation,
  type PhraseLibrary,
  type RoutingRule,
} from '@lovisa/domain';
import { readFixture } from './fixtureFiles';
import { boundariesTouch, neighbourIndex } from './neighbours';
import type { PropertyOwner, Registers } from './interfaces';

/** Who owns what: a person by personnummer, or an organisation by organisationsnummer (companies.json). */
const OwnershipSchema = z.array(
  z.union([
    z.object({ personnummer: PersonnummerSchema, propertyIds: z.array(z.uuid()) }),
    z.object({ organisationsnummer: OrganisationsnummerSchema, propertyIds: z.array(z.uuid()) }),
  ]),
);
type OwnershipRow = z.infer<typeof OwnershipSchema>[number];
const holderKey = (o: OwnershipRow) => ('personnummer' in o ? o.personnummer : o.organisationsnummer);

/** `<repo>/fixtures`, wherever the process was started from. */
export function defaultFixturesDir(): string {
  return fileURLToPath(new URL('../../../fixtures', import.meta.url));
}

/** Designations are matched the way people type them: any case, any runs of spaces. */
const designationKey = (d: string) => d.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

/**
 * All four registers over Kjellstavik's fixture files, validated on load. Data sets grow: lookups are maps,
 * so the cost of a lookup does not grow with the file.
 */
export async function loadFixtureRegisters(dir: string): Promise<Registers> {
  const [persons, properties, plans, ownership, teams, officers] = await Promise.all([
    readFixture(dir, 'persons.json', z.array(PersonSchema)),
    readFixture(dir, 'properties.json', z.array(PropertySchema)),
    readFixture(dir, 'plans.json', z.array(DetailedPlanSchema)),
    readFixture(dir, 'ownership.json', OwnershipSchema),
    readFixture(dir, 'teams.json', z.array(TeamSchema)),
    readFixture(dir, 'officers.json', z.array(OfficerSchema)),
  ]);
  // Like SPAR, the register never delivers the address of a person with protected identity: the fixture holds
  // a sentinel address for them only so that tests can prove it leaks nowhere.
  const personByPnr = new Map(persons.map((p) => [p.personnummer, p.protectedIdentity ? { ...p, address: null } : p]));
  const propertyById = new Map(properties.map((p) => [p.id, p]));
  const propertyByDesignation = new Map(properties.map((p) => [designationKey(p.designation), p]));
  const planById = new Map(plans.map((p) => [p.id, p]));
  const neighbours = neighbourIndex(properties);
  const ownedBy = new Map(ownership.map((o) => [holderKey(o), o.propertyIds]));
  const officerByPnr = new Map(officers.map((o) => [o.personnummer, o]));
  const byDesignation = [...properties].sort((x, y) => x.designation.localeCompare(y.designation, 'sv'));

  // Site leaseholds (tomträtt) are optional: Kjellstavik's generated town has none, a municipality's data may.
  const leaseholds = existsSync(path.join(dir, 'site-leaseholds.json'))
    ? await readFixture(dir, 'site-leaseholds.json', OwnershipSchema)
    : [];
  // The company register (Bolagsverket-like) is optional too: a town's data may have no organisation owners.
  const companies = existsSync(path.join(dir, 'companies.json'))
    ? await readFixture(dir, 'companies.json', z.array(OrganisationSchema))
    : [];
  const companyByNr = new Map(companies.map((c) => [c.orgnr, c]));
  for (const c of companies)
    for (const f of c.functionaries)
      if (!personByPnr.has(f.personnummer))
        throw new Error(`fixtures/companies.json: a functionary of ${c.name} is not in persons.json`);
  for (const [file, rows] of [
    ['ownership.json', ownership],
    ['site-leaseholds.json', leaseholds],
  ] as const) {
    for (const o of rows) {
      if ('personnummer' in o ? !personByPnr.has(o.personnummer) : !companyByNr.has(o.organisationsnummer))
        throw new Error(`fixtures/${file}: an owner is in neither persons.json nor companies.json`);
      for (const id of o.propertyIds)
        if (!propertyById.has(id)) throw new Error(`fixtures/${file}: unknown property ${id}`);
    }
  }
  const holdersOf = (rows: OwnershipRow[]) => {
    const byProperty = new Map<string, OwnershipRow[]>();
    for (const o of rows) for (const id of o.propertyIds) byProperty.set(id, [...(byProperty.get(id) ?? []), o]);
    // The fixtures hold no shares: co-holders hold equal parts, as most spouses do.
    return (id: string): PropertyOwner[] => {
      const holders = byProperty.get(id) ?? [];
      const share = `1/${holders.length}`;
      return holders.map((o) =>
        'personnummer' in o
          ? { personnummer: o.personnummer, share }
          : { organisationsnummer: o.organisationsnummer, share },
      );
    };
  };
  const organisationsOf = new Map<string, Organisation[]>();
  for (const c of companies)
    for (const f of c.functionaries)
      organisationsOf.set(f.personnummer, [...(organisationsOf.get(f.personnummer) ?? []), c]);
  const ownersOf = holdersOf(ownership);
  const leaseholdersOf = holdersOf(leaseholds);
  for (const p of properties) {
    for (const id of p.planIds)
      if (!planById.has(id)) throw new Error(`fixtures/properties.json: ${p.designation} names unknown plan ${id}`);
  }
  const teamIds = new Set(teams.map((t) => t.id));
  for (const o of officers)
    if (!teamIds.has(o.teamId)) throw new Error(`fixtures/officers.json: unknown team ${o.teamId}`);
  if (teams.length === 0) throw new Error('fixtures/teams.json: at least one team is needed');

  return {
    population: { personByPersonnummer: async (pnr) => personByPnr.get(pnr) ?? null },
    land: {
      propertyById: async (id) => propertyById.get(id) ?? null,
      propertyByDesignation: async (d) => propertyByDesignation.get(designationKey(d)) ?? null,
      plansForProperty: async (id) => (propertyById.get(id)?.planIds ?? []).map((pid) => planById.get(pid)!),
      neighbourIdsOf: async (id) => [...(neighbours.get(id) ?? [])],
      propertyIdsNear: async (id, distanceM) => {
        const site = propertyById.get(id);
        if (!site) return [];
        return byDesignation
          .filter((p) => p.id !== id && boundariesTouch(site.boundary, p.boundary, distanceM))
          .map((p) => p.id);
      },
      ownersOf: async (id) => ownersOf(id),
      siteLeaseholdersOf: async (id) => leaseholdersOf(id),
    },
    ownership: {
      // A personnummer and an organisationsnummer never collide (12 digits against 10).
      propertyIdsOwnedBy: async (pnr) => [...(ownedBy.get(pnr) ?? [])],
      propertyIdsOwnedByOrganisation: async (orgnr) => [...(ownedBy.get(orgnr) ?? [])],
    },
    companies: {
      organisationByNumber: async (orgnr) => companyByNr.get(orgnr) ?? null,
      organisationsOfPerson: async (pnr) => [...(organisationsOf.get(pnr) ?? [])],
    },
    staff: {
      officers: async () => [...officers],
      teams: async () => [...teams],
      officerByPersonnummer: async (pnr) => officerByPnr.get(pnr) ?? null,
    },
    testIdentities: async () => [
      ...persons.map((p) => ({ personalNumber: p.personnummer, givenName: p.givenName, surname: p.surname })),
      ...officers.map((o) => ({ personalNumber: o.personnummer, givenName: o.givenName, surname: o.surname })),
    ],
  };
}

export async function loadRoutingRules(dir: string): Promise<RoutingRule[]> {
  return readFixture(dir, 'routing.json', z.array(RoutingRuleSchema));
}

/** The municipality's fee schedule (taxa); Kjellstavik's is an example and says so. */
export async function loadFeeSchedule(dir: string): Promise<FeeSchedule> {
  return readFixture(dir, 'fees.json', FeeScheduleSchema);
}

/** The municipality's library of decision conditions (fixtures/phrases.json); none when the file is absent. */
export async function loadPhraseLibrary(dir: string): Promise<PhraseLibrary> {
  if (!existsSync(path.join(dir, 'phrases.json'))) return [];
  return readFixture(dir, 'phrases.json', PhraseLibrarySchema);
}

/** The identities the BankID simulator offers a tester, sorted by name; none for real registers. */
export async function simIdentities(registers: Registers) {
  const list = (await registers.testIdentities?.()) ?? [];
  return list.sort((a, b) => `${a.givenName} ${a.surname}`.localeCompare(`${b.givenName} ${b.surname}`, 'sv'));
}
