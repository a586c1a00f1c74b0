import { afterEach, describe, expect, it } from 'vitest';
import { MemoryOrderStore } from './simulator';
import { IDENTITIES, PREFIX, TESTER_IP, expectBankIdError, simulatorHarness, type SimHarness } from './test-support';

const [astrid] = IDENTITIES as [(typeof IDENTITIES)[0]];
let sim: SimHarness;
afterEach(async () => {
  await sim?.app.close();
});

async function start(endUserIp = TESTER_IP, body: Record<string, unknown> = {}) {
  const res = await sim.rp('auth', { endUserIp, ...body });
  expect(res.statusCode).toBe(200);
  return res.json() as { orderRef: string; autoStartToken: string };
}

describe('the test app shows a browser only its own orders', () => {
  it('lists, opens and answers orders started from its address, and no one else’s', async () => {
    sim = await simulatorHarness();
    const mine = await start();
    const theirs = await start('198.51.100.20', { requirement: { personalNumber: astrid.personalNumber } });
    const page = await sim.appPage();
    expect(page).toContain(mine.orderRef);
    expect(page).not.toContain(theirs.orderRef);
    expect(page).not.toContain('Krävt personnummer</dt><dd>19520617-2339');
    // Knowing another's orderRef is not enough to see, approve or cancel it: it answers as no order at all.
    expect((await sim.tester.get(`/orders/${theirs.orderRef}`)).status).toBe(404);
    expect((await sim.tester.approve(theirs.orderRef, astrid.personalNumber)).status).toBe(409);
    expect((await sim.tester.answer(theirs.orderRef, 'cancel')).status).toBe(409);
    expect((await sim.rp('collect', { orderRef: theirs.orderRef })).json()).toMatchObject({ status: 'pending' });
  });

  it('lets a device open an order by its autostart token, and then no other device', async () => {
    sim = await simulatorHarness();
    const order = await start();
    const phone = sim.browserAt('203.0.113.5');
    expect((await phone.open(order.autoStartToken)).status).toBe(303);
    expect((await phone.get()).body).toContain(order.orderRef);
    const other = sim.browserAt('203.0.113.6');
    expect((await other.open(order.autoStartToken)).status).toBe(404);
    expect((await phone.approve(order.orderRef, astrid.personalNumber)).status).toBe(303);
  });
});

describe('the test app refuses forged forms', () => {
  const form = (orderRef: string, extra: Record<string, string>, headers: Record<string, string> = {}) =>
    sim.app.inject({
      method: 'POST',
      url: `${PREFIX}/app/orders/${orderRef}/approve`,
      remoteAddress: TESTER_IP,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: new URLSearchParams({ personalNumber: astrid.personalNumber, ...extra }).toString(),
    });

  it('without the browser’s CSRF token, with another browser’s, or from another site', async () => {
    sim = await simulatorHarness();
    const order = await start();
    const page = await sim.app.inject({ method: 'GET', url: `${PREFIX}/app`, remoteAddress: TESTER_IP });
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    const token = /name="csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const other = await sim.app.inject({ method: 'GET', url: `${PREFIX}/app`, remoteAddress: TESTER_IP });
    const otherToken = /name="csrf" value="([^"]+)"/.exec(other.body)![1]!;
    expect(otherToken).not.toBe(token);

    expect((await form(order.orderRef, {})).statusCode).toBe(403);
    expect((await form(order.orderRef, { csrf: token })).statusCode).toBe(403); // no cookie
    expect((await form(order.orderRef, {}, { cookie })).statusCode).toBe(403); // no token
    expect((await form(order.orderRef, { csrf: otherToken }, { cookie })).statusCode).toBe(403);
    const crossSite = await form(order.orderRef, { csrf: token }, { cookie, 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.body).toContain('från en annan webbplats');
    expect((await form(order.orderRef, { csrf: token }, { cookie, origin: 'https://evil.example' })).statusCode).toBe(
      403,
    );
    expect((await form(order.orderRef, { csrf: token }, { cookie, 'sec-fetch-site': 'same-site' })).statusCode).toBe(
      403,
    );
    expect((await form(order.orderRef, { csrf: token }, { cookie, origin: 'null' })).statusCode).toBe(403); // an opaque origin, no fetch metadata
    expect((await sim.rp('collect', { orderRef: order.orderRef })).json()).toMatchObject({ status: 'pending' });

    // Chromium's own form post: same-origin by fetch metadata, with the Origin a strict referrer policy makes "null".
    const genuine = await form(
      order.orderRef,
      { csrf: token },
      { cookie, 'sec-fetch-site': 'same-origin', origin: 'null' },
    );
    expect(genuine.statusCode).toBe(303);
    expect((await sim.rp('collect', { orderRef: order.orderRef })).json()).toMatchObject({ status: 'complete' });
  });

  it('sets the device cookie HttpOnly and SameSite=Strict, scoped to the app', async () => {
    sim = await simulatorHarness();
    const page = await sim.app.inject({ method: 'GET', url: `${PREFIX}/app` });
    expect(String(page.headers['set-cookie'])).toMatch(
      new RegExp(`^bankid_sim_app=[\\w-]{32,}; Path=${PREFIX}/app; HttpOnly; SameSite=Strict$`),
    );
  });
});

describe('the order book is bounded', () => {
  it('caps pending orders per end-user address and in all, with BankID’s maintenance answer', async () => {
    sim = await simulatorHarness({ limits: { maxPending: 5, maxPendingPerIp: 3 } });
    for (let i = 0; i < 3; i++) await start();
    expectBankIdError(await sim.rp('auth', { endUserIp: TESTER_IP }), 503, 'maintenance');
    await start('198.51.100.1');
    await start('198.51.100.2');
    expectBankIdError(await sim.rp('auth', { endUserIp: '198.51.100.3' }), 503, 'maintenance');
    // Ended orders free their places.
    sim.advance(180_000);
    await start();
  });

  it('keeps the page small however many orders are attempted, and sweeps expired ones away', async () => {
    const store = new MemoryOrderStore();
    sim = await simulatorHarness({ store });
    const started: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const res = await sim.rp('sign', {
        endUserIp: TESTER_IP,
        userVisibleData: Buffer.from('x'.repeat(1000)).toString('base64'),
      });
      if (res.statusCode === 200) started.push((res.json() as { orderRef: string }).orderRef);
    }
    expect(started).toHaveLength(50);
    const page = await sim.appPage();
    expect(page.length).toBeLessThan(100_000);
    expect(page.match(/<section class="order"/g)).toHaveLength(20);

    sim.advance(180_000 * 2);
    await start('198.51.100.9');
    for (const ref of started) expect(await store.get(ref)).toBeUndefined();
  }, 60_000);
});
