import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  ApiErrorSchema,
  ConsentInvitationCreatedSchema,
  ConsentInvitationSchema,
  ConsentRequestViewSchema,
  type ApplicationSubmission,
} from '@lovisa/domain';
import type { Polygon } from '@lovisa/geo';
import { attachments, consentInvitations } from './db/schema';
import { dbKinds } from './test/databases';
import { login, startHarness, testApp, testPdf, uploadTo, type Harness } from './test/harness';

// Kjellstavik Eken 1:23 (Anna) runs from e = 620060; Eken 1:22 (Maria and Per, ½ each) lies west of it.
const ANNA = '198202029289';
const MARIA = '196411193086';
const PER = '194509123412';
const KARIN = '197908109288'; // Björken 2:5, protected identity
const BJORKEN_27_OWNER = '193703119168';
const EKEN_123 = '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e23';
const EKEN_122 = '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e22';
const BJORKEN_27 = '3a9cb154-b439-47de-afc0-da3ef650711c';

/** A 3 × 4 m shed 2 m from the boundary with Eken 1:22 (moved `dn` metres north). */
const shed = (dn = 0): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [620062, 6650020 + dn],
      [620065, 6650020 + dn],
      [620065, 6650024 + dn],
      [620062, 6650024 + dn],
      [620062, 6650020 + dn],
    ],
  ],
});

const application = (draftId: string, dn = 0): ApplicationSubmission => ({
  draftId,
  propertyId: EKEN_123,
  // A komplementbostadshus: permit-free but notified, so the application is sent with the consent.
  measure: 'smallDwelling',
  footprints: [{ id: 'stuga', measure: 'smallDwelling', geometry: shed(dn) }],
  details: {
    description: 'Gäststuga i trä, 12 m².',
    ridgeHeightM: 3,
    plannedStart: '2027-04-01',
    email: 'anna@example.se',
  },
});

