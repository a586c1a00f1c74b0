import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorSchema,
  CasePartiesSchema,
  MyPowersSchema,
  PowerOfAttorneyPreviewSchema,
  PropertySummarySchema,
  addDays,
  stockholmDate,
} from '@lovisa/domain';
import { dbKinds } from './test/databases';
import { givePower } from './test/powers';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';
import { login, multipartFile, startHarness, submitSigned, testPdf, type Harness } from './test/harness';

// Lars Holmberg owns Eken 1:21 alone; Erik Nyström owns nothing and acts for him; Anna Lindqvist is a stranger here.
const LARS = '195002281839';
const ERIK = '198103269299';
const ANNA = '198202029289';
const EKEN_121 = '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e21';
const EKEN_123 = '3f2c8a1e-5b7d-4c2a-9e11-0a1b2c3d4e23';

describe.each(dbKinds)('agents with a power of attorney (%s)', (kind) => {
  let h: Harness;
  let officer = '';
  const cookies = new Map<string, string>();
  beforeAll(async () => {
    // Sessions outlive the days the expiry test moves the clock through.
    h = await startHarness(kind, { bankidStartLimitPerMinute: 10_000, sessionIdleMs: 30 * 86_400_000 });
    officer = (await fixtureFacts(h.registers)).officer;
    for (const who of [LARS, ERIK, ANNA, officer]) cookies.set(who, await login(h, who));
  });
  afterAll(() => h?.close());

  /** A request as `who` (logged in above). */
  const as = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    h.app.inject({
      method,
      url,
      headers: { cookie: cookies.get(who)! },
      ...(payload === undefined ? {} : { payload }),
    });
  const error = (res: { json(): unknown }) => ApiErrorSchema.parse(res.json()).error;
  const inDays = (n: number) => addDays(stockholmDate(h.app.clock()), n);
  const grant = (scope: object, validUntil = inDays(30), agent = ERIK) => ({ agent, scope, validUntil });

  const give = (body: { agent: string; scope: object; validUntil: string }) =>
    givePower(h, cookies.get(LARS)!, LARS, body);
  const larsCase = async () =>
    submitSigned(h, cookies.get(ERIK)!, applicationFor((await h.registers.land.propertyById(EKEN_121))!));

  it('checks a grant before signing: the agent’s name from the register, the date, the owner’s own property', async () => {
    const preview = await as(LARS, 'POST', '/api/me/powers/preview', grant({ kind: 'property', propertyId: EKEN_121 }));
    expect(preview.statusCode, preview.body).toBe(200);
    const view = PowerOfAttorneyPreviewSchema.parse(preview.json());
    expect(view.agentName).toBe('Erik Nyström');
    expect(view.signText).toContain('Jag, Lars Holmberg, ger Erik Nyström (19810326-9299) fullmakt');
    expect(view.signText).toContain(`fastigheten ${view.scopeLabel}`);
    const bad = async (body: object, status: number, id: string) => {
      const res = await as(LARS, 'POST', '/api/me/powers/preview', body);
      expect(res.statusCode, res.body).toBe(status);
      expect(error(res).messageId).toBe(id);
    };
    await bad(grant({ kind: 'property', propertyId: EKEN_121 }, inDays(0)), 400, 'powers.validUntilPast');
    await bad(grant({ kind: 'property', propertyId: EKEN_121 }, inDays(400)), 400, 'powers.validUntilTooLate');
    await bad(grant({ kind: 'property', propertyId: EKEN_121 }, inDays(30), LARS), 400, 'powers.self');
    await bad(grant({ kind: 'property', propertyId: EKEN_123 }), 403, 'powers.notYours');
    expect((await as(LARS, 'POST', '/api/me/powers/preview', { agent: '123' })).statusCode).toBe(400);
  });

  it('the agent applies for the owner, answers an order to complete, and loses the case when the power is revoked', async () => {
    // Without a power Erik may not apply for Eken 1:21.
    const refused = await as(
      ERIK,
      'POST',
      '/api/applications',
      applicationFor((await h.registers.land.propertyById(EKEN_121))!),
    );
    expect(refused.statusCode).toBe(403);
    const powerId = await give(grant({ kind: 'property', propertyId: EKEN_121 }));
    const held = MyPowersSchema.parse((await as(ERIK, 'GET', '/api/me/powers')).json()).held;
    expect(held.map((p) => [p.id, p.state, p.principalName])).toContainEqual([powerId, 'valid', 'Lars Holmberg']);
    const properties = (await as(ERIK, 'GET', '/api/me/properties')).json() as unknown[];
    expect(properties.map((p) => PropertySummarySchema.parse(p))).toEqual([
      expect.objectContaining({ id: EKEN_121, address: null, actingFor: { principalName: 'Lars Holmberg' } }),
    ]);
    expect((await as(ERIK, 'GET', `/api/properties/${EKEN_121}`)).statusCode).toBe(200);

    const c = await larsCase();
    // The owner is the applicant; the agent's BankID signature counts for him through the power.
    const parties = CasePartiesSchema.parse((await as(LARS, 'GET', `/api/me/cases/${c.id}/parties`)).json());
    expect(parties).toMatchObject({ complete: true, signed: 1, needed: 1, me: 'applicant' });
    expect(parties.parties).toEqual([
      expect.objectContaining({
        name: 'Erik Nyström',
        role: 'agent',
        state: 'signed',
        power: expect.objectContaining({ principalName: 'Lars Holmberg', state: 'valid', revokedAt: null }),
      }),
    ]);
    // The agent's drawings from his draft are the case's.
    const detail = (await as(LARS, 'GET', `/api/me/cases/${c.id}`)).json() as { attachments: { type: string }[] };
    expect(detail.attachments.map((a) => a.type).sort()).toEqual(['FAS', 'PLA', 'SEK', 'SITU']);
    for (const who of [LARS, ERIK]) {
      expect((await as(who, 'GET', `/api/me/cases/${c.id}`)).statusCode).toBe(200);
      expect(((await as(who, 'GET', '/api/me/cases')).json() as { id: string }[]).map((x) => x.id)).toContain(c.id);
    }
    expect((await as(ANNA, 'GET', `/api/me/cases/${c.id}`)).statusCode).toBe(404);
    const officerView = CasePartiesSchema.parse(
      (await as(officer, 'GET', `/api/officer/cases/${c.id}/parties`)).json(),
    );
    expect(officerView.parties[0]!.power).toMatchObject({ principalName: 'Lars Holmberg', state: 'valid' });

    // The officer asks for a section; the agent uploads it and answers.
    const asked = await as(officer, 'POST', `/api/officer/cases/${c.id}/completion-request`, {
      version: 0,
      items: ['SEK'],
      replyBy: inDays(21),
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const file = multipartFile('Sektion.pdf', testPdf('SEK'));
    const upload = await h.app.inject({
      method: 'POST',
      url: `/api/me/cases/${c.id}/attachments?type=SEK`,
      headers: { cookie: cookies.get(ERIK)!, 'content-type': file.contentType },
      payload: file.payload,
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const fileId = (upload.json() as { id: string }).id;
    const version = (asked.json() as { version: number }).version;
    const answered = await as(ERIK, 'POST', `/api/me/cases/${c.id}/completion`, { version, note: 'Sektionen.' });
    expect(answered.statusCode, answered.body).toBe(200);
    // The agent may not withdraw the owner's application: that stays the owner's.
    expect((await as(ERIK, 'POST', `/api/me/cases/${c.id}/withdraw`, { version: version + 1 })).statusCode).toBe(404);

    // Anna cannot revoke Lars's power; Lars can, at once.
    expect((await as(ANNA, 'POST', `/api/me/powers/${powerId}/revoke`)).statusCode).toBe(404);
    const revoked = await as(LARS, 'POST', `/api/me/powers/${powerId}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ state: 'revoked' });
    for (const url of [`/api/me/cases/${c.id}`, `/api/me/cases/${c.id}/parties`, `/api/attachments/${fileId}`])
      expect((await as(ERIK, 'GET', url)).statusCode, url).toBe(404);
    expect((await as(ERIK, 'POST', `/api/me/cases/${c.id}/completion`, { version: version + 1 })).statusCode).toBe(404);
    expect(((await as(ERIK, 'GET', '/api/me/cases')).json() as { id: string }[]).map((x) => x.id)).not.toContain(c.id);
    expect(
      ((await as(ERIK, 'GET', '/api/me/messages')).json() as { caseId: string }[]).map((m) => m.caseId),
    ).not.toContain(c.id);
    expect((await as(ERIK, 'GET', '/api/me/properties')).json()).toEqual([]);
    expect(
      (await as(ERIK, 'POST', '/api/applications', applicationFor((await h.registers.land.propertyById(EKEN_121))!)))
        .statusCode,
    ).toBe(403);
    // The owner keeps everything, the agent's file too; the signature given while the power held still counts.
    expect((await as(LARS, 'GET', `/api/me/cases/${c.id}`)).statusCode).toBe(200);
    expect((await as(LARS, 'GET', `/api/attachments/${fileId}`)).statusCode).toBe(200);
    const after = CasePartiesSchema.parse((await as(officer, 'GET', `/api/officer/cases/${c.id}/parties`)).json());
    expect(after.complete).toBe(true);
    expect(after.parties[0]!.power).toMatchObject({ state: 'revoked', revokedAt: expect.any(String) });
  });

  it('a power runs out after its last day, as a revoked one', async () => {
    const powerId = await give(grant({ kind: 'property', propertyId: EKEN_121 }, inDays(3)));
    const c = await larsCase();
    expect((await as(ERIK, 'GET', `/api/me/cases/${c.id}`)).statusCode).toBe(200);
    const now = h.app.clock();
    h.setNow(new Date(now.getTime() + 5 * 86_400_000));
    try {
      expect((await as(ERIK, 'GET', `/api/me/cases/${c.id}`)).statusCode).toBe(404);
      const mine = MyPowersSchema.parse((await as(LARS, 'GET', '/api/me/powers')).json());
      expect(mine.granted.find((p) => p.id === powerId)?.state).toBe('expired');
      expect((await as(LARS, 'GET', `/api/me/cases/${c.id}`)).statusCode).toBe(200);
    } finally {
      h.setNow(now);
      await as(LARS, 'POST', `/api/me/powers/${powerId}/revoke`);
    }
  });

  it('a power for one case lets the agent follow that case only', async () => {
    const lars = await submitSigned(
      h,
      cookies.get(LARS)!,
      applicationFor((await h.registers.land.propertyById(EKEN_121))!),
    );
    const other = await submitSigned(
      h,
      cookies.get(LARS)!,
      applicationFor((await h.registers.land.propertyById(EKEN_121))!),
    );
    await give(grant({ kind: 'case', caseId: lars.id }));
    expect((await as(ERIK, 'GET', `/api/me/cases/${lars.id}`)).statusCode).toBe(200);
    expect((await as(ERIK, 'GET', `/api/me/cases/${other.id}`)).statusCode).toBe(404);
    // Nor may Erik apply anew for the property with it, nor Lars give one for a case that is not his.
    expect((await as(ERIK, 'GET', `/api/properties/${EKEN_121}`)).statusCode).toBe(403);
    const annas = await as(
      LARS,
      'POST',
      '/api/me/powers/preview',
      grant({ kind: 'case', caseId: crypto.randomUUID() }),
    );
    expect(annas.statusCode).toBe(403);
  });
});
