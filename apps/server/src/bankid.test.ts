import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createHmac } from 'node:crypto';
import { cases, loginOrders } from './db/schema';
import { startHarness, login, submitSigned, withDrawings, type Harness, testApp } from './test/harness';
import { dbKinds } from './test/databases';
import { applicationFor, fixtureFacts } from './test/fixtureFacts';

const json = (cookie: string) => ({ cookie });

describe.each(dbKinds)('BankID sign and sessions on %s', (kind) => {
  let h: Harness;
  let facts: Awaited<ReturnType<typeof fixtureFacts>>;
  let cookieA: string;

  beforeAll(async () => {
    h = await startHarness(kind, { bankidStartLimitPerMinute: 1000 });
    facts = await fixtureFacts(h.registers);
    cookieA = await login(h, facts.applicantA);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the applicant what they sign, stores the signature, and creates the case once', async () => {
    const started = await h.app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: json(cookieA),
      payload: await withDrawings(h, cookieA, applicationFor(facts.propertyA)),
    });
    expect(started.statusCode).toBe(202);
    const { orderRef } = started.json();
    const page = (await testApp(h).get()).body;
    expect(page).toContain(`Fastighet: ${facts.propertyA.designation}`);
    expect(page).toContain('56,0 m²');

    const qr = await h.app.inject({
      method: 'GET',
      url: `/api/applications/sign/${orderRef}/qr`,
      headers: json(cookieA),
    });
    expect(qr.json().qrData).toMatch(/^bankid\./);
    expect(qr.body).not.toMatch(/secret/i);

    const pending = await h.app.inject({
      method: 'POST',
      url: '/api/applications/sign/collect',
      headers: json(cookieA),
      payload: { orderRef },
    });
    expect(pending.json()).toMatchObject({ status: 'pending' });
    const cookieB = await login(h, facts.applicantB);
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: '/api/applications/sign/collect',
          headers: json(cookieB),
          payload: { orderRef },
        })
      ).statusCode,
    ).toBe(404);

    await testApp(h).approve(orderRef, facts.applicantA);
    const [first, again] = await Promise.all([
      h.app.inject({
        method: 'POST',
        url: '/api/applications/sign/collect',
        headers: json(cookieA),
        payload: { orderRef },
      }),
      h.app.inject({
        method: 'POST',
        url: '/api/applications/sign/collect',
        headers: json(cookieA),
        payload: { orderRef },
      }),
    ]);
    expect(first.json().status).toBe('complete');
    expect(again.json().case.id).toBe(first.json().case.id);
    const mine = (await h.app.inject({ method: 'GET', url: '/api/me/cases', headers: json(cookieA) })).json();
    expect(mine.filter((c: { id: string }) => c.id === first.json().case.id)).toHaveLength(1);
    expect(mine).toHaveLength(1);
    const [row] = await h.app.db.select().from(cases).where(eq(cases.id, first.json().case.id));
    expect(row!.signature).toMatchObject({
      orderRef,
      signature: expect.stringMatching(/\S+/),
      ocspResponse: expect.stringMatching(/\S+/),
    });
  });

  it('draws the QR for second t with the HMAC rule, and never sends the secret to the browser', async () => {
    const t0 = new Date('2026-11-23T10:00:00+01:00');
    h.setNow(t0);
    const start = await h.app.inject({ method: 'POST', url: '/api/auth/bankid/start', payload: { mode: 'qr' } });
    const { orderRef } = start.json();
    const cookies = { lovisa_login: start.cookies.find((c) => c.name === 'lovisa_login')!.value };
    const [order] = await h.app.db.select().from(loginOrders).where(eq(loginOrders.orderRef, orderRef));
    const bodies = [start.body];
    for (const t of [0, 1, 7]) {
      h.setNow(new Date(t0.getTime() + t * 1000 + 400));
      const qr = await h.app.inject({ method: 'GET', url: `/api/auth/bankid/${orderRef}/qr`, cookies });
      const hmac = createHmac('sha256', order!.qrStartSecret).update(String(t)).digest('hex');
      expect(qr.json().qrData).toBe(`bankid.${order!.qrStartToken}.${t}.${hmac}`);
      bodies.push(qr.body);
    }
    bodies.push(
      (await h.app.inject({ method: 'POST', url: '/api/auth/bankid/collect', payload: { orderRef }, cookies })).body,
    );
    for (const body of bodies) expect(body).not.toContain(order!.qrStartSecret);
    h.setNow(t0);
  });

  it('submits nothing when the applicant cancels signing', async () => {
    const before = (await h.app.inject({ method: 'GET', url: '/api/me/cases', headers: json(cookieA) })).json().length;
    const payload = await withDrawings(h, cookieA, applicationFor(facts.propertyA));
    const { orderRef } = (
      await h.app.inject({ method: 'POST', url: '/api/applications', headers: json(cookieA), payload })
    ).json();
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: '/api/applications/sign/cancel',
          headers: json(cookieA),
          payload: { orderRef },
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: '/api/applications/sign/collect',
          headers: json(cookieA),
          payload: { orderRef },
        })
      ).statusCode,
    ).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: '/api/me/cases', headers: json(cookieA) })).json()).toHaveLength(
      before,
    );
  });

  it('rotates the session at login: a cookie planted before login is worthless after it', async () => {
    const planted = await login(h, facts.applicantB);
    const start = await h.app.inject({ method: 'POST', url: '/api/auth/bankid/start', payload: { mode: 'qr' } });
    const { orderRef } = start.json();
    await testApp(h).approve(orderRef, facts.applicantB);
    const loginCookie = start.cookies.find((c) => c.name === 'lovisa_login')!.value;
    const collect = await h.app.inject({
      method: 'POST',
      url: '/api/auth/bankid/collect',
      payload: { orderRef },
      headers: { cookie: `${planted}; lovisa_login=${loginCookie}` },
    });
    const fresh = collect.cookies.find((c) => c.name === 'lovisa_session')!;
    expect(`lovisa_session=${fresh.value}`).not.toBe(planted);
    expect((await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: planted } })).statusCode).toBe(401);
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `lovisa_session=${fresh.value}` } }))
        .statusCode,
    ).toBe(200);
  });

  it('ends a session after 30 idle minutes, and keeps it while it is used', async () => {
    const cookie = await login(h, facts.applicantB);
    const t0 = new Date('2026-11-23T10:00:00+01:00');
    h.setNow(new Date(t0.getTime() + 20 * 60_000));
    expect((await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    h.setNow(new Date(t0.getTime() + 45 * 60_000)); // 25 min after the last use
    expect((await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    h.setNow(new Date(t0.getTime() + 76 * 60_000)); // 31 min idle
    const expired = await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('unauthenticated');
    h.setNow(t0);
  });

  it('answers bad input to the auth and sign endpoints with 400 and the error shape, never 5xx', async () => {
    const bad: [string, string, unknown][] = [
      ['POST', '/api/auth/bankid/start', { mode: 'telepathy' }],
      ['POST', '/api/auth/bankid/start', []],
      ['POST', '/api/auth/bankid/collect', {}],
      ['POST', '/api/auth/bankid/collect', { orderRef: 42 }],
      ['POST', '/api/auth/bankid/cancel', { orderRef: 'x'.repeat(500) }],
      ['POST', '/api/applications/sign/collect', { orderRef: null }],
    ];
    for (const [method, url, payload] of bad) {
      const res = await h.app.inject({
        method: method as 'POST',
        url,
        payload: payload as object,
        headers: json(cookieA),
      });
      expect(res.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(400);
      expect(res.json().error.code).toBe('invalidInput');
    }
    const unknown = await h.app.inject({
      method: 'POST',
      url: '/api/applications/sign/collect',
      payload: { orderRef: 'no-such-order' },
      headers: json(cookieA),
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('BankID edge cases', () => {
  it('refuses a submission whose sign order was completed by another person', async () => {
    let impostor = '';
    // A BankID that answers `complete` for someone else: the server must not trust the order alone.
    const lyingFetch: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!String(input).endsWith('/collect')) return res;
      const body = await res.json();
      if (body.completionData && impostor) body.completionData.user.personalNumber = impostor;
      return new Response(JSON.stringify(body), {
        status: res.status,
        headers: { 'content-type': 'application/json' },
      });
    };
    const h = await startHarness('pglite', {}, { bankidFetch: lyingFetch });
    try {
      const facts = await fixtureFacts(h.registers);
      const cookie = await login(h, facts.applicantA); // no impostor yet: the login itself is honest
      impostor = facts.applicantB;
      await expect(submitSigned(h, cookie, applicationFor(facts.propertyA))).rejects.toThrow(/någon annan/);
      expect((await h.app.inject({ method: 'GET', url: '/api/me/cases', headers: { cookie } })).json()).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('limits how many BankID orders one address may start per minute', async () => {
    const h = await startHarness('pglite', { bankidStartLimitPerMinute: 3 });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++)
        codes.push(
          (await h.app.inject({ method: 'POST', url: '/api/auth/bankid/start', payload: { mode: 'qr' } })).statusCode,
        );
      expect(codes).toEqual([200, 200, 200, 429]);
      const limited = await h.app.inject({ method: 'POST', url: '/api/auth/bankid/start', payload: { mode: 'qr' } });
      expect(limited.json().error.code).toBe('tooManyRequests');
      expect(limited.json().error.message).toMatch(/Vänta \d+ sekunder/);
    } finally {
      await h.close();
    }
  });
});
