import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import type { Person } from '@lovisa/domain';
import { defaultFixturesDir, loadFixtureRegisters } from '../fixtureRegisters';
import { PROTECTED_SENTINEL, type Registers } from '../interfaces';
import { createRegisterSimulator } from './plugin';

const dir = defaultFixturesDir();
const raw = async <T>(file: string) => JSON.parse(await readFile(path.join(dir, file), 'utf8')) as T;

describe('register simulator API', async () => {
  const fixtures = await loadFixtureRegisters(dir);
  const persons = await raw<Person[]>('persons.json');
  const properties = await raw<{ id: string; designation: string; planIds: string[] }[]>('properties.json');
  const officers = await raw<{ personnummer: string }[]>('officers.json');
  const protectedPerson = persons.find((p) => p.protectedIdentity)!;
  const ordinary = persons.find((p) => !p.protectedIdentity && p.address)!;

  // A source that (wrongly) hands out the protected address: the simulator must still never send it.
  const leaky: Registers = {
    ...fixtures,
    population: { personByPersonnummer: async (pnr) => persons.find((p) => p.personnummer === pnr) ?? null },
  };
  const app = createRegisterSimulator(leaky);
  afterAll(() => app.close());

  it('answers a person SPAR-style: id, name, address with a five-digit postNr, marker N', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/spar/v1/person',
      payload: { personnummer: ordinary.personnummer },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      personId: { idNummer: ordinary.personnummer, typ: 'PERSONNUMMER' },
      sekretessmarkering: 'N',
      namn: { fornamn: ordinary.givenName, efternamn: ordinary.surname },
      folkbokforingsadress: {
        utdelningsadress2: ordinary.address!.street,
        postNr: ordinary.address!.postalCode.replace(' ', ''),
        postort: ordinary.address!.city,
      },
    });
  });

  describe('company register (Bolagsverket-like)', () => {
    const BRF = '7696900427';
    const lookup = (identitetsbeteckning: unknown) =>
      app.inject({ method: 'POST', url: '/foretagsinformation/v1/organisationer', payload: { identitetsbeteckning } });

    it('answers an organisation with name, form, address, firmateckning text and functionaries with roles', async () => {
      const res = await lookup(BRF);
      expect(res.statusCode).toBe(200);
      const [org] = res.json().organisationer;
      expect(org.organisationsidentitet.identitetsbeteckning).toBe(BRF);
      expect(org.organisationsnamn.namn).toBe('Bostadsrättsföreningen Sjöbris i Kjellstavik');
      expect(org.organisationsform).toEqual({ kod: 'BRF', klartext: 'Bostadsrättsförening' });
      expect(org.postadressOrganisation.postadress).toEqual({
        utdelningsadress: 'Sjöbrisvägen 1',
        postnummer: '74231',
        postort: 'Kjellstavik',
      });
      expect(org.firmateckning.klartext).toBe(
        'Firman tecknas av styrelsen. Firman tecknas två i förening av ledamöterna.',
      );
      expect(
        org.funktionarer.map((f: { funktionarsroller: { kod: string }[] }) => f.funktionarsroller[0]!.kod),
      ).toEqual(['OF', 'LE', 'LE', 'SU']);
      // Every functionary is a person of the population register (they log in with BankID).
      for (const f of org.funktionarer)
        expect(persons.some((p) => p.personnummer === f.identitet.identitetsbeteckning)).toBe(true);
    });

    it('refuses a number whose check digit is wrong, and answers 404 for a valid unknown one', async () => {
      const wrong = await lookup('7696900428');
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.code).toBe('badRequest');
      expect((await lookup('76969004')).statusCode).toBe(400);
      const unknown = await lookup('5599001236');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.code).toBe('notFound');
    });

    it('lists a person’s engagements, and the organisation’s properties among the lagfarter', async () => {
      const henrik = (await lookup(BRF)).json().organisationer[0].funktionarer[0].identitet.identitetsbeteckning;
      const engagements = await app.inject({
        method: 'POST',
        url: '/foretagsinformation/v1/engagemang',
        payload: { identitetsbeteckning: henrik },
      });
      expect(
        engagements.json().organisationer.map((o: { organisationsnamn: { namn: string } }) => o.organisationsnamn.namn),
      ).toEqual(['Bostadsrättsföreningen Sjöbris i Kjellstavik']);
      const owned = await app.inject({ method: 'GET', url: `/agande/v1/organisation/${BRF}/fastigheter` });
      const [plot] = owned.json().fastigheter;
      const titles = await app.inject({ method: 'GET', url: `/fastighet/v1/${plot.objektidentitet}/lagfarter` });
      expect(titles.json().lagfarter).toEqual([
        { agare: { organisationsnummer: BRF }, andel: { taljare: 1, namnare: 1 } },
      ]);
    });
  });

  it('answers a protected person with the marker and no address, even from a source that holds one', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/spar/v1/person',
      payload: { personnummer: protectedPerson.personnummer },
    });
    expect(res.json()).toEqual({
      personId: { idNummer: protectedPerson.personnummer, typ: 'PERSONNUMMER' },
      sekretessmarkering: 'J',
      namn: { fornamn: protectedPerson.givenName, efternamn: protectedPerson.surname },
    });
    expect(res.body).not.toContain(PROTECTED_SENTINEL);
  });

  it('never sends the sentinel from any route', async () => {
    const urls = [
      '/personal/v1/handlaggare',
      '/personal/v1/enheter',
      ...persons.map((p) => `/agande/v1/${p.personnummer}/fastigheter`),
      ...properties.flatMap((p) => [
        `/fastighet/v1/${p.id}?includeData=basinformation,geometri,planer`,
        `/detaljplan/v1/planer?fastighet=${p.id}`,
        `/registerbeteckning/v1/objektidentitet/${p.id}`,
      ]),
    ];
    for (const url of urls) expect((await app.inject({ url })).body, url).not.toContain(PROTECTED_SENTINEL);
    for (const p of persons) {
      const res = await app.inject({
        method: 'POST',
        url: '/spar/v1/person',
        payload: { personnummer: p.personnummer },
      });
      expect(res.body).not.toContain(PROTECTED_SENTINEL);
    }
  });

  it('tells a samordningsnummer from a personnummer', async () => {
    const samordning = persons.find((p) => Number(p.personnummer.slice(6, 8)) > 60);
    if (!samordning) return;
    const res = await app.inject({
      method: 'POST',
      url: '/spar/v1/person',
      payload: { personnummer: samordning.personnummer },
    });
    expect(res.json().personId.typ).toBe('SAMORDNINGSNUMMER');
  });

  it('turns a designation into an objektidentitet and back', async () => {
    const p = properties[0]!;
    const res = await app.inject({
      url: `/registerbeteckning/v1/beteckning?${new URLSearchParams({ beteckning: p.designation.toLowerCase() })}`,
    });
    expect(res.json()).toEqual({ objektidentitet: p.id, beteckning: p.designation });
    expect((await app.inject({ url: `/registerbeteckning/v1/objektidentitet/${p.id}` })).json()).toEqual({
      objektidentitet: p.id,
      beteckning: p.designation,
    });
  });

  it('serves a property with only the parts includeData asks for; boundaries as EPSG:3006 polygons per area', async () => {
    const p = properties.find((x) => x.planIds.length > 0) ?? properties[0]!;
    const basic = (await app.inject({ url: `/fastighet/v1/${p.id}` })).json();
    expect(Object.keys(basic).sort()).toEqual(['basinformation', 'objektidentitet']);
    const full = (await app.inject({ url: `/fastighet/v1/${p.id}?includeData=basinformation,geometri,planer` })).json();
    const property = (await fixtures.land.propertyById(p.id))!;
    expect(full.basinformation).toEqual({
      beteckning: property.designation,
      kommun: property.municipality,
      registreradLandarealM2: property.registeredAreaM2,
      belagenhetsadress: property.address,
    });
    expect(full.registerenhetsomrade).toHaveLength(property.boundary.coordinates.length);
    expect(full.registerenhetsomrade[0]).toEqual({
      omradesnummer: 1,
      yta: {
        type: 'Polygon',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3006' } },
        coordinates: property.boundary.coordinates[0],
      },
    });
    expect(full.planer).toEqual(property.planIds.map((planId) => ({ planId })));
    const geometryOnly = (await app.inject({ url: `/fastighet/v1/${p.id}?includeData=geometri` })).json();
    expect(Object.keys(geometryOnly).sort()).toEqual(['objektidentitet', 'registerenhetsomrade']);
  });

  it('serves a multi-area property as one registerenhetsomrade per area', async () => {
    for (const { id } of properties) {
      const property = (await fixtures.land.propertyById(id))!;
      if (property.boundary.coordinates.length < 2) continue;
      const full = (await app.inject({ url: `/fastighet/v1/${id}?includeData=geometri` })).json();
      expect(full.registerenhetsomrade.map((a: { omradesnummer: number }) => a.omradesnummer)).toEqual(
        property.boundary.coordinates.map((_, i) => i + 1),
      );
    }
  });

  it('lists detailed plans with their provisions', async () => {
    const p = properties.find((x) => x.planIds.length > 0);
    if (!p) return;
    const res = (await app.inject({ url: `/detaljplan/v1/planer?fastighet=${p.id}` })).json();
    expect(res.fastighet).toBe(p.id);
    expect(res.planer.map((x: { planId: string }) => x.planId)).toEqual(p.planIds);
    expect(Object.keys(res.planer[0].bestammelser).sort()).toEqual([
      'maxByggnadsareaM2',
      'maxByggnadsareaProcent',
      'maxNockhojdM',
      'minAvstandTillGransM',
    ]);
  });

  it('lists ownership and staff', async () => {
    const someone = persons[0]!.personnummer;
    expect((await app.inject({ url: `/agande/v1/${someone}/fastigheter` })).json()).toEqual({
      personnummer: someone,
      fastigheter: (await fixtures.ownership.propertyIdsOwnedBy(someone)).map((objektidentitet) => ({
        objektidentitet,
      })),
    });
    const staff = (await app.inject({ url: '/personal/v1/handlaggare' })).json();
    expect(staff.handlaggare).toHaveLength(officers.length);
    expect(staff.handlaggare.some((h: { roll: string }) => h.roll === 'gruppchef')).toBe(true);
    const one = (await app.inject({ url: `/personal/v1/handlaggare/${officers[0]!.personnummer}` })).json();
    expect(one.personnummer).toBe(officers[0]!.personnummer);
  });

  it('answers 400 for malformed input and 404 for unknown records, always as JSON', async () => {
    const cases: [InjectOptions, number, string][] = [
      [{ method: 'POST', url: '/spar/v1/person', payload: { personnummer: '198202029280' } }, 400, 'badRequest'],
      [{ method: 'POST', url: '/spar/v1/person', payload: {} }, 400, 'badRequest'],
      [
        {
          method: 'POST',
          url: '/spar/v1/person',
          payload: '{not json',
          headers: { 'content-type': 'application/json' },
        },
        400,
        'badRequest',
      ],
      [
        {
          method: 'POST',
          url: '/spar/v1/person',
          payload: {
            personnummer:
              officers.find((o) => !persons.some((p) => p.personnummer === o.personnummer))?.personnummer ??
              '190001019800',
          },
        },
        404,
        'notFound',
      ],
      [{ url: '/registerbeteckning/v1/beteckning' }, 400, 'badRequest'],
      [{ url: '/registerbeteckning/v1/beteckning?beteckning=Kjellstavik%20Ingenstans%209%3A999' }, 404, 'notFound'],
      [{ url: '/registerbeteckning/v1/objektidentitet/not-a-uuid' }, 400, 'badRequest'],
      [{ url: '/fastighet/v1/not-a-uuid' }, 400, 'badRequest'],
      [{ url: `/fastighet/v1/${properties[0]!.id}?includeData=agare` }, 400, 'badRequest'],
      [{ url: '/fastighet/v1/00000000-0000-4000-8000-000000000000' }, 404, 'notFound'],
      [{ url: '/detaljplan/v1/planer' }, 400, 'badRequest'],
      [{ url: '/detaljplan/v1/planer?fastighet=00000000-0000-4000-8000-000000000000' }, 404, 'notFound'],
      [{ url: '/agande/v1/12345/fastigheter' }, 400, 'badRequest'],
      [{ url: `/personal/v1/handlaggare/${persons[0]!.personnummer}` }, 404, 'notFound'],
      [{ url: '/no/such/thing' }, 404, 'noSuchEndpoint'],
    ];
    for (const [request, status, code] of cases) {
      const res = await app.inject(request);
      expect(res.statusCode, JSON.stringify(request)).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json().error.code, JSON.stringify(request)).toBe(code);
    }
  });

  it('answers health checks', async () => {
    expect((await app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
  });
});
