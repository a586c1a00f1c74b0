import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, type ApplicationSubmission } from '@lovisa/domain';
import { signOrders, submissionKeys } from './db/schema';
import { dbKinds } from './test/databases';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';
import { login, startHarness, withDrawings, type Harness, testApp } from './test/harness';

/**
 * Exactly once from the browser's side: a submission sent again (a lost answer, a double click, twenty copies
 * at once) with the same Idempotency-Key gets the first answer, and one BankID order and one case come of it.
 * On PostgreSQL the copies run on concurrent connections; PGlite runs them one statement at a time.
 */
describe.each(dbKinds)('idempotent submission on %s', (kind) => {
  let h: Harness;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  let cookie: string;
  // Each test's BankID attempts fail or succeed on demand: `failSigns` sign calls are refused as if BankID were down.
  let failSigns = 0;

  beforeAll(async () => {
    const flakyBankId: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/sign') && failSigns > 0) {
        failSigns--;
        throw new TypeError('fetch failed');
      }
      return fetch(input, init);
    };
    h = await startHarness(kind, { bankidStartLimitPerMinute: 100_000 }, { bankidFetch: flakyBankId });
    facts = await fixtureFacts(h.registers);
    cookie = await login(h, facts.applicantA);
  });
  afterAll(async () => {
    await h?.close();
  });

  const submit = (application: ApplicationSubmission, key?: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) },
      payload: application,
    });
  const approveAndCollect = async (orderRef: string) => {
    await testApp(h).approve(orderRef, facts.applicantA);
    return h.app.inject({
      method: 'POST',
      url: '/api/applications/sign/collect',
      headers: { cookie },
      payload: { orderRef },
    });
  };
  const ordersOfA = async () =>
    (await h.testDb.database.db.select().from(signOrders).where(eq(signOrders.personnummer, facts.applicantA))).length;
  const casesOfA = async () =>
    (await h.app.inject({ method: 'GET', url: '/api/me/cases', headers: { cookie } })).json() as {
      id: string;
      diaryNumber: string;
    }[];

  it('twenty copies with one key: all get the first answer, one BankID order, one case; a retry after that gets it again', async () => {
    const application = await withDrawings(h, cookie, applicationFor(facts.propertyA));
    const key = randomUUID();
    const ordersBefore = await ordersOfA();
    const casesBefore = (await casesOfA()).length;

    const answers = await Promise.all(Array.from({ length: 20 }, () => submit(application, key)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(202));
    const started = answers.map((a) => a.json() as { orderRef: string; autoStartToken: string });
    expect(new Set(started.map((s) => s.orderRef)).size).toBe(1);
    expect(new Set(started.map((s) => s.autoStartToken)).size).toBe(1);
    expect(await ordersOfA()).toBe(ordersBefore + 1);

    const collected = await approveAndCollect(started[0]!.orderRef);
    expect(collected.json().status).toBe('complete');
    const made = collected.json().case as { id: string };
    expect((await casesOfA()).length).toBe(casesBefore + 1);

    // The answer was lost and the browser sends again, after the case exists: the same order, the same case.
    const retry = await submit(application, key);
    expect(retry.statusCode).toBe(202);
    expect(retry.json().orderRef).toBe(started[0]!.orderRef);
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/applications/sign/collect',
      headers: { cookie },
      payload: { orderRef: retry.json().orderRef },
    });
    expect(again.json()).toMatchObject({ status: 'complete', case: { id: made.id } });
    expect((await casesOfA()).length).toBe(casesBefore + 1);
  });

  it('twenty copies of one draft without a key: BankID refuses the clashing orders (cancelling the open one, as BankID does), and never two cases', async () => {
    const application = await withDrawings(h, cookie, applicationFor(facts.propertyA));
    const casesBefore = (await casesOfA()).length;
    const answers = await Promise.all(Array.from({ length: 20 }, () => submit(application)));
    expect(answers.every((a) => a.statusCode === 202 || a.statusCode === 409)).toBe(true);
    const refused = answers.filter((a) => a.statusCode === 409);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(ApiErrorSchema.parse(r.json()).error.message).toMatch(/pågående BankID-åtgärd/);
    // Every order that did start is signed and collected at once: whatever BankID left alive, one case at most.
    const orderRefs = answers.filter((a) => a.statusCode === 202).map((a) => a.json().orderRef as string);
    const collected = await Promise.all(orderRefs.map((ref) => approveAndCollect(ref)));
    const madeCases = new Set(
      collected
        .map((c) => c.json())
        .filter((b) => b.status === 'complete')
        .map((b) => b.case.id as string),
    );
    expect(madeCases.size).toBeLessThanOrEqual(1);
    expect((await casesOfA()).length).toBe(casesBefore + madeCases.size);
  });

  it('refuses a key used for another application, and a malformed key, without starting anything', async () => {
    const first = await withDrawings(h, cookie, applicationFor(facts.propertyA));
    const key = randomUUID();
    const ok = await submit(first, key);
    expect(ok.statusCode).toBe(202);
    // Cancel it in "the app" so BankID would let another order start: only the key should stop the next one.
    await testApp(h).answer(ok.json().orderRef, 'cancel');
    const orders = await ordersOfA();

    const base = applicationFor(facts.propertyA);
    const other = await withDrawings(h, cookie, {
      ...base,
      details: { ...base.details, description: 'Ett annat garage, i tegel.' },
    });
    const reused = await submit(other, key);
    expect(reused.statusCode).toBe(409);
    expect(ApiErrorSchema.parse(reused.json()).error).toMatchObject({
      message: /Idempotency-Key hör till en annan ansökan/,
      messageId: 'server.idempotencyKeyReused',
    });

    for (const bad of ['kort', 'x'.repeat(101), 'åäö-ÅÄÖ-åäö-ÅÄÖ-åäö', "abc'; drop table cases;--xx"]) {
      const res = await submit(first, bad);
      expect(res.statusCode, bad).toBe(400);
      const error = ApiErrorSchema.parse(res.json()).error;
      expect(error.code).toBe('invalidInput');
      expect(JSON.stringify(error.issues)).toMatch(/idempotency-key/i);
      expect(error.issues?.[0]?.messageId).toBe('server.idempotencyKeyFormat');
    }
    expect(await ordersOfA()).toBe(orders);
  });

  it('lets the key go when BankID was down, so the retry with it starts the order', async () => {
    const application = await withDrawings(h, cookie, applicationFor(facts.propertyA));
    const key = randomUUID();
    failSigns = 1;
    const down = await submit(application, key);
    expect(down.statusCode).toBe(503);
    const rows = await h.testDb.database.db.select().from(submissionKeys).where(eq(submissionKeys.key, key));
    expect(rows).toEqual([]);
    const retry = await submit(application, key);
    expect(retry.statusCode).toBe(202);
    expect((await approveAndCollect(retry.json().orderRef)).json().status).toBe('complete');
  });
});
