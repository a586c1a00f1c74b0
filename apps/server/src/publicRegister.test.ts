import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { defaultFixturesDir } from '@lovisa/registry';
import type { ApplicationSubmission, CaseActor, CaseCommand, Property, PublicRegisterPage } from '@lovisa/domain';
import { cases, signOrders } from './db/schema';
import { caseRow, createCase } from './repositories/cases';
import { runCaseCommand } from './services/caseCommands';
import { dbKinds } from './test/databases';
import { login, startHarness, submitSigned, type Harness } from './test/harness';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';

/**
 * The public register against cases made the real way (signed submissions, officers' commands): one by a
 * protected identity, one on a protected person's property by someone else (made before the protection was
 * known), and ordinary ones whose free text names people and addresses. Every answer the register gives is then
 * searched for every person of the fixtures.
 */
interface FixturePerson {
  personnummer: string;
  givenName: string;
  surname: string;
  address: { street: string; postalCode: string; city: string } | null;
  protectedIdentity: boolean;
}

const KARIN = '197908109288';
const hour = 3_600_000;
const start = new Date('2026-11-02T10:00:00+01:00').getTime();

/** Every way a personnummer may be written: 12 or 10 digits, with or without the hyphen. */
function personnummerForms(p: string): string[] {
  const short = p.slice(2);
  return [p, short, `${p.slice(0, 8)}-${p.slice(8)}`, `${short.slice(0, 6)}-${short.slice(6)}`];
}
/** A name as a word: "Per" is not found in "Permit", nor "Björk" in "Björken". */
const asWord = (s: string) => new RegExp(`(?<!\\p{L})${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u');

describe.each(dbKinds)('public register on %s', (kind) => {
  let h: Harness;
  let people: FixturePerson[];
  let karinProperty: Property;
  const ids: Record<'inHandling' | 'granted' | 'refused' | 'withdrawn' | 'karins' | 'onKarins', string> = {
    inHandling: '',
    granted: '',
    refused: '',
    withdrawn: '',
    karins: '',
    onKarins: '',
  };
  const bodies: { url: string; body: string }[] = [];

  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await h.app.inject({ method: 'GET', url, headers });
    bodies.push({ url, body: res.body });
    return res;
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    const facts = await fixtureFacts(h.registers);
    people = JSON.parse(await readFile(path.join(defaultFixturesDir(), 'persons.json'), 'utf8')) as FixturePerson[];
    const named = (pnr: string) => people.find((p) => p.personnummer === pnr)!;
    const officers = await h.registers.staff.officers();
    const officerOf = (teamId: string): CaseActor => {
      const o = officers.find((x) => x.teamId === teamId && x.role === 'officer')!;
      return { role: 'officer', personnummer: o.personnummer, name: `${o.givenName} ${o.surname}`, teamLead: false };
    };
    let clock = start;
    const tick = () => h.setNow(new Date((clock += hour)));
    const act = async (id: string, command: Omit<CaseCommand, 'version'>, actor?: CaseActor) => {
      tick();
      const row = (await caseRow(h.app.db, id))!;
      await runCaseCommand(
        h.app,
        row,
        { ...command, version: row.version } as CaseCommand,
        actor ?? officerOf(row.teamId),
      );
    };
    // Free text that names the applicant and a neighbour, with addresses: none of it may reach the register.
    const withText = (property: Property, pnr: string): ApplicationSubmission => {
      const p = named(pnr);
      const application = applicationFor(property);
      return {
        ...application,
        details: {
          ...application.details,
          description: `Garage åt ${p.givenName} ${p.surname}, ${p.address?.street ?? ''}; granne Lars Holmberg, Ekvägen 21.`,
          email: 'sokande.privat@example.se',
          phone: '070-123 45 67',
        },
      };
    };

    const cookieA = await login(h, facts.applicantA);
    const cookieB = await login(h, facts.applicantB);
    const cookieKarin = await login(h, KARIN);
    tick();
    ids.inHandling = (await submitSigned(h, cookieA, withText(facts.propertyA, facts.applicantA))).id;
    tick();
    ids.granted = (await submitSigned(h, cookieA, withText(facts.propertyA, facts.applicantA))).id;
    tick();
    ids.refused = (await submitSigned(h, cookieB, withText(facts.propertyB, facts.applicantB))).id;
    tick();
    ids.withdrawn = (await submitSigned(h, cookieB, withText(facts.propertyB, facts.applicantB))).id;
    const [karinsPropertyId] = await h.registers.ownership.propertyIdsOwnedBy(KARIN);
    karinProperty = (await h.registers.land.propertyById(karinsPropertyId!))!;
    tick();
    ids.karins = (await submitSigned(h, cookieKarin, withText(karinProperty, KARIN))).id;

    // A case on Karin's property by someone else, stored as if it arrived before anyone knew of her protection.
    tick();
    const orderRef = randomUUID();
    const application = withText(karinProperty, facts.applicantA);
    await h.app.db.insert(signOrders).values({
      orderRef,
      personnummer: facts.applicantA,
      application,
      propertyDesignation: karinProperty.designation,
      qrStartToken: 'test',
      qrStartSecret: 'test',
      createdAt: new Date(clock),
    });
    const a = named(facts.applicantA);
    ids.onKarins = (
      await createCase(h.app.db, {
        application,
        applicant: { personnummer: a.personnummer, name: `${a.givenName} ${a.surname}` },
        propertyDesignation: karinProperty.designation,
        routing: { teamId: (await h.registers.staff.teams())[0]!.id, reason: 'test' },
        assessment: {
          ruleSetId: 'pbl-2025-12-01',
          procedure: 'permit',
          reasons: [],
          conditions: [],
          deviation: false,
          confirmWithMunicipality: false,
          advice: [],
          decisionDeadline: '2027-01-11',
        },
        receivedAt: new Date(clock),
        signed: { orderRef, signature: 'sig', ocspResponse: 'ocsp', bankIdIssueDate: '2025-01-01' },
      })
    ).id;

    const decide = (outcome: 'approved' | 'refused') =>
      ({ type: 'decide', outcome, reason: 'Skäl enligt tjänsteskrivelsen.', conditions: [] }) as const;
    await act(ids.granted, decide('approved'));
    await act(ids.refused, decide('refused'));
    await act(ids.karins, decide('approved'));
    const b = named(facts.applicantB);
    await act(
      ids.withdrawn,
      { type: 'withdraw' },
      {
        role: 'applicant',
        personnummer: b.personnummer,
        name: `${b.givenName} ${b.surname}`,
      },
    );
    tick();
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  /** Every page of a list or feed, walked by its own totals. */
  async function allPages(url: string, limit: number) {
    const items: { id: string }[] = [];
    for (let page = 1; ; page++) {
      const res = await get(`${url}${url.includes('?') ? '&' : '?'}page=${page}&limit=${limit}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { total: number; items?: { id: string }[]; features?: { id: string }[] };
      items.push(...(body.items ?? body.features ?? []));
      if (page * limit >= body.total) return { items, total: body.total };
    }
  }

  it('lists the ordinary cases, newest received first, and neither case of the protected person', async () => {
    const { items, total } = await allPages('/api/public/register', 2);
    expect(items.map((i) => i.id)).toEqual([ids.withdrawn, ids.refused, ids.granted, ids.inHandling]);
    expect(total).toBe(4);
    const byId = Object.fromEntries((items as PublicRegisterPage['items']).map((i) => [i.id, i]));
    expect(byId[ids.granted]).toMatchObject({ status: 'granted', decidedOn: '2026-11-02', announcedOn: '2026-11-02' });
    expect(byId[ids.refused]).toMatchObject({ status: 'refused', announcedOn: null });
    expect(byId[ids.withdrawn]).toMatchObject({ status: 'withdrawn', decidedOn: null });
    expect(byId[ids.inHandling]).toMatchObject({ status: 'received', receivedOn: '2026-11-02' });
    expect(byId[ids.inHandling]!.location!.wgs84[0]).toBeGreaterThan(10);
    // The case that arrived before the protection was known is now remembered as protected.
    const [row] = await h.app.db.select({ p: cases.protectedParty }).from(cases).where(eq(cases.id, ids.onKarins));
    expect(row!.p).toBe(true);
    for (const id of [ids.karins, ids.onKarins]) expect((await get(`/api/public/register/${id}`)).statusCode).toBe(404);
    const one = await get(`/api/public/register/${ids.granted}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(byId[ids.granted]);
  });

  it('lists only announced decisions where the municipality does not publish its diary', async () => {
    h.app.config.publicRegisterDiary = false;
    try {
      const { items } = await allPages('/api/public/register', 25);
      expect(items.map((i) => i.id)).toEqual([ids.granted]);
      expect((await get(`/api/public/register/${ids.refused}`)).statusCode).toBe(404);
    } finally {
      h.app.config.publicRegisterDiary = true;
    }
  });

  it('filters by status, measure, procedure and dates', async () => {
    const idsOf = async (q: string) =>
      ((await get(`/api/public/register?${q}`)).json() as PublicRegisterPage).items.map((i) => i.id);
    expect(await idsOf('status=granted')).toEqual([ids.granted]);
    expect(await idsOf('status=received')).toEqual([ids.inHandling]);
    expect(await idsOf('measure=carport')).toEqual([]);
    expect(await idsOf('measure=outbuilding&procedure=permit')).toHaveLength(4);
    expect(await idsOf('decidedFrom=2026-11-02&decidedTo=2026-11-02')).toEqual([ids.refused, ids.granted]);
    expect(await idsOf('receivedFrom=2026-11-03')).toEqual([]);
    expect(await idsOf('receivedTo=2026-11-01')).toEqual([]);
  });

  it('serves a GeoJSON feed in longitude, latitude', async () => {
    const res = await get('/api/public/register.geojson');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    const fc = res.json() as {
      type: string;
      total: number;
      features: { id: string; geometry: { type: string; coordinates: number[][][][] }; properties: object }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.total).toBe(4);
    expect(fc.features.map((f) => f.id)).toEqual([ids.withdrawn, ids.refused, ids.granted, ids.inHandling]);
    for (const f of fc.features) {
      expect(f.geometry.type).toBe('MultiPolygon');
      const [lon, lat] = f.geometry.coordinates[0]![0]![0]!;
      expect(lon).toBeGreaterThan(10);
      expect(lon).toBeLessThan(25);
      expect(lat).toBeGreaterThan(55);
      expect(lat).toBeLessThan(70);
      expect(f.properties).toHaveProperty('propertyDesignation');
    }
    expect((await allPages('/api/public/register.geojson', 3)).items).toHaveLength(4);
  });

  it('is cacheable: public max-age, an ETag, and 304 when it matches', async () => {
    for (const url of ['/api/public/register', '/api/public/register.geojson', `/api/public/register/${ids.granted}`]) {
      const first = await get(url);
      expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await get(url, { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect((await get(url, { 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);
      expect((await get(url, { 'if-none-match': '"other"' })).statusCode).toBe(200);
    }
    const p1 = await get('/api/public/register?limit=1');
    const p2 = await get('/api/public/register?limit=1&page=2');
    expect(p1.headers.etag).not.toBe(p2.headers.etag);
  });

  it('answers bad parameters with a structured 400, an unknown id with 404', async () => {
    for (const q of [
      'page=0',
      'limit=101',
      'limit=abc',
      'status=approved',
      'measure=castle',
      'receivedFrom=2026-02-30',
      'receivedFrom=2026-11-05&receivedTo=2026-11-01',
      'applicant=Anna',
    ]) {
      const res = await get(`/api/public/register?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
    expect((await get('/api/public/register.geojson?limit=1001')).statusCode).toBe(400);
    expect((await get('/api/public/register/not-a-uuid')).statusCode).toBe(400);
    const missing = await get(`/api/public/register/${randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: expect.any(String) } });
  });

  it('serves the public basemap without what ties a building to a plot', async () => {
    const res = await get('/api/public/basemap');
    expect(res.statusCode).toBe(200);
    const features = (res.json() as { features: { properties: Record<string, unknown> }[] }).features;
    const kinds = new Set(features.map((f) => f.properties.kind));
    expect([...kinds].sort()).toEqual(['building', 'park', 'street', 'water']);
    for (const f of features.filter((x) => x.properties.kind === 'building')) {
      expect(Object.keys(f.properties)).toEqual(['kind']);
    }
    expect(res.body).not.toContain('propertyId');
  });

  // Last: it searches every answer the tests above received as well.
  it('never answers with a personnummer, a name, a protected address or the protected property', async () => {
    await allPages('/api/public/register', 1);
    await allPages('/api/public/register.geojson', 1);
    for (const id of Object.values(ids)) await get(`/api/public/register/${id}`);
    await get('/api/public/register?limit=100');
    await get('/api/public/register.geojson');

    const needles: { what: string; found: (body: string) => boolean }[] = [];
    const literal = (what: string, s: string) => needles.push({ what, found: (b) => b.includes(s) });
    for (const p of people) {
      for (const form of personnummerForms(p.personnummer)) literal(`personnummer ${form}`, form);
      for (const name of [p.givenName, p.surname]) {
        const re = asWord(name);
        needles.push({ what: `name ${name}`, found: (b) => re.test(b) });
      }
      if (p.protectedIdentity && p.address) {
        literal('protected street', p.address.street);
        literal('protected postal code', p.address.postalCode);
        literal('protected city', p.address.city);
      }
    }
    for (const o of await h.registers.staff.officers()) {
      for (const part of [o.givenName, o.surname]) {
        const re = asWord(part);
        needles.push({ what: `officer ${part}`, found: (b) => re.test(b) });
      }
    }
    const designation = new RegExp(`${karinProperty.designation.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`);
    needles.push({ what: 'protected property', found: (b) => designation.test(b) });
    literal('e-mail', 'sokande.privat@example.se');
    literal('phone', '070-123 45 67');
    // With its number: the street itself is on the basemap.
    literal('address in free text', 'Ekvägen 2');
    literal('protected case', ids.karins);
    literal('case on the protected property', ids.onKarins);

    expect(bodies.length).toBeGreaterThan(40);
    expect(needles.length).toBeGreaterThan(300);
    const leaks = bodies.flatMap(({ url, body }) =>
      needles.filter((n) => n.found(body)).map((n) => `${n.what} in ${url}`),
    );
    expect(leaks).toEqual([]);
  });
});
