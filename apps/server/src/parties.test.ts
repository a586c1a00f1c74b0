import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { ApiErrorSchema, CasePartiesSchema, PartyLinkSchema, PartySignRequestSchema } from '@lovisa/domain';
import { caseParties } from './db/schema';
import { dbKinds } from './test/databases';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';
import { login, startHarness, submitSigned, testApp, type Harness } from './test/harness';

// Maria and Per Eriksson co-own Kjellstavik Eken 1:22 (½ each); Anna Lindqvist owns Eken 1:23 next door.
const MARIA = '196411193086';
const PER = '194509123412';
const ANNA = '198202029289';
const EKEN_122 = '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e22';

describe.each(dbKinds)('co-owners sign the same submission (%s)', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  let officer: string;
  let otherTeamOfficer: string;

  beforeAll(async () => {
    h = await startHarness(kind, { bankidStartLimitPerMinute: 10_000 });
    const facts = await fixtureFacts(h.registers);
    for (const p of [MARIA, PER, ANNA, facts.officer, facts.otherTeamOfficer]) cookies[p] = await login(h, p);
    officer = facts.officer;
    otherTeamOfficer = facts.otherTeamOfficer;
  });
  afterAll(async () => {
    await h?.close();
  });

  const as = (who: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
    h.app.inject({ method, url, headers: who ? { cookie: cookies[who]! } : {}, ...(payload ? { payload } : {}) });
  const error = (res: { json(): unknown }) => ApiErrorSchema.parse(res.json()).error;
  const mariasCase = async () =>
    submitSigned(h, cookies[MARIA]!, applicationFor((await h.registers.land.propertyById(EKEN_122))!));
  const parties = async (who: string, caseId: string) => {
    const res = await as(who, 'GET', `/api/me/cases/${caseId}/parties`);
    expect(res.statusCode, res.body).toBe(200);
    return CasePartiesSchema.parse(res.json());
  };
  const linkFor = async (caseId: string) => {
    const per = (await parties(MARIA, caseId)).parties.find((p) => p.role === 'coOwner')!;
    const res = await as(MARIA, 'POST', `/api/me/cases/${caseId}/parties/${per.id}/link`);
    expect(res.statusCode, res.body).toBe(201);
    return PartyLinkSchema.parse(res.json());
  };
  const startSigning = async (code: string) => {
    const start = await as(PER, 'POST', `/api/signatures/${code}/sign`);
    expect(start.statusCode, start.body).toBe(202);
    return (start.json() as { orderRef: string }).orderRef;
  };

  it('records the applicant as signed and the other owner as still to sign, bound to one hash', async () => {
    const c = await mariasCase();
    const view = await parties(MARIA, c.id);
    expect(view).toMatchObject({ complete: false, signed: 1, needed: 2, me: 'applicant', mayInvite: true });
    expect(view.submissionHash).toMatch(/^[0-9a-f]{64}$/);
    expect(view.parties.map((p) => [p.name, p.role, p.state])).toEqual([
      ['Maria Eriksson', 'applicant', 'signed'],
      ['Per Eriksson', 'coOwner', 'invited'],
    ]);
    const rows = await h.app.db.select().from(caseParties).where(eq(caseParties.caseId, c.id));
    expect(new Set(rows.map((r) => r.submissionHash))).toEqual(new Set([view.submissionHash]));
    // Per sees the case in Mina ärenden already, as a co-owner who has not signed.
    expect((await parties(PER, c.id)).me).toBe('coOwner');
    const mine = await as(PER, 'GET', '/api/me/cases');
    expect((mine.json() as { id: string }[]).map((x) => x.id)).toContain(c.id);
    expect((await as(PER, 'GET', `/api/me/cases/${c.id}`)).statusCode).toBe(200);
    // …and its messages (the receipt now, the decision later) in his inbox.
    const inbox = (await as(PER, 'GET', '/api/me/messages')).json() as { caseId: string }[];
    expect(inbox.map((m) => m.caseId)).toContain(c.id);
    const strangers = (await as(ANNA, 'GET', '/api/me/messages')).json() as { caseId: string }[];
    expect(strangers.map((m) => m.caseId)).not.toContain(c.id);
    // The co-owner follows the case; the applicant's commands stay the applicant's.
    expect((await as(PER, 'POST', `/api/me/cases/${c.id}/withdraw`, { version: 0 })).statusCode).toBe(404);
  });

  it('lets the co-owner sign by link with BankID: the case then has every signature', async () => {
    const c = await mariasCase();
    const { code, path } = await linkFor(c.id);
    expect(code).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(path).toBe(`/underskrift/${code}`);
    expect(JSON.stringify(await h.app.db.select().from(caseParties))).not.toContain(code);
    const request = PartySignRequestSchema.parse((await as(PER, 'GET', `/api/signatures/${code}`)).json());
    expect(request).toMatchObject({ applicantName: 'Maria Eriksson', diaryNumber: c.diaryNumber, state: 'invited' });
    expect(request.signText).toContain('Fastighet: Kjellstavik Eken 1:22');
    expect(request.signText).toContain('Som delägare');
    const orderRef = await startSigning(code);
    expect((await testApp(h).approve(orderRef, PER)).status).toBeLessThan(400);
    const collect = await as(PER, 'POST', `/api/signatures/${code}/sign/collect`, { orderRef });
    expect(collect.json()).toMatchObject({ status: 'complete' });
    const view = await parties(MARIA, c.id);
    expect(view).toMatchObject({ complete: true, signed: 2, needed: 2, mayInvite: false });
    expect(view.parties.every((p) => p.state === 'signed' && p.signedAt)).toBe(true);
    const officerView = await as(officer, 'GET', `/api/officer/cases/${c.id}/parties`);
    expect(CasePartiesSchema.parse(officerView.json())).toMatchObject({ complete: true, me: null });
    // Signed once: the link opens the page, but there is nothing more to sign.
    expect(error(await as(PER, 'POST', `/api/signatures/${code}/sign`))).toMatchObject({
      messageId: 'parties.alreadySigned',
    });
  });

  it('opens a link only for the co-owner it was made for; a new link ends the old', async () => {
    const c = await mariasCase();
    const first = await linkFor(c.id);
    for (const other of [MARIA, ANNA, officer]) {
      const res = await as(other, 'GET', `/api/signatures/${first.code}`);
      expect(res.statusCode).toBe(403);
      expect(error(res).messageId).toBe('parties.notYou');
    }
    expect((await as(null, 'GET', `/api/signatures/${first.code}`)).statusCode).toBe(401);
    const second = await linkFor(c.id);
    expect((await as(PER, 'GET', `/api/signatures/${first.code}`)).statusCode).toBe(404);
    expect((await as(PER, 'GET', `/api/signatures/${second.code}`)).statusCode).toBe(200);
    // Only the applicant makes links; a stranger does not learn the case exists.
    const perParty = (await parties(MARIA, c.id)).parties[1]!;
    expect((await as(PER, 'POST', `/api/me/cases/${c.id}/parties/${perParty.id}/link`)).statusCode).toBe(404);
    expect((await as(ANNA, 'GET', `/api/me/cases/${c.id}/parties`)).statusCode).toBe(404);
    expect((await as(ANNA, 'GET', `/api/me/cases/${c.id}`)).statusCode).toBe(404);
  });

  it('refuses a signature on another version of the submission, and one made by someone else', async () => {
    const c = await mariasCase();
    const { code } = await linkFor(c.id);
    const orderRef = await startSigning(code);
    // The submission changes after the link was made: what Per was shown is not what the case holds.
    await h.app.db.execute(
      sql`update cases set application = jsonb_set(application, '{details,description}', '"Ett annat garage."') where id = ${c.id}`,
    );
    expect((await testApp(h).approve(orderRef, PER)).status).toBeLessThan(400);
    const stale = await as(PER, 'POST', `/api/signatures/${code}/sign/collect`, { orderRef });
    expect(stale.statusCode).toBe(409);
    expect(error(stale).messageId).toBe('parties.versionChanged');
    expect(error(await as(PER, 'POST', `/api/signatures/${code}/sign`)).messageId).toBe('parties.versionChanged');
    expect((await parties(MARIA, c.id)).complete).toBe(false);

    const other = await mariasCase();
    const link = await linkFor(other.id);
    const order = await startSigning(link.code);
    expect((await testApp(h).approve(order, ANNA)).status).toBeGreaterThanOrEqual(400);
    const pending = await as(PER, 'POST', `/api/signatures/${link.code}/sign/collect`, { orderRef: order });
    expect(pending.json()).toMatchObject({ status: 'pending' });
    expect((await as(PER, 'POST', `/api/signatures/${link.code}/sign/cancel`, { orderRef: order })).statusCode).toBe(
      204,
    );
  });

  it('lets the officer of the team record a paper consent, which completes the signatures', async () => {
    const c = await mariasCase();
    const per = (await parties(MARIA, c.id)).parties[1]!;
    const url = `/api/officer/cases/${c.id}/parties/${per.id}/paper-consent`;
    expect((await as(otherTeamOfficer, 'POST', url, { receivedOn: '2026-11-23' })).statusCode).toBe(404);
    expect((await as(MARIA, 'POST', url, { receivedOn: '2026-11-23' })).statusCode).toBe(403);
    expect((await as(officer, 'POST', url, { receivedOn: 'igår' })).statusCode).toBe(400);
    // A letter cannot have arrived tomorrow (the harness's today is 23 November 2026).
    const tomorrow = await as(officer, 'POST', url, { receivedOn: '2026-11-24' });
    expect(tomorrow.statusCode).toBe(400);
    expect(error(tomorrow).messageId).toBe('case.issue.HEARING_RECEIVED_ON_INVALID');
    const res = await as(officer, 'POST', url, { receivedOn: '2026-11-23' });
    expect(res.statusCode, res.body).toBe(200);
    const view = CasePartiesSchema.parse(res.json());
    expect(view).toMatchObject({ complete: true, signed: 2 });
    expect(view.parties[1]).toMatchObject({ state: 'paper', paperRecordedBy: expect.any(String) });
    const signed = (await parties(MARIA, c.id)).parties[0]!;
    const again = await as(officer, 'POST', `/api/officer/cases/${c.id}/parties/${signed.id}/paper-consent`, {
      receivedOn: '2026-11-23',
    });
    expect(error(again).messageId).toBe('parties.paperNotNeeded');
  });

  it('keeps a sole owner’s case as it was: one party, signed, complete', async () => {
    const eken123 = (await h.registers.land.propertyByDesignation('Kjellstavik Eken 1:23'))!;
    const c = await submitSigned(h, cookies[ANNA]!, applicationFor(eken123));
    expect(await parties(ANNA, c.id)).toMatchObject({ complete: true, signed: 1, needed: 1, mayInvite: false });
  });
});
