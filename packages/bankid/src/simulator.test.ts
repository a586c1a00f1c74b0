import Fastify from 'fastify';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { qrData } from './qr';
import { CollectResponseSchema, OrderResponseSchema, type OrderResponse } from './rp-api';
import { bankIdSimulator } from './simulator';
import {
  IDENTITIES,
  PREFIX,
  expectBankIdError,
  expectNoStackTrace,
  simulatorHarness,
  type SimHarness,
} from './test-support';

const [astrid, bertil] = IDENTITIES as [(typeof IDENTITIES)[0], (typeof IDENTITIES)[0]];
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

let sim: SimHarness;
afterEach(async () => {
  await sim?.app.close();
  sim = undefined as unknown as SimHarness;
});

async function startOrder(method: 'auth' | 'sign', body: Record<string, unknown> = {}): Promise<OrderResponse> {
  const res = await sim.rp(method, { endUserIp: '192.0.2.10', ...body });
  expect(res.statusCode).toBe(200);
  return OrderResponseSchema.parse(res.json());
}

async function collect(orderRef: string) {
  const res = await sim.rp('collect', { orderRef });
  expect(res.statusCode).toBe(200);
  return CollectResponseSchema.parse(res.json());
}

describe('RP API: auth and collect', () => {
  it('answers an auth order with four distinct tokens and collects it pending', async () => {
    sim = await simulatorHarness();
    const order = await startOrder('auth');
    for (const value of Object.values(order)) expect(value).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(Object.values(order)).size).toBe(4);
    expect(await collect(order.orderRef)).toEqual({
      orderRef: order.orderRef,
      status: 'pending',
      hintCode: 'outstandingTransaction',
    });
  });

  it('completes with the chosen identity once the tester approves in the app', async () => {
    sim = await simulatorHarness();
    const order = await startOrder('auth');

    const approved = await sim.approve(order.orderRef, bertil.personalNumber);
    expect(approved.statusCode).toBe(303);
    expect(approved.headers.location).toBe(`${PREFIX}/app?meddelande=godkand`);

    const result = await collect(order.orderRef);
    if (result.status !== 'complete') throw new Error(`expected complete, got ${result.status}`);
    const data = result.completionData;
    expect(data.user).toEqual({
      personalNumber: bertil.personalNumber,
      name: 'Bertil Provander',
      givenName: 'Bertil',
      surname: 'Provander',
    });
    expect(data.device.ipAddress).toBe('192.0.2.10');
    expect(data.device.uhi).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(data.bankIdIssueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(data.stepUp).toBeUndefined();
    const xml = Buffer.from(data.signature, 'base64').toString('utf8');
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">');
    expect(xml).toContain('<funcId>Identification</funcId>');
    expect(xml).toContain('not a real signature');
    expect(Buffer.from(data.ocspResponse, 'base64').toString()).toContain('SIMULATED OCSP');

    // Still collectable after completion, and the page no longer lists it as pending.
    expect((await collect(order.orderRef)).status).toBe('complete');
    expect(await sim.appPage()).not.toContain(order.orderRef.slice(0, 8));
  });

  it('reports userSign once the tester has opened the order in the app', async () => {
    sim = await simulatorHarness();
    const order = await startOrder('auth');
    const page = await sim.tester.get(`/orders/${order.orderRef}`);
    expect(page.status).toBe(200);
    expect(await collect(order.orderRef)).toMatchObject({ status: 'pending', hintCode: 'userSign' });
  });

  it('reports a passport step-up when the RP required one', async () => {
    sim = await simulatorHarness();
    const order = await startOrder('auth', { requirement: { mrtd: true } });
    await sim.approve(order.orderRef, astrid.personalNumber);
    const result = await collect(order.orderRef);
    expect(result.status === 'complete' && result.completionData.stepUp).toEqual({ mrtd: true });
  });
});

