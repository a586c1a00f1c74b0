import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorSchema,
  SUBMISSION_CHANNEL,
  attachmentFacts,
  completenessInputFrom,
  evaluateApplication,
  ruleSetFor,
  siteFromRegisterData,
  stockholmDate,
  type ApplicationSubmission,
  type CaseDetail,
  type Property,
} from '@lovisa/domain';
import type { Polygon } from '@lovisa/geo';
import { login, startHarness, submitSigned, withDrawings, type Harness } from './test/harness';
import { applicationFor, footprintIn } from './test/fixtureFacts';

const ANNA = '198202029289'; // owns Kjellstavik Eken 1:23, inside the Eken plan
const GUSTAV = '193502234796'; // owns Kjellstavik Strandängen 4:1, outside any plan, by the lake

const shift = (p: Polygon, dE: number): Polygon => ({
  type: 'Polygon',
  coordinates: p.coordinates.map((r) => r.map(([e, n]) => [e + dE, n] as [number, number])),
});

/**
 * The browser and the server call the same rules engine on the same register data. These tests play the
 * browser (the API answers it reads, the function it runs) and then submit: the server must refuse exactly
 * what the browser flagged, and let through what it passed.
 */
describe('the server judges an application as the browser does', () => {
  let h: Harness;
  let anna: string;
  let gustav: string;
  let eken: Property;
  let strand: Property;

  beforeAll(async () => {
    h = await startHarness('pglite');
    anna = await login(h, ANNA);
    gustav = await login(h, GUSTAV);
    eken = (await h.registers.land.propertyByDesignation('Kjellstavik Eken 1:23'))!;
    strand = (await h.registers.land.propertyByDesignation('Kjellstavik Strandängen 4:1'))!;
  });
  afterAll(async () => {
    await h?.close();
  });

  const get = async (url: string, cookie: string) =>
    (await h.app.inject({ method: 'GET', url, headers: { cookie } })).json();

  /** What the web app does: read the property, its surroundings and the draft's files from the API, and run the rules. */
  async function browserVerdict(application: ApplicationSubmission, cookie: string) {
    const { property, plans } = await get(`/api/properties/${application.propertyId}`, cookie);
    const { neighbours, features } = await get(`/api/properties/${application.propertyId}/surroundings`, cookie);
    const files = application.draftId ? await get(`/api/drafts/${application.draftId}/attachments`, cookie) : [];
    const site = siteFromRegisterData({ property, plans, neighbours, features });
    const input = { ...completenessInputFrom(application), ...attachmentFacts(files) };
    return evaluateApplication(
      input,
      site,
      ruleSetFor(stockholmDate(new Date('2026-11-23T10:00:00+01:00')))!,
      SUBMISSION_CHANNEL,
    );
  }

  const garage = () => applicationFor(eken);
  const variants: { name: string; app: () => ApplicationSubmission; flagged: string | null; drawings?: string[] }[] = [
    { name: 'a garage without its drawings', app: garage, flagged: 'MISSING_ATTACHMENT', drawings: ['PLA'] },
    { name: 'a 56 m² garage: a permit, complete', app: garage, flagged: null },
    {
      name: 'a 16 m² shed: nothing to apply for',
      app: () => ({
        ...garage(),
        footprints: [{ id: 'b', measure: 'outbuilding', geometry: footprintIn(eken, 4, 4) }],
      }),
      flagged: 'NOTHING_TO_APPLY_FOR',
    },
    {
      name: 'no way to reach the applicant',
      app: () => ({ ...garage(), details: { ...garage().details, email: '' } }),
      flagged: 'MISSING_CONTACT',
    },
    {
      name: 'a building outside the property',
      app: () => ({
        ...garage(),
        footprints: [{ id: 'b', measure: 'outbuilding', geometry: shift(footprintIn(eken, 8, 7), 500) }],
      }),
      flagged: 'OUTSIDE_PROPERTY',
    },
    {
      name: 'a new house without a kontrollansvarig',
      app: () => ({
        ...garage(),
        measure: 'newMainBuilding',
        footprints: [{ id: 'h', measure: 'newMainBuilding', geometry: footprintIn(eken, 10, 8) }],
      }),
      flagged: 'MISSING_KONTROLLANSVARIG',
    },
    {
      name: 'an extension without its gross floor area',
      app: () => ({
        ...garage(),
        measure: 'extension',
        footprints: [{ id: 'e', measure: 'extension', geometry: footprintIn(eken, 6, 5) }],
      }),
      flagged: 'MISSING_GROSS_FLOOR_AREA',
    },
  ];

  it.each(variants)('$name', async ({ app, flagged, drawings }) => {
    const application = await withDrawings(h, anna, app(), drawings);
    const browser = await browserVerdict(application, anna);
    const blocking = browser.missing.filter((m) => m.blocking).map((m) => m.code);
    if (flagged) expect(blocking).toContain(flagged);
    else expect(blocking).toEqual([]);

    const res = await h.app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: { cookie: anna },
      payload: application,
    });
    if (blocking.length === 0) {
      expect(res.statusCode).toBe(202);
      await h.app.inject({
        method: 'POST',
        url: '/api/applications/sign/cancel',
        headers: { cookie: anna },
        payload: { orderRef: res.json().orderRef },
      });
    } else {
      expect(res.statusCode).toBe(400);
      const body = ApiErrorSchema.parse(res.json());
      expect(body.error.code).toBe('invalidInput');
      expect(body.error.issues!.map((i) => i.path.split('.').at(-1))).toEqual(blocking);
      expect(body.error.issues!.map((i) => i.message)).toEqual(
        browser.missing.filter((m) => m.blocking).map((m) => m.text.sv),
      );
    }
  });

  async function submitAndRead(cookie: string, application: ApplicationSubmission) {
    const summary = await submitSigned(h, cookie, application);
    return (await get(`/api/me/cases/${summary.id}`, cookie)) as CaseDetail;
  }
  const eventData = (c: CaseDetail, type: string) => c.events.find((e) => e.type === type)!.data;

  it('keeps the verdict with the case, and a permit gets ten weeks', async () => {
    const c = await submitAndRead(anna, garage());
    expect(eventData(c, 'assessed')).toMatchObject({
      ruleSetId: 'pbl-2025-12-01',
      procedure: 'permit',
      deviation: false,
    });
    expect(eventData(c, 'assessed').reasons).toContain('AREA_OVER_LIMIT');
    expect(c.decisionDeadline).toBe('2027-02-01');
    expect(eventData(c, 'routed')).toMatchObject({ teamId: 'bygglov' });
  });

  it('a notification gets four weeks and goes to the notification rule’s team', async () => {
    const extension: ApplicationSubmission = {
      ...garage(),
      measure: 'extension',
      footprints: [{ id: 'e', measure: 'extension', geometry: footprintIn(eken, 5, 4) }],
      details: {
        ...garage().details,
        description: 'Tillbyggnad av köket, 20 m².',
        ridgeHeightM: 4,
        grossFloorAreaM2: 20,
      },
    };
    const c = await submitAndRead(anna, extension);
    expect(eventData(c, 'assessed')).toMatchObject({ procedure: 'notification', confirmWithMunicipality: true });
    expect(c.decisionDeadline).toBe('2026-12-21');
    expect(eventData(c, 'routed')).toMatchObject({
      teamId: 'bygglov',
      reason: 'Anmälningsärenden handläggs av Bygglovsenheten.',
    });
  });

  it('a deviation from the plan goes to the experienced officers', async () => {
    const tall = { ...garage(), details: { ...garage().details, ridgeHeightM: 9 } }; // the plan allows 7.5 m
    const c = await submitAndRead(anna, tall);
    expect(eventData(c, 'assessed')).toMatchObject({ procedure: 'permit', deviation: true });
    expect(eventData(c, 'assessed').advice).toContain('DEVIATION_HEARING');
    expect(eventData(c, 'routed')).toMatchObject({ teamId: 'stora-projekt' });
  });

  it('outside a plan by the lake: the rural team, and the shoreline dispensation is a condition', async () => {
    const c = await submitAndRead(gustav, applicationFor(strand));
    expect(eventData(c, 'assessed').conditions).toContain('SHORELINE_DISPENSATION');
    expect(eventData(c, 'routed')).toMatchObject({ teamId: 'landsbygd' });
  });
});