describe.each(dbKinds)('neighbour consent with BankID, bound to the drawing (%s)', (kind) => {
  let h: Harness;
  const logLines: string[] = [];
  const cookies: Record<string, string> = {};
  const draftId = crypto.randomUUID();

  beforeAll(async () => {
    h = await startHarness(kind, {}, { logLines });
    for (const p of [ANNA, MARIA, PER, KARIN, BJORKEN_27_OWNER]) cookies[p] = await login(h, p);
  });
  afterAll(async () => {
    await h?.close();
  });

  const as = (who: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
  const saveDrawing = (dn: number) =>
    as(ANNA, 'PUT', `/api/drafts/${draftId}`, { data: { step: 'attachments', ...application(draftId, dn) } });
  const error = (res: { json(): unknown }) => ApiErrorSchema.parse(res.json()).error;
  const invite = async (neighbourPropertyId = EKEN_122) => {
    const res = await as(ANNA, 'POST', `/api/drafts/${draftId}/consents`, { neighbourPropertyId });
    expect(res.statusCode, res.body).toBe(201);
    return ConsentInvitationCreatedSchema.parse(res.json());
  };
  const sign = async (who: string, code: string) => {
    const start = await as(who, 'POST', `/api/consents/${code}/sign`);
    expect(start.statusCode, start.body).toBe(202);
    const { orderRef } = start.json() as { orderRef: string };
    expect((await testApp(h).approve(orderRef, who)).status).toBeLessThan(400);
    return as(who, 'POST', `/api/consents/${code}/sign/collect`, { orderRef });
  };
  const owners = async () =>
    ConsentInvitationSchema.array()
      .parse((await as(ANNA, 'GET', `/api/drafts/${draftId}/consents`)).json())
      .flatMap((i) => i.owners.map((o) => `${o.name}:${o.state}`));
  const submitBlockers = async (dn = 0) => {
    const res = await as(ANNA, 'POST', '/api/applications', application(draftId, dn));
    return res.statusCode === 202 ? [] : (error(res).issues ?? []).map((i) => i.path);
  };

  it('lets the applicant invite only a neighbour, and shows the code once', async () => {
    expect((await saveDrawing(0)).statusCode).toBe(200);
    for (const type of ['SITU', 'PLA', 'FAS', 'SEK']) {
      const res = await uploadTo(h, cookies[ANNA]!, draftId, `type=${type}`, `${type}.pdf`, testPdf(type));
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(await submitBlockers()).toEqual(['rules.neighbours.MISSING_NEIGHBOUR_CONSENT']);
    const far = await as(ANNA, 'POST', `/api/drafts/${draftId}/consents`, { neighbourPropertyId: BJORKEN_27 });
    expect(error(far)).toMatchObject({ code: 'invalidInput', messageId: 'server.consentNotNeighbour' });
    const other = await as(MARIA, 'POST', `/api/drafts/${draftId}/consents`, { neighbourPropertyId: EKEN_122 });
    expect(other.statusCode).toBe(404);
    const created = await invite();
    expect(created.code).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(created.path).toBe(`/medgivande/${created.code}`);
    expect(created.invitation.owners.map((o) => [o.name, o.state])).toEqual([
      ['Maria Eriksson', 'invited'],
      ['Per Eriksson', 'invited'],
    ]);
    // Only the code's hash is stored.
    const stored = await h.app.db.select().from(consentInvitations);
    expect(JSON.stringify(stored)).not.toContain(created.code);
  });

  it('never names a protected owner to the applicant, nor gives their address', async () => {
    const protectedPlot = (await h.registers.land.propertyByDesignation('Kjellstavik Björken 2:5'))!;
    const created = await invite(protectedPlot.id);
    expect(created.invitation.owners.map((o) => [o.name, o.state])).toEqual([[null, 'invited']]);
    const list = await as(ANNA, 'GET', `/api/drafts/${draftId}/consents`);
    for (const secret of ['Karin', 'Sjöberg', 'Sekretessgatan', KARIN]) expect(list.body).not.toContain(secret);
    // The protected owner, logged in, sees the invitation like any owner.
    expect((await as(KARIN, 'GET', `/api/consents/${created.code}`)).statusCode).toBe(200);
    await as(ANNA, 'DELETE', `/api/drafts/${draftId}/consents/${created.invitation.id}`);
  });

  it('shows the drawing only to a registered owner of the invited property', async () => {
    const { code } = await invite();
    for (const stranger of [KARIN, BJORKEN_27_OWNER, ANNA]) {
      const res = await as(stranger, 'GET', `/api/consents/${code}`);
      expect(res.statusCode).toBe(403);
      expect(error(res)).toMatchObject({ code: 'forbidden', messageId: 'consent.notOwner' });
      expect((await as(stranger, 'GET', `/api/consents/${code}/site-plan.pdf`)).statusCode).toBe(403);
    }
    expect((await h.app.inject({ method: 'GET', url: `/api/consents/${code}` })).statusCode).toBe(401);
    const res = await as(MARIA, 'GET', `/api/consents/${code}`);
    expect(res.statusCode).toBe(200);
    const view = ConsentRequestViewSchema.parse(res.json());
    expect(view).toMatchObject({
      applicantName: 'Anna Lindqvist',
      siteDesignation: 'Kjellstavik Eken 1:23',
      neighbourDesignation: 'Kjellstavik Eken 1:22',
      subject: { measure: 'smallDwelling', areaM2: 12, ridgeHeightM: 3, distanceM: 2 },
      answer: null,
    });
    expect(res.body).not.toContain(ANNA);
    const pdf = await as(MARIA, 'GET', `/api/consents/${code}/site-plan.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });

  it('answers 404 for an unknown code and 410 for a withdrawn or expired one', async () => {
    expect((await as(MARIA, 'GET', `/api/consents/${'x'.repeat(32)}`)).statusCode).toBe(404);
    const { code, invitation } = await invite();
    const withdrawn = await as(ANNA, 'DELETE', `/api/drafts/${draftId}/consents/${invitation.id}`);
    expect(withdrawn.statusCode).toBe(204);
    expect(error(await as(MARIA, 'GET', `/api/consents/${code}`))).toMatchObject({
      code: 'gone',
      messageId: 'consent.withdrawn',
    });
    const later = await invite();
    h.setNow(new Date('2026-12-24T10:00:00+01:00'));
    try {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/consents/${later.code}`,
        headers: { cookie: await login(h, MARIA) },
      });
      expect(res.statusCode).toBe(410);
      expect(error(res).messageId).toBe('consent.expired');
    } finally {
      h.setNow(new Date('2026-11-23T10:00:00+01:00'));
    }
  });

  it('takes a refusal with a reason, at most 1000 characters', async () => {
    const { code, invitation } = await invite();
    const long = await as(PER, 'POST', `/api/consents/${code}/decline`, { reason: 'x'.repeat(1001) });
    expect(long.statusCode).toBe(400);
    const res = await as(PER, 'POST', `/api/consents/${code}/decline`, { reason: 'Skuggar min uteplats.' });
    expect(res.statusCode).toBe(204);
    const list = ConsentInvitationSchema.array().parse(
      (await as(ANNA, 'GET', `/api/drafts/${draftId}/consents`)).json(),
    );
    expect(list.find((i) => i.id === invitation.id)!.owners[1]).toMatchObject({
      name: 'Per Eriksson',
      state: 'declined',
      reason: 'Skuggar min uteplats.',
    });
  });

  it('keeps one live invitation per neighbour: a new one withdraws the earlier code', async () => {
    const first = await invite();
    const second = await invite();
    expect(error(await as(MARIA, 'GET', `/api/consents/${first.code}`)).messageId).toBe('consent.withdrawn');
    expect((await as(MARIA, 'GET', `/api/consents/${second.code}`)).statusCode).toBe(200);
    const list = ConsentInvitationSchema.array().parse(
      (await as(ANNA, 'GET', `/api/drafts/${draftId}/consents`)).json(),
    );
    expect(list.map((i) => i.id)).toEqual([second.invitation.id]);
  });

  it('counts a property once every co-owner signed, lapses when the shed moves 1 m, and becomes the case’s GRAM', async () => {
    const { code } = await invite();
    expect((await sign(MARIA, code)).json()).toMatchObject({ status: 'complete' });
    expect(await owners()).toEqual(['Maria Eriksson:consented', 'Per Eriksson:invited']);
    expect(await submitBlockers()).toEqual(['rules.neighbours.MISSING_NEIGHBOUR_CONSENT']);
    // Another person's BankID cannot sign Per's consent: the order requires Per's personnummer.
    const start = await as(PER, 'POST', `/api/consents/${code}/sign`);
    const { orderRef } = start.json() as { orderRef: string };
    await testApp(h).approve(orderRef, MARIA);
    const wrong = await as(PER, 'POST', `/api/consents/${code}/sign/collect`, { orderRef });
    expect(wrong.json()).not.toMatchObject({ status: 'complete' });
    expect(await owners()).toEqual(['Maria Eriksson:consented', 'Per Eriksson:invited']);
    expect((await as(PER, 'POST', `/api/consents/${code}/sign/cancel`, { orderRef })).statusCode).toBe(204);
    expect((await sign(PER, code)).json()).toMatchObject({ status: 'complete' });
    expect(await owners()).toEqual(['Maria Eriksson:consented', 'Per Eriksson:consented']);

    // Moved a metre: the consent no longer covers the drawing.
    expect((await saveDrawing(1)).statusCode).toBe(200);
    expect(await submitBlockers(1)).toEqual(['rules.neighbours.MISSING_NEIGHBOUR_CONSENT']);
    expect(ConsentRequestViewSchema.parse((await as(MARIA, 'GET', `/api/consents/${code}`)).json()).answer).toBe(null);
    // Back where it was: covered again, and submitted.
    expect((await saveDrawing(0)).statusCode).toBe(200);
    const started = await as(ANNA, 'POST', '/api/applications', application(draftId));
    expect(started.statusCode, started.body).toBe(202);
    const signOrder = (started.json() as { orderRef: string }).orderRef;
    await testApp(h).approve(signOrder, ANNA);
    const done = await as(ANNA, 'POST', '/api/applications/sign/collect', { orderRef: signOrder });
    const caseId = (done.json() as { case: { id: string } }).case.id;
    const grams = await h.app.db
      .select()
      .from(attachments)
      .where(and(eq(attachments.caseId, caseId), eq(attachments.type, 'GRAM')));
    expect(grams.map((g) => [g.neighbourPropertyId, g.generated, g.fileName])).toEqual([
      [EKEN_122, 'consent', 'Grannemedgivande Kjellstavik Eken 1:22.pdf'],
    ]);
    const detail = await as(ANNA, 'GET', `/api/me/cases/${caseId}`);
    expect((detail.json() as { attachments: { type: string }[] }).attachments.map((a) => a.type)).toContain('GRAM');
    // The draft is a case now: the invitation has done its work.
    expect(error(await as(MARIA, 'GET', `/api/consents/${code}`))).toMatchObject({ messageId: 'consent.submitted' });
  });

  it('never logs a personnummer or the protected owner’s address', () => {
    const log = logLines.join('\n');
    for (const p of [ANNA, MARIA, PER, KARIN, BJORKEN_27_OWNER]) expect(log).not.toContain(p);
    expect(log).not.toContain('Sekretessgatan');
  });
});