describe('RP API: sign', () => {
  it('shows the text to sign on the page, escaped, and signs it', async () => {
    sim = await simulatorHarness();
    const text = 'Ansökan om bygglov för <script>alert("x")</script> & Åsa\'s garage';
    const order = await startOrder('sign', { userVisibleData: b64(text), userVisibleDataFormat: 'simpleMarkdownV1' });

    const page = await sim.appPage();
    expect(page).toContain(`Underskrift, order ${order.orderRef.slice(0, 8)}`);
    expect(page).toContain(
      'Ansökan om bygglov för &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; Åsa&#39;s garage',
    );
    expect(page).not.toContain('<script');

    await sim.approve(order.orderRef, astrid.personalNumber);
    const result = await collect(order.orderRef);
    if (result.status !== 'complete') throw new Error('expected complete');
    const xml = Buffer.from(result.completionData.signature, 'base64').toString('utf8');
    expect(xml).toContain('<funcId>Signing</funcId>');
    expect(xml).toContain(`<usrVisibleData charset="UTF-8" visible="wysiwys">${b64(text)}</usrVisibleData>`);
  });

  it('refuses a sign order without userVisibleData', async () => {
    sim = await simulatorHarness();
    const res = await sim.rp('sign', { endUserIp: '192.0.2.10' });
    expect(expectBankIdError(res, 400, 'invalidParameters').details).toContain('userVisibleData');
  });
});

