import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Person } from '@lovisa/domain';
import { defaultFixturesDir, loadFixtureRegisters } from '../fixtureRegisters';
import { PROTECTED_SENTINEL } from '../interfaces';
import { createRegisterSimulator } from '../simulator/plugin';
import { createHttpRegisters } from './client';
import { RegisterAnswerError, RegisterUnavailableError } from './errors';

const dir = defaultFixturesDir();
const raw = async <T>(file: string) => JSON.parse(await readFile(path.join(dir, file), 'utf8')) as T;

/** The written form the HTTP answer gives postal codes back in ("742 31"). */
const canonical = (p: Person | null) =>
  p && {
    ...p,
    address: p.address && {
      ...p.address,
      postalCode: p.address.postalCode.replace(/\s/g, '').replace(/^(\d{3})/, '$1 '),
    },
  };

/** A bare HTTP server on a free port of 127.0.0.1, for answers the simulator never gives. */
async function fakeRegister(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res
    .writeHead(status, { 'content-type': 'application/json' })
    .end(typeof body === 'string' ? body : JSON.stringify(body));
};

describe('HTTP registers against the register simulator over a socket', async () => {
  const fixtures = await loadFixtureRegisters(dir);
  const simulator = createRegisterSimulator(fixtures);
  await simulator.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(simulator.server.address() as AddressInfo).port}`;
  const http = createHttpRegisters({ baseUrl });
  afterAll(() => simulator.close());

  const persons = await raw<{ personnummer: string; protectedIdentity: boolean }[]>('persons.json');
  const officers = await raw<{ personnummer: string }[]>('officers.json');
  const properties = await raw<{ id: string; designation: string }[]>('properties.json');

  it('gives the same neighbours as the fixture register, and [] for an unknown property', async () => {
    for (const { id } of properties)
      expect(await http.land.neighbourIdsOf(id)).toEqual(await fixtures.land.neighbourIdsOf(id));
    expect(await http.land.neighbourIdsOf('00000000-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('gives the same nearby properties and registered owners as the fixture register', async () => {
    for (const { id } of properties) {
      expect(await http.land.propertyIdsNear(id, 15)).toEqual(await fixtures.land.propertyIdsNear(id, 15));
      expect(await http.land.ownersOf(id)).toEqual(await fixtures.land.ownersOf(id));
      expect(await http.land.siteLeaseholdersOf(id)).toEqual(await fixtures.land.siteLeaseholdersOf(id));
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await http.land.ownersOf(unknown)).toEqual([]);
    expect(await http.land.propertyIdsNear(unknown, 15)).toEqual([]);
  });

  it('gives every person the fixture register gives, and null for an unknown one', async () => {
    for (const { personnummer } of persons) {
      expect(await http.population.personByPersonnummer(personnummer), personnummer).toEqual(
        canonical(await fixtures.population.personByPersonnummer(personnummer)),
      );
    }
    const someoneElse = officers.find((o) => !persons.some((p) => p.personnummer === o.personnummer));
    if (someoneElse) expect(await http.population.personByPersonnummer(someoneElse.personnummer)).toBeNull();
  });

  it('keeps a protected person protected: the marker, no address, the sentinel nowhere', async () => {
    const protectedOnes = persons.filter((p) => p.protectedIdentity);
    expect(protectedOnes.length).toBeGreaterThan(0);
    for (const { personnummer } of protectedOnes) {
      const person = await http.population.personByPersonnummer(personnummer);
      expect(person).toMatchObject({ protectedIdentity: true, address: null });
      const wire = await fetch(`${baseUrl}/spar/v1/person`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ personnummer }),
      });
      const text = await wire.text();
      expect(JSON.parse(text)).toMatchObject({ sekretessmarkering: 'J' });
      expect(JSON.parse(text)).not.toHaveProperty('folkbokforingsadress');
      expect(text).not.toContain(PROTECTED_SENTINEL);
      const owned = await fetch(`${baseUrl}/agande/v1/${personnummer}/fastigheter`);
      expect(await owned.text()).not.toContain(PROTECTED_SENTINEL);
    }
  });

  it('gives every property by UUID and by designation, with its plans, as the fixture register does', async () => {
    for (const { id, designation } of properties) {
      const expected = await fixtures.land.propertyById(id);
      expect(await http.land.propertyById(id), designation).toEqual(expected);
      expect(await http.land.propertyByDesignation(designation), designation).toEqual(expected);
      // People type designations in any case and spacing.
      expect(await http.land.propertyByDesignation(`  ${designation.toUpperCase().replace(/ /g, '   ')} `)).toEqual(
        expected,
      );
      expect(await http.land.plansForProperty(id), designation).toEqual(await fixtures.land.plansForProperty(id));
    }
    const plans = await raw<{ id: string }[]>('plans.json');
    const served = new Set(
      (await Promise.all(properties.map((p) => http.land.plansForProperty(p.id)))).flat().map((p) => p.id),
    );
    for (const { id } of plans) expect(served.has(id), `plan ${id} covers no fixture property`).toBe(true);
  });

  it('answers null and [] for an unknown property or designation', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await http.land.propertyById(unknown)).toBeNull();
    expect(await http.land.propertyByDesignation('Kjellstavik Ingenstans 9:999')).toBeNull();
    expect(await http.land.plansForProperty(unknown)).toEqual([]);
  });

  it('gives every ownership list as the fixture register does, empty for someone owning nothing', async () => {
    for (const { personnummer } of [...persons, ...officers]) {
      expect(await http.ownership.propertyIdsOwnedBy(personnummer), personnummer).toEqual(
        await fixtures.ownership.propertyIdsOwnedBy(personnummer),
      );
    }
  });

  it('gives every organisation, engagement and organisation’s property as the fixture register does', async () => {
    const companies = await raw<{ orgnr: string; functionaries: { personnummer: string }[] }[]>('companies.json');
    expect(companies.length).toBeGreaterThanOrEqual(2);
    for (const { orgnr, functionaries } of companies) {
      expect(await http.companies.organisationByNumber(orgnr)).toEqual(
        await fixtures.companies.organisationByNumber(orgnr),
      );
      expect(await http.ownership.propertyIdsOwnedByOrganisation(orgnr)).toEqual(
        await fixtures.ownership.propertyIdsOwnedByOrganisation(orgnr),
      );
      for (const { personnummer } of functionaries)
        expect(await http.companies.organisationsOfPerson(personnummer)).toEqual(
          await fixtures.companies.organisationsOfPerson(personnummer),
        );
    }
    // Valid but unregistered: no such organisation, owning nothing; a person with no engagement: none.
    expect(await http.companies.organisationByNumber('5599001236')).toBeNull();
    expect(await http.ownership.propertyIdsOwnedByOrganisation('5599001236')).toEqual([]);
    expect(await http.companies.organisationsOfPerson(persons[0]!.personnummer)).toEqual([]);
  });

  it('gives the staff directory as the fixture register does', async () => {
    expect(await http.staff.officers()).toEqual(await fixtures.staff.officers());
    expect(await http.staff.teams()).toEqual(await fixtures.staff.teams());
    for (const { personnummer } of [...officers, ...persons]) {
      expect(await http.staff.officerByPersonnummer(personnummer), personnummer).toEqual(
        await fixtures.staff.officerByPersonnummer(personnummer),
      );
    }
    expect(http.testIdentities).toBeUndefined();
  });

  it('says which register is down when nothing listens on the port', async () => {
    const closed = await fakeRegister(() => undefined);
    await closed.close();
    const down = createHttpRegisters({ baseUrl: closed.baseUrl, retries: 1, backoffMs: 1 });
    const error = await down.population.personByPersonnummer(persons[0]!.personnummer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegisterUnavailableError);
    expect(error).toMatchObject({ register: 'population', reason: 'network' });
    expect((error as Error).cause).toBeDefined();
    expect((error as Error).message).not.toContain(persons[0]!.personnummer);
    await expect(down.land.propertyById(properties[0]!.id)).rejects.toMatchObject({
      name: 'RegisterUnavailableError',
      register: 'land',
    });
    await expect(down.ownership.propertyIdsOwnedBy(persons[0]!.personnummer)).rejects.toMatchObject({
      register: 'ownership',
    });
    await expect(down.staff.teams()).rejects.toMatchObject({ register: 'staff' });
  });

  it('gives up after timeoutMs when the register is slow, without retrying', async () => {
    let requests = 0;
    const slow = await fakeRegister((_req, res) => {
      requests++;
      setTimeout(() => json(res, 200, { enheter: [] }), 2_000);
    });
    try {
      const client = createHttpRegisters({ baseUrl: slow.baseUrl, timeoutMs: 150, retries: 2, backoffMs: 1 });
      const started = Date.now();
      const error = await client.staff.teams().catch((e: unknown) => e);
      const elapsed = Date.now() - started;
      expect(error).toBeInstanceOf(RegisterUnavailableError);
      expect(error).toMatchObject({ register: 'staff', reason: 'timeout' });
      expect(elapsed).toBeGreaterThanOrEqual(140);
      expect(elapsed).toBeLessThan(1_500);
      expect(requests).toBe(1);
    } finally {
      await slow.close();
    }
  });

  it('also times out a register that sends headers and then stalls the body', async () => {
    const stalling = await fakeRegister((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"enheter": [');
    });
    try {
      const client = createHttpRegisters({ baseUrl: stalling.baseUrl, timeoutMs: 150 });
      await expect(client.staff.teams()).rejects.toMatchObject({ name: 'RegisterUnavailableError', reason: 'timeout' });
    } finally {
      await stalling.close();
    }
  });

  it('retries a 5xx with backoff and succeeds on the third attempt', async () => {
    let requests = 0;
    const flaky = await fakeRegister((_req, res) => {
      requests++;
      if (requests <= 2) return json(res, 500, { error: { code: 'internalError', message: 'Internal error' } });
      json(res, 200, { enheter: [{ enhetId: 'bygglov', namn: 'Bygglovsenheten' }] });
    });
    try {
      const client = createHttpRegisters({ baseUrl: flaky.baseUrl, retries: 2, backoffMs: 5 });
      expect(await client.staff.teams()).toEqual([{ id: 'bygglov', name: 'Bygglovsenheten' }]);
      expect(requests).toBe(3);
    } finally {
      await flaky.close();
    }
  });

  it('reports a register that keeps failing with 5xx as unavailable after all attempts', async () => {
    let requests = 0;
    const broken = await fakeRegister((_req, res) => {
      requests++;
      json(res, 503, 'Service Unavailable');
    });
    try {
      const client = createHttpRegisters({ baseUrl: broken.baseUrl, retries: 2, backoffMs: 1 });
      await expect(client.land.propertyById(properties[0]!.id)).rejects.toMatchObject({
        name: 'RegisterUnavailableError',
        register: 'land',
        reason: 'serverError',
        status: 503,
      });
      expect(requests).toBe(3);
    } finally {
      await broken.close();
    }
  });

  it('does not retry a 4xx: a bad request is an answer error at once', async () => {
    let requests = 0;
    const strict = await fakeRegister((_req, res) => {
      requests++;
      json(res, 400, { error: { code: 'badRequest', message: 'personnummer must be 12 digits' } });
    });
    try {
      const client = createHttpRegisters({ baseUrl: strict.baseUrl, retries: 2, backoffMs: 1 });
      await expect(client.population.personByPersonnummer('x')).rejects.toMatchObject({
        name: 'RegisterAnswerError',
        register: 'population',
        status: 400,
      });
      expect(requests).toBe(1);
    } finally {
      await strict.close();
    }
    // The simulator itself answers 400 for a personnummer with a wrong check digit.
    await expect(http.population.personByPersonnummer('198202029280')).rejects.toBeInstanceOf(RegisterAnswerError);
  });

  it('reports malformed answers as RegisterAnswerError, and keeps serving afterwards', async () => {
    const answers: Record<string, [number, unknown]> = {
      '/personal/v1/enheter': [200, 'this is not json'],
      '/personal/v1/handlaggare': [200, { handlaggare: [{ personnummer: '198306219299', fornamn: 'Oskar' }] }],
      '/spar/v1/person': [
        200,
        {
          personId: { idNummer: '19820202928', typ: 'PERSONNUMMER' },
          sekretessmarkering: 'N',
          namn: { fornamn: 'A', efternamn: 'B' },
        },
      ],
      [`/fastighet/v1/${properties[0]!.id}`]: [
        200,
        {
          objektidentitet: properties[0]!.id,
          basinformation: { beteckning: 'X 1:1', kommun: 'K', registreradLandarealM2: 10 },
        },
      ],
    };
    const liar = await fakeRegister((req, res) => {
      const [status, body] = answers[(req.url ?? '').split('?')[0]!] ?? [
        404,
        { error: { code: 'noSuchEndpoint', message: 'No such endpoint' } },
      ];
      json(res, status, body);
    });
    try {
      const client = createHttpRegisters({ baseUrl: liar.baseUrl, retries: 0 });
      await expect(client.staff.teams()).rejects.toMatchObject({ name: 'RegisterAnswerError', register: 'staff' });
      await expect(client.staff.officers()).rejects.toBeInstanceOf(RegisterAnswerError);
      // Valid wire shape, invalid personnummer (11 digits): caught by the domain schema.
      await expect(client.population.personByPersonnummer(persons[0]!.personnummer)).rejects.toBeInstanceOf(
        RegisterAnswerError,
      );
      // An answer without the geometry asked for.
      await expect(client.land.propertyById(properties[0]!.id)).rejects.toBeInstanceOf(RegisterAnswerError);
      // A 404 for the endpoint itself is a misconfiguration, not "no such person".
      await expect(client.ownership.propertyIdsOwnedBy(persons[0]!.personnummer)).rejects.toMatchObject({
        name: 'RegisterAnswerError',
        status: 404,
      });
      const error = (await client.staff.officers().catch((e: unknown) => e)) as Error;
      expect(error.message).not.toContain('Oskar');
    } finally {
      await liar.close();
    }
    expect(await http.staff.teams()).toEqual(await fixtures.staff.teams());
  });
});

describe('a site leasehold (tomträtt) over HTTP', () => {
  it('gives the holders and their shares as the fixture register holds them', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'lovisa-leasehold-'));
    await cp(dir, tmp, { recursive: true });
    const bjorken27 = (await (await loadFixtureRegisters(tmp)).land.propertyByDesignation('Kjellstavik Björken 2:7'))!;
    await writeFile(
      path.join(tmp, 'site-leaseholds.json'),
      JSON.stringify([
        { personnummer: '198103269299', propertyIds: [bjorken27.id] },
        { personnummer: '195002281839', propertyIds: [bjorken27.id] },
      ]),
    );
    const simulator = createRegisterSimulator(await loadFixtureRegisters(tmp));
    try {
      await simulator.listen({ port: 0, host: '127.0.0.1' });
      const http = createHttpRegisters({
        baseUrl: `http://127.0.0.1:${(simulator.server.address() as AddressInfo).port}`,
      });
      expect(await http.land.siteLeaseholdersOf(bjorken27.id)).toEqual([
        { personnummer: '198103269299', share: '1/2' },
        { personnummer: '195002281839', share: '1/2' },
      ]);
    } finally {
      await simulator.close();
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
