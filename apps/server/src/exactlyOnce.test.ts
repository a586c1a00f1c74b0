import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, type ApplicationSubmission } from '@lovisa/domain';
import { dbKinds } from './test/databases';
import { login, startHarness, withDrawings, type Harness, testApp } from './test/harness';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';

/**
 * A draft is an application once. Sending it from two tabs (two sign orders, both signed) or again after it
 * arrived gives the one case it became: a unique index on cases.draft_id, not a check in the code, holds it.
 */
describe.each(dbKinds)('a draft becomes one case on %s', (kind) => {
  let h: Harness;
  let cookie: string;
  let pnr: string;
  let application: ApplicationSubmission;
  beforeAll(async () => {
    h = await startHarness(kind, { bankidStartLimitPerMinute: 10_000 });
    const facts = await fixtureFacts(h.registers);
    pnr = facts.applicantA;
    cookie = await login(h, pnr);
    application = await withDrawings(h, cookie, applicationFor(facts.propertyA));
  });
  afterAll(async () => {
    await h?.close();
  });

  const startSigned = async () => {
    const started = await h.app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: { cookie },
      payload: application,
    });
    expect(started.statusCode).toBe(202);
    const { orderRef } = started.json() as { orderRef: string };
    await testApp(h).approve(orderRef, pnr);
    return orderRef;
  };
  const collect = (orderRef: string) =>
    h.app.inject({ method: 'POST', url: '/api/applications/sign/collect', headers: { cookie }, payload: { orderRef } });

  it('two tabs, two signatures, collected at once: one case, and both tabs are told which', async () => {
    const first = await startSigned();
    const second = await startSigned(); // the first order is signed, so BankID lets the same person start another
    const [a, b] = await Promise.all([collect(first), collect(second)]);
    expect(a.json().status).toBe('complete');
    expect(b.json().status).toBe('complete');
    expect(a.json().case.id).toBe(b.json().case.id);
    const mine = (await h.app.inject({ method: 'GET', url: '/api/me/cases', headers: { cookie } })).json() as {
      id: string;
    }[];
    expect(mine.filter((c) => c.id === a.json().case.id)).toHaveLength(1);
    expect(mine).toHaveLength(1);

    // Sending it once more names the case it already is.
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: { cookie },
      payload: application,
    });
    expect(again.statusCode).toBe(409);
    expect(ApiErrorSchema.parse(again.json()).error).toMatchObject({
      message: `Ansökan är redan skickad och har diarienummer ${a.json().case.diaryNumber}.`,
      messageId: 'server.alreadySubmitted',
      params: { diaryNumber: a.json().case.diaryNumber },
    });
  });

  it('the losing order, collected after the other made the case and then again, answers with that case each time', async () => {
    const draft = await withDrawings(h, cookie, { ...application, draftId: undefined });
    const start = async () => {
      const started = await h.app.inject({
        method: 'POST',
        url: '/api/applications',
        headers: { cookie },
        payload: draft,
      });
      expect(started.statusCode).toBe(202);
      const { orderRef } = started.json() as { orderRef: string };
      await testApp(h).approve(orderRef, pnr);
      return orderRef;
    };
    const winner = await start();
    const loser = await start();
    const won = await collect(winner);
    expect(won.json().status).toBe('complete');
    for (const attempt of [1, 2, 3]) {
      const res = await collect(loser);
      expect(res.statusCode, `attempt ${attempt}`).toBe(200);
      expect(res.json().case.id, `attempt ${attempt}`).toBe(won.json().case.id);
    }
    // Cancelling it afterwards withdraws nothing.
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: '/api/applications/sign/cancel',
          headers: { cookie },
          payload: { orderRef: loser },
        })
      ).statusCode,
    ).toBe(204);
    expect((await collect(winner)).json().case.id).toBe(won.json().case.id);
  });
});