describe('order lifetime', () => {
  it('expires a pending order by the injected clock, then forgets it', async () => {
    sim = await simulatorHarness({ orderTtlMs: 180_000 });
    const order = await startOrder('auth');
    sim.advance(179_999);
    expect((await collect(order.orderRef)).status).toBe('pending');
    sim.advance(1);
    expect(await collect(order.orderRef)).toMatchObject({ status: 'failed', hintCode: 'expiredTransaction' });
    expect(await sim.appPage()).not.toContain(order.orderRef.slice(0, 8));

    const late = await sim.approve(order.orderRef, astrid.personalNumber);
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('role="alert">Ordern finns inte eller är inte längre pågående.');

    sim.advance(180_000);
    const gone = await sim.rp('collect', { orderRef: order.orderRef });
    expect(expectBankIdError(gone, 400, 'invalidParameters').details).toBe('No such order');
  });

  it('answers alreadyInProgress and cancels the first order when the same person is asked twice', async () => {
    sim = await simulatorHarness();
    const requirement = { personalNumber: astrid.personalNumber };
    const first = await startOrder('auth', { requirement });
    const second = await sim.rp('sign', { endUserIp: '192.0.2.11', userVisibleData: b64('Hej'), requirement });
    expectBankIdError(second, 400, 'alreadyInProgress');
    expect(await collect(first.orderRef)).toMatchObject({ status: 'failed', hintCode: 'cancelled' });
    // Nothing is in progress any more, so the next try goes through.
    await startOrder('auth', { requirement });
  });

  it('lets the RP cancel an order, after which it is unknown', async () => {
    sim = await simulatorHarness();
    const order = await startOrder('auth');
    const res = await sim.rp('cancel', { orderRef: order.orderRef });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({});
    expectBankIdError(await sim.rp('collect', { orderRef: order.orderRef }), 400, 'invalidParameters');
    expectBankIdError(await sim.rp('cancel', { orderRef: order.orderRef }), 400, 'invalidParameters');
  });

  it('fails with userCancel when the tester presses Avbryt', async () => {
    sim = await simulatorHarness();
    const order = await startOrder('auth');
    const res = await sim.tester.answer(order.orderRef, 'cancel');
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${PREFIX}/app?meddelande=avbruten`);
    expect(await collect(order.orderRef)).toMatchObject({ status: 'failed', hintCode: 'userCancel' });
  });
});

describe('RP API: invalid input', () => {
  const valid = { endUserIp: '192.0.2.10' };
  const cases: [string, Record<string, unknown>, string][] = [
    ['missing endUserIp', {}, 'endUserIp'],
    ['endUserIp that is no IP address', { endUserIp: '192.0.2.300' }, 'endUserIp'],
    ['userVisibleData that is not base64', { ...valid, userVisibleData: 'inte base64!' }, 'userVisibleData'],
    ['userVisibleData over 1500 characters', { ...valid, userVisibleData: b64('x'.repeat(1_200)) }, 'userVisibleData'],
    [
      'userVisibleData that is not UTF-8',
      { ...valid, userVisibleData: Buffer.from([0xff, 0xfe]).toString('base64') },
      'userVisibleData',
    ],
    ['userNonVisibleData that is not base64', { ...valid, userNonVisibleData: '%%%' }, 'userNonVisibleData'],
    [
      'an unknown userVisibleDataFormat',
      { ...valid, userVisibleData: b64('Hej'), userVisibleDataFormat: 'html' },
      'userVisibleDataFormat',
    ],
    [
      'a personalNumber that is not 12 digits',
      { ...valid, requirement: { personalNumber: '520617-2339' } },
      'requirement.personalNumber',
    ],
    ['a returnUrl that is not http(s)', { ...valid, returnUrl: 'javascript:alert(1)' }, 'returnUrl'],
  ];

  it.each(cases)('refuses %s with invalidParameters naming the field', async (_name, body, fieldName) => {
    sim = await simulatorHarness();
    const { details } = expectBankIdError(await sim.rp('auth', body), 400, 'invalidParameters');
    expect(details).toContain(fieldName);
  });

  it('accepts every optional field at its documented form', async () => {
    sim = await simulatorHarness();
    await startOrder('auth', {
      endUserIp: '2001:db8::1',
      requirement: {
        pinCode: true,
        mrtd: false,
        certificatePolicies: ['1.2.752.78.1.5'],
        personalNumber: astrid.personalNumber,
      },
      userVisibleData: b64('# Logga in\n\nPå *Lovisa*'),
      userVisibleDataFormat: 'simpleMarkdownV1',
      userNonVisibleData: b64('ärende 2025-123'),
      returnUrl: 'https://lovisa.example/login#nonce=abc',
    });
  });

  it('refuses malformed JSON with invalidParameters', async () => {
    sim = await simulatorHarness();
    const res = await sim.app.inject({
      method: 'POST',
      url: `${PREFIX}/rp/v6.0/auth`,
      headers: { 'content-type': 'application/json' },
      payload: '{"endUserIp": "192.0.2.10",',
    });
    expectBankIdError(res, 400, 'invalidParameters');
  });

  it('refuses an empty JSON body with invalidParameters', async () => {
    sim = await simulatorHarness();
    const res = await sim.app.inject({
      method: 'POST',
      url: `${PREFIX}/rp/v6.0/collect`,
      headers: { 'content-type': 'application/json' },
    });
    expectBankIdError(res, 400, 'invalidParameters');
  });

  // Real BankID answers a body that is not JSON with 415 unsupportedMediaType, not invalidParameters.
  it.each([
    ['text/plain', '{"endUserIp":"192.0.2.10"}'],
    ['application/x-www-form-urlencoded', 'endUserIp=192.0.2.10'],
  ])('refuses a %s body with 415 unsupportedMediaType', async (contentType, payload) => {
    sim = await simulatorHarness();
    const res = await sim.app.inject({
      method: 'POST',
      url: `${PREFIX}/rp/v6.0/auth`,
      headers: { 'content-type': contentType },
      payload,
    });
    expectBankIdError(res, 415, 'unsupportedMediaType');
  });

  it('refuses a body over the size limit without a 5xx', async () => {
    sim = await simulatorHarness();
    const res = await sim.rp('auth', { endUserIp: '192.0.2.10', padding: 'x'.repeat(600 * 1024) });
    expectBankIdError(res, 400, 'invalidParameters');
  });

  it('answers an unknown or missing orderRef with invalidParameters, as BankID does', async () => {
    sim = await simulatorHarness();
    const unknown = await sim.rp('collect', { orderRef: '131daac9-16c6-4618-beb0-365768f37288' });
    expect(expectBankIdError(unknown, 400, 'invalidParameters').details).toBe('No such order');
    expectBankIdError(await sim.rp('collect', {}), 400, 'invalidParameters');
    expectBankIdError(await sim.rp('cancel', { orderRef: 42 }), 400, 'invalidParameters');
  });

  it('answers unknown paths with 404 notFound and wrong methods with 405 methodNotAllowed', async () => {
    sim = await simulatorHarness();
    expectBankIdError(await sim.app.inject({ method: 'POST', url: `${PREFIX}/rp/v5.1/auth` }), 404, 'notFound');
    expectBankIdError(await sim.app.inject({ method: 'GET', url: `${PREFIX}/nothing-here` }), 404, 'notFound');
    const wrongMethod = await sim.app.inject({ method: 'GET', url: `${PREFIX}/rp/v6.0/collect` });
    expectBankIdError(wrongMethod, 405, 'methodNotAllowed');
    expect(wrongMethod.headers.allow).toBe('POST');
    const getApprove = await sim.app.inject({ method: 'GET', url: `${PREFIX}/app/orders/abc/approve` });
    expectBankIdError(getApprove, 405, 'methodNotAllowed');
  });

  it('answers a failure inside the simulator with internalError and no stack trace', async () => {
    sim = await simulatorHarness({
      identities: async () => {
        throw new Error('fixture file missing at /secret/path.ts:12');
      },
    });
    const res = await sim.app.inject({ method: 'GET', url: `${PREFIX}/app` });
    expectBankIdError(res, 500, 'internalError');
    expect(res.body).not.toContain('secret');
  });
});

describe('encapsulation', () => {
  it("keeps BankID's error shape and parsers inside its prefix", async () => {
    const app = Fastify();
    app.post('/api/echo', async (request) => ({ got: request.body }));
    await app.register(bankIdSimulator, { prefix: PREFIX, identities: async () => IDENTITIES });
    onTestFinished(() => app.close());

    const hostBadJson = await app.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{',
    });
    expect(hostBadJson.statusCode).toBe(400);
    expect(hostBadJson.json()).not.toHaveProperty('errorCode');

    const hostText = await app.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { 'content-type': 'text/plain' },
      payload: 'hej',
    });
    expect(hostText.json()).toEqual({ got: 'hej' });

    const hostMissing = await app.inject({ method: 'GET', url: '/api/nothing' });
    expect(hostMissing.statusCode).toBe(404);
    expect(hostMissing.json()).not.toHaveProperty('errorCode');
  });
});

describe('test BankID app page', () => {
  it('is a Swedish page without scripts or external resources', async () => {
    sim = await simulatorHarness();
    const res = await sim.app.inject({ method: 'GET', url: `${PREFIX}/app` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(res.body).toContain('<h1>Test-BankID</h1>');
    expect(res.body).toContain('simulator');
    expect(res.body).toContain('Inga pågående order');
    expect(res.body).not.toMatch(/<script|<link|src=|https?:\/\//);
    const browser = sim.browserAt('192.0.2.99');
    expect((await browser.get('/')).body).toBe((await browser.get('')).body);
  });

  it('lists pending orders newest first, each a labelled region with an identity select', async () => {
    sim = await simulatorHarness();
    const older = await startOrder('auth');
    sim.advance(5_000);
    const newer = await startOrder('sign', { userVisibleData: b64('Bygglov') });
    const page = await sim.appPage();

    const newerAt = page.indexOf(`Underskrift, order ${newer.orderRef.slice(0, 8)}`);
    const olderAt = page.indexOf(`Legitimering, order ${older.orderRef.slice(0, 8)}`);
    expect(newerAt).toBeGreaterThan(-1);
    expect(olderAt).toBeGreaterThan(newerAt);

    const sections = page.match(/<section[^>]*>/g) ?? [];
    expect(sections).toEqual([
      `<section class="order" aria-labelledby="order-${newer.orderRef}">`,
      `<section class="order" aria-labelledby="order-${older.orderRef}">`,
    ]);
    expect(page).toContain(`<h3 id="order-${newer.orderRef}">`);
    expect(page).toContain(`<label for="identitet-${newer.orderRef}">Identitet</label>`);
    expect(page).toContain(`<select id="identitet-${newer.orderRef}" name="personalNumber" required>`);
    expect(page).toContain('<option value="195206172339">Astrid Testsson (19520617-2339)</option>');
    expect(page).toContain('Startad för</dt><dd>0 s sedan');
    expect(page).toContain('Startad för</dt><dd>5 s sedan');
    expect(page.match(/>Godkänn<\/button>/g)).toHaveLength(2);
    expect(page.match(/>Avbryt<\/button>/g)).toHaveLength(2);
  });

  it('offers only the required identity, and refuses another one', async () => {
    sim = await simulatorHarness();
    const order = await startOrder('auth', { requirement: { personalNumber: bertil.personalNumber } });
    const page = await sim.appPage();
    expect(page).toContain('Krävt personnummer</dt><dd>19641119-3086');
    expect(page).toContain('<option value="196411193086" selected>Bertil Provander (19641119-3086)</option>');
    expect(page).not.toContain('Astrid Testsson');

    const wrong = await sim.approve(order.orderRef, astrid.personalNumber);
    expect(wrong.statusCode).toBe(403);
    expect(wrong.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(wrong.body).toContain('role="alert">Ordern kräver ett annat personnummer');
    expect((await collect(order.orderRef)).status).toBe('pending');

    await sim.approve(order.orderRef, bertil.personalNumber);
    expect((await collect(order.orderRef)).status).toBe('complete');
  });

  it('offers only cancelling when the required person is not a fixture identity', async () => {
    sim = await simulatorHarness();
    await startOrder('auth', { requirement: { personalNumber: '198306219299' } });
    const page = await sim.appPage();
    expect(page).toContain('som inte finns bland testidentiteterna');
    expect(page).not.toContain('>Godkänn</button>');
    expect(page).toContain('>Avbryt</button>');
  });

  it('refuses an approval without an identity or with an unknown one', async () => {
    sim = await simulatorHarness();
    const order = await startOrder('auth');
    const none = await sim.approve(order.orderRef, '');
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('role="alert">Välj en identitet');
    const unknown = await sim.approve(order.orderRef, '198306219299');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('role="alert">Den valda identiteten finns inte');
    expect((await collect(order.orderRef)).status).toBe('pending');
  });

  it('shows only known notices and ignores anything else in the query', async () => {
    sim = await simulatorHarness();
    const known = await sim.app.inject({ method: 'GET', url: `${PREFIX}/app?meddelande=godkand` });
    expect(known.body).toContain('role="status">Ordern är godkänd');
    const refusalCode = await sim.app.inject({ method: 'GET', url: `${PREFIX}/app?meddelande=felPerson` });
    expect(refusalCode.body).not.toContain('role="alert"');
    const unknown = await sim.app.inject({ method: 'GET', url: `${PREFIX}/app?meddelande=%3Cb%3Ehej` });
    expect(unknown.body).not.toContain('role="alert"');
    expect(unknown.body).not.toContain('<b>hej');
  });
});

describe('test BankID app: finding an order by QR data or autostart token', () => {
  // A phone elsewhere than the computer that started the order: the code is all it has.
  const phoneIp = '203.0.113.5';
  async function find(code: string) {
    return sim.app.inject({
      method: 'GET',
      url: `${PREFIX}/app/find?kod=${encodeURIComponent(code)}`,
      remoteAddress: phoneIp,
    });
  }

  it('accepts a valid animated QR code and opens that order', async () => {
    sim = await simulatorHarness();
    const order = await startOrder('auth');
    const phone = sim.browserAt(phoneIp);
    const res = await phone.open(qrData(order.qrStartToken, order.qrStartSecret, 7));
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${PREFIX}/app/orders/${order.orderRef}`);
    const page = await phone.get(`/orders/${order.orderRef}`);
    expect(page.body).toContain(`Legitimering, order ${order.orderRef.slice(0, 8)}`);
    expect(await collect(order.orderRef)).toMatchObject({ status: 'pending', hintCode: 'userSign' });
  });

  it('rejects a QR code whose HMAC was tampered with', async () => {
    sim = await simulatorHarness();
    const order = await startOrder('auth');
    const genuine = qrData(order.qrStartToken, order.qrStartSecret, 7);
    const tampered = genuine.slice(0, -1) + (genuine.endsWith('0') ? '1' : '0');
    const res = await find(tampered);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('role="alert">QR-datan är ogiltig');
    // A genuine code for another second is no code for this one.
    const shifted = genuine.replace('.7.', '.8.');
    expect((await find(shifted)).statusCode).toBe(400);
    expect(await collect(order.orderRef)).toMatchObject({ hintCode: 'outstandingTransaction' });
  });

  it('finds an order by its autostart token, and not by anything else', async () => {
    sim = await simulatorHarness();
    const order = await startOrder('auth');
    const res = await find(order.autoStartToken);
    expect(res.headers.location).toBe(`${PREFIX}/app/orders/${order.orderRef}`);
    expect((await find(order.orderRef)).statusCode).toBe(404);
    expect((await find('bankid.nonsense')).statusCode).toBe(400);
  });

  it('says so when an opened order has ended', async () => {
    sim = await simulatorHarness();
    const order = await startOrder('auth');
    await sim.rp('cancel', { orderRef: order.orderRef });
    const res = await sim.app.inject({
      method: 'GET',
      url: `${PREFIX}/app/orders/${order.orderRef}`,
      remoteAddress: '192.0.2.10',
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('inte längre pågående');
    expectNoStackTrace(res.body);
  });
});
