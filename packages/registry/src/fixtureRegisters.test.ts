import { mkdtemp, readFile, rm, writeFile, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidPersonnummer } from '@lovisa/domain';
import { bbox, multiPolygonArea, polygonProblems, polygonWithin } from '@lovisa/geo';
import {
  defaultFixturesDir,
  loadBasemap,
  loadFeeSchedule,
  loadFixtureRegisters,
  loadRoutingRules,
  simIdentities,
  PROTECTED_SENTINEL,
} from './index';

const dir = defaultFixturesDir();
/** Any identity that is not staff: the first person in the population file is an applicant. */
const protectedOrAny = (ids: { personalNumber: string }[]) =>
  ids.find((i) => i.personalNumber === '198202029289')!.personalNumber;
// A copy of shared/data/test-personnummer.txt (Skatteverket's list) kept with the fixtures it vouches for.
const testNumbersFile = path.join(dir, 'test-personnummer.txt');

describe('Kjellstavik fixtures', async () => {
  const registers = await loadFixtureRegisters(dir);
  const identities = await simIdentities(registers);
  const properties = JSON.parse(await readFile(path.join(dir, 'properties.json'), 'utf8')) as { id: string }[];

  it("uses only Skatteverket's test personnummer", async () => {
    const allowed = new Set(
      (await readFile(testNumbersFile, 'utf8'))
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => /^\d{12}$/.test(l)),
    );
    expect(identities.length).toBeGreaterThanOrEqual(8);
    for (const { personalNumber } of identities) {
      expect(isValidPersonnummer(personalNumber)).toBe(true);
      expect(allowed.has(personalNumber), personalNumber).toBe(true);
    }
  });

  it('has valid boundaries whose registered area matches the drawn one', async () => {
    for (const { id } of properties) {
      const p = (await registers.land.propertyById(id))!;
      for (const rings of p.boundary.coordinates)
        expect(polygonProblems({ type: 'Polygon', coordinates: rings })).toEqual([]);
      expect(Math.abs(multiPolygonArea(p.boundary) - p.registeredAreaM2) / p.registeredAreaM2).toBeLessThan(0.03);
    }
  });

  it('keeps neighbouring properties from overlapping', async () => {
    const all = await Promise.all(properties.map(({ id }) => registers.land.propertyById(id)));
    const parts = all.flatMap((p) =>
      p!.boundary.coordinates.map((rings) => ({ id: p!.id, box: bbox({ type: 'Polygon', coordinates: rings }) })),
    );
    for (const a of parts) {
      for (const b of parts) {
        if (a === b) continue;
        const overlapE = Math.min(a.box[2], b.box[2]) - Math.max(a.box[0], b.box[0]);
        const overlapN = Math.min(a.box[3], b.box[3]) - Math.max(a.box[1], b.box[1]);
        expect(overlapE <= 0 || overlapN <= 0, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });

  it('models the awkward cases: protected identity, co-owners, two properties, none, two areas, outside a plan', async () => {
    const protectedPeople = [];
    const owners = new Map<string, string[]>();
    for (const i of identities) {
      const person = await registers.population.personByPersonnummer(i.personalNumber);
      if (person?.protectedIdentity) protectedPeople.push(person);
      if (person) {
        for (const id of await registers.ownership.propertyIdsOwnedBy(i.personalNumber))
          owners.set(id, [...(owners.get(id) ?? []), i.personalNumber]);
      }
    }
    expect(protectedPeople).toHaveLength(1);
    expect(protectedPeople[0]!.address).toBeNull();
    // The raw data holds the sentinel; the register's answer must not.
    const raw = await readFile(path.join(dir, 'persons.json'), 'utf8');
    expect(raw).toContain(PROTECTED_SENTINEL);
    expect(JSON.stringify(protectedPeople[0])).not.toContain(PROTECTED_SENTINEL);
    expect([...owners.values()].some((o) => o.length === 2)).toBe(true);
    const counts = await Promise.all(identities.map((i) => registers.ownership.propertyIdsOwnedBy(i.personalNumber)));
    expect(counts.some((c) => c.length === 2)).toBe(true);
    expect(counts.some((c) => c.length === 0)).toBe(true);
    const loaded = await Promise.all(properties.map(({ id }) => registers.land.propertyById(id)));
    expect(loaded.some((p) => p!.boundary.coordinates.length === 2)).toBe(true);
    const planless = loaded.filter((p) => p!.planIds.length === 0);
    expect(planless.length).toBeGreaterThanOrEqual(1);
    expect(await registers.land.plansForProperty(planless[0]!.id)).toEqual([]);
  });

  it('puts existing buildings inside their property and outside the prickmark', async () => {
    const basemap = await loadBasemap(dir);
    const buildings = basemap.features.filter((f) => f.properties.kind === 'building');
    expect(buildings.length).toBeGreaterThan(3);
    for (const b of buildings) {
      if (b.properties.kind !== 'building' || b.geometry.type !== 'Polygon') continue;
      const property = (await registers.land.propertyById(b.properties.propertyId))!;
      expect(polygonWithin(b.geometry, property.boundary), property.designation).toBe(true);
      for (const plan of await registers.land.plansForProperty(property.id)) {
        if (plan.prickmark) expect(polygonWithin(b.geometry, plan.prickmark)).toBe(false);
      }
    }
  });

  it('finds a property by designation as people type it, and answers null for unknown ones', async () => {
    const p = await registers.land.propertyByDesignation('  kjellstavik   EKEN 1:23 ');
    expect(p?.designation).toBe('Kjellstavik Eken 1:23');
    expect(await registers.land.propertyByDesignation('Kjellstavik Eken 99:1')).toBeNull();
    expect(await registers.land.propertyById('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await registers.population.personByPersonnummer('190001019999')).toBeNull();
    const [officer] = await registers.staff.officers();
    expect((await registers.staff.officerByPersonnummer(officer!.personnummer))?.teamId).toBe(officer!.teamId);
    expect(await registers.staff.officerByPersonnummer(protectedOrAny(identities))).toBeNull();
  });

  it('is a town: enough people, plots, plans and staff for every case the rules meet', async () => {
    const persons = identities.filter((i) => !/^19(83062192|65062328|80111692|86021798)/.test(i.personalNumber));
    expect(persons.length).toBeGreaterThanOrEqual(40);
    expect(properties.length).toBeGreaterThanOrEqual(80);
    expect(persons.some((p) => Number(p.personalNumber.slice(6, 8)) > 60)).toBe(true); // a samordningsnummer
    const staff = await registers.staff.officers();
    expect(staff.length).toBeGreaterThanOrEqual(4);
    expect(new Set(staff.map((o) => o.teamId)).size).toBeGreaterThanOrEqual(2);
    expect(staff.some((o) => o.role === 'teamLead')).toBe(true);
    const loaded = (await Promise.all(properties.map(({ id }) => registers.land.propertyById(id)))).map((p) => p!);
    const houseSized = loaded.filter((p) => p.registeredAreaM2 >= 600 && p.registeredAreaM2 <= 1500);
    expect(houseSized.length / loaded.length).toBeGreaterThan(0.7);
    const plans = new Map<string, Awaited<ReturnType<typeof registers.land.plansForProperty>>[number]>();
    for (const p of loaded) for (const plan of await registers.land.plansForProperty(p.id)) plans.set(plan.id, plan);
    expect(plans.size).toBeGreaterThanOrEqual(3);
    expect([...plans.values()].some((p) => p.publicLand?.some((l) => l.use === 'GATA'))).toBe(true);
    expect([...plans.values()].some((p) => p.publicLand?.some((l) => l.use === 'PARK'))).toBe(true);
    expect([...plans.values()].some((p) => p.culturalHeritage)).toBe(true);
  });

  it('keeps every plan provision inside its plan, and every plot inside the plans it names', async () => {
    const loaded = (await Promise.all(properties.map(({ id }) => registers.land.propertyById(id)))).map((p) => p!);
    for (const p of loaded) {
      for (const plan of await registers.land.plansForProperty(p.id)) {
        for (const rings of p.boundary.coordinates)
          expect(
            polygonWithin({ type: 'Polygon', coordinates: rings }, plan.area),
            `${p.designation} in ${plan.name}`,
          ).toBe(true);
        const provisions = [
          plan.prickmark,
          plan.korsmark,
          plan.culturalHeritage ?? null,
          ...(plan.publicLand ?? []).map((l) => l.area),
        ];
        for (const mp of provisions) {
          for (const rings of mp?.coordinates ?? []) {
            expect(polygonProblems({ type: 'Polygon', coordinates: rings })).toEqual([]);
            expect(polygonWithin({ type: 'Polygon', coordinates: rings }, plan.area), plan.name).toBe(true);
          }
        }
        expect(plan.maxBuildingAreaM2 !== null || plan.maxBuildingAreaPercent !== null, plan.name).toBe(true);
      }
    }
  });

  it('knows the neighbours: plots that share a boundary, not those across the street', async () => {
    const byName = async (d: string) => (await registers.land.propertyByDesignation(d))!.id;
    const names = async (id: string) =>
      Promise.all(
        (await registers.land.neighbourIdsOf(id)).map(async (n) => (await registers.land.propertyById(n))!.designation),
      );
    expect(await names(await byName('Kjellstavik Eken 1:22'))).toEqual([
      'Kjellstavik Eken 1:21',
      'Kjellstavik Eken 1:23',
    ]);
    const bjorken26 = await names(await byName('Kjellstavik Björken 2:6'));
    expect(bjorken26).toContain('Kjellstavik Björken 2:7');
    expect(bjorken26).not.toContain('Kjellstavik Eken 1:21');
    // Symmetric: if A lists B, B lists A.
    for (const { id } of properties) {
      for (const n of await registers.land.neighbourIdsOf(id))
        expect(await registers.land.neighbourIdsOf(n)).toContain(id);
    }
  });

  it('lists the properties within a distance, the adjoining ones first among them, never the property itself', async () => {
    const byName = async (d: string) => (await registers.land.propertyByDesignation(d))!.id;
    const designations = async (ids: string[]) =>
      Promise.all(ids.map(async (n) => (await registers.land.propertyById(n))!.designation));
    const eken23 = await byName('Kjellstavik Eken 1:23');
    const near = await designations(await registers.land.propertyIdsNear(eken23, 15));
    // Adjoining: Eken 1:22 and Björken 2:5; across Ekvägen (10–11 m): Björken 2:7–2:9; Eken 1:21 is 30 m away.
    expect(near).toEqual([
      'Kjellstavik Björken 2:5',
      'Kjellstavik Björken 2:7',
      'Kjellstavik Björken 2:8',
      'Kjellstavik Björken 2:9',
      'Kjellstavik Eken 1:22',
    ]);
    expect(await registers.land.propertyIdsNear(eken23, 1)).toEqual(await registers.land.neighbourIdsOf(eken23));
  });

  it('gives the registered owners of a property with their shares: co-owners each, [] for an unknown id', async () => {
    const eken22 = (await registers.land.propertyByDesignation('Kjellstavik Eken 1:22'))!.id;
    expect(await registers.land.ownersOf(eken22)).toEqual([
      { personnummer: '196411193086', share: '1/2' },
      { personnummer: '194509123412', share: '1/2' },
    ]);
    expect(await registers.land.ownersOf('00000000-0000-4000-8000-000000000000')).toEqual([]);
    // Kjellstavik's generated town has no site leaseholds (site-leaseholds.json is optional).
    for (const { id } of properties) expect(await registers.land.siteLeaseholdersOf(id)).toEqual([]);
    // Every owner in the ownership file appears among the owners of each property they own.
    for (const { id } of properties)
      for (const owner of await registers.land.ownersOf(id))
        expect(
          owner.personnummer !== undefined
            ? await registers.ownership.propertyIdsOwnedBy(owner.personnummer)
            : await registers.ownership.propertyIdsOwnedByOrganisation(owner.organisationsnummer),
        ).toContain(id);
  });

  it('routes through rules every team of which exists', async () => {
    const teams = new Set((await registers.staff.teams()).map((t) => t.id));
    for (const rule of await loadRoutingRules(dir)) expect(teams.has(rule.teamId)).toBe(true);
  });

  it('has a fee schedule that says it is an example', async () => {
    const fees = await loadFeeSchedule(dir);
    expect(fees.example).toBe(true);
    expect(fees.name.sv).toMatch(/Exempeltaxa/);
    expect(fees.items.some((i) => i.procedures.includes('notification'))).toBe(true);
  });
});

describe('a broken fixture', () => {
  it('fails to load with the file and path named', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'lovisa-fixtures-'));
    try {
      await cp(dir, tmp, { recursive: true });
      const persons = JSON.parse(await readFile(path.join(tmp, 'persons.json'), 'utf8'));
      persons[1].personnummer = '198202029288';
      await writeFile(path.join(tmp, 'persons.json'), JSON.stringify(persons));
      await expect(loadFixtureRegisters(tmp)).rejects.toThrow(
        /fixtures\/persons\.json is invalid:\n\s+1\.personnummer/,
      );
      // An owner who is not a person.
      const original = JSON.parse(await readFile(path.join(dir, 'persons.json'), 'utf8')) as unknown[];
      await writeFile(path.join(tmp, 'persons.json'), JSON.stringify(original.slice(1)));
      await expect(loadFixtureRegisters(tmp)).rejects.toThrow(
        /ownership\.json: an owner is in neither persons\.json nor companies\.json/,
      );
      await cp(path.join(dir, 'persons.json'), path.join(tmp, 'persons.json'));
      // A company's functionary who is not a person; an organisationsnummer with a wrong check digit.
      const companies = JSON.parse(await readFile(path.join(dir, 'companies.json'), 'utf8'));
      companies[0].functionaries[0].personnummer = (original[1] as { personnummer: string }).personnummer;
      await writeFile(path.join(tmp, 'persons.json'), JSON.stringify(original.filter((_, i) => i !== 1)));
      await writeFile(path.join(tmp, 'companies.json'), JSON.stringify(companies));
      await expect(loadFixtureRegisters(tmp)).rejects.toThrow(/companies\.json: a functionary of .* is not in persons/);
      await cp(path.join(dir, 'persons.json'), path.join(tmp, 'persons.json'));
      companies[0].orgnr = '7696900428';
      await writeFile(path.join(tmp, 'companies.json'), JSON.stringify(companies));
      await expect(loadFixtureRegisters(tmp)).rejects.toThrow(/companies\.json is invalid:\n\s+0\.orgnr/);
      await cp(path.join(dir, 'companies.json'), path.join(tmp, 'companies.json'));
      await writeFile(path.join(tmp, 'ownership.json'), '{not json');
      await expect(loadFixtureRegisters(tmp)).rejects.toThrow(/ownership\.json: cannot read JSON/);
      await cp(path.join(dir, 'ownership.json'), path.join(tmp, 'ownership.json'));
      // A site leasehold on a property the land register does not know.
      await writeFile(
        path.join(tmp, 'site-leaseholds.json'),
        JSON.stringify([{ personnummer: '198103269299', propertyIds: ['00000000-0000-4000-8000-000000000000'] }]),
      );
      await expect(loadFixtureRegisters(tmp)).rejects.toThrow(/site-leaseholds\.json: unknown property/);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
