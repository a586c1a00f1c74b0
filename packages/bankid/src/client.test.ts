import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BankIdRpClient } from './client';
import { BankIdError } from './errors';
import { TestAppBrowser, fetchSender } from './testAppClient';
import { IDENTITIES, PREFIX, simulatorHarness, type SimHarness } from './test-support';

const astrid = IDENTITIES[0]!;

async function rejection(promise: Promise<unknown>): Promise<BankIdError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(BankIdError);
    return err as BankIdError;
  }
  throw new Error('expected a BankIdError');
}

describe('BankIdRpClient against the simulator on a real socket', () => {
  let sim: SimHarness;
  let origin: string;
  let client: BankIdRpClient;

  beforeAll(async () => {
    sim = await simulatorHarness();
    origin = await sim.app.listen({ port: 0, host: '127.0.0.1' });
    client = new BankIdRpClient({ baseUrl: `${origin}${PREFIX}/`, timeoutMs: 5_000 });
  });
  afterAll(async () => {
    await sim.app.close();
  });

  it('logs in: auth, pending, approve through the app form, complete', async () => {
    const order = await client.auth({ endUserIp: '198.51.100.7' });
    expect(await client.collect(order.orderRef)).toEqual({
      orderRef: order.orderRef,
      status: 'pending',
      hintCode: 'outstandingTransaction',
    });

    // The phone is elsewhere than the computer that started the order: it opens the order by its autostart token.
    const phone = new TestAppBrowser(fetchSender(origin), `${PREFIX}/app`);
    expect((await phone.open(order.autoStartToken)).status).toBe(303);
    const form = await phone.approve(order.orderRef, astrid.personalNumber);
    expect(form.status).toBe(303);
    expect(form.location).toBe(`${PREFIX}/app?meddelande=godkand`);

    const result = await client.collect(order.orderRef);
    expect(result.status).toBe('complete');
    if (result.status !== 'complete') return;
    expect(result.completionData.user).toEqual({
      personalNumber: astrid.personalNumber,
      name: 'Astrid Testsson',
      givenName: 'Astrid',
      surname: 'Testsson',
    });
    expect(result.completionData.device.ipAddress).toBe('198.51.100.7');
  });

  it('signs, and cancels an order which is then unknown', async () => {
    const order = await client.sign({
      endUserIp: '198.51.100.7',
      userVisibleData: Buffer.from('Jag skickar in ansökan om bygglov.').toString('base64'),
      userVisibleDataFormat: 'simpleMarkdownV1',
    });
    await client.cancel(order.orderRef);
    const err = await rejection(client.collect(order.orderRef));
    expect(err).toMatchObject({ errorCode: 'invalidParameters', details: 'No such order', httpStatus: 400 });
  });

  it("throws BankID's errorCode for a refused request", async () => {
    const requirement = { personalNumber: astrid.personalNumber };
    await client.auth({ endUserIp: '198.51.100.7', requirement });
    const err = await rejection(client.auth({ endUserIp: '198.51.100.7', requirement }));
    expect(err).toMatchObject({ errorCode: 'alreadyInProgress', httpStatus: 400 });
    expect(err.message).not.toMatch(/\n\s+at /);

    const invalid = await rejection(client.auth({ endUserIp: 'not-an-ip' }));
    expect(invalid).toMatchObject({ errorCode: 'invalidParameters', httpStatus: 400 });
    expect(invalid.details).toContain('endUserIp');
  });
});

describe('BankIdRpClient when BankID misbehaves', () => {
  let silent: Server;
  let silentOrigin: string;

  beforeAll(async () => {
    // Accepts the request and never answers: the client must give up on its own.
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentOrigin = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('gives up after timeoutMs with unavailable', async () => {
    const client = new BankIdRpClient({ baseUrl: silentOrigin, timeoutMs: 150 });
    const started = Date.now();
    const err = await rejection(client.collect('131daac9-16c6-4618-beb0-365768f37288'));
    expect(err).toMatchObject({ errorCode: 'unavailable', httpStatus: null });
    expect(err.details).toContain('150 ms');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports a refused connection as unavailable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const client = new BankIdRpClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 2_000 });
    expect(await rejection(client.auth({ endUserIp: '127.0.0.1' }))).toMatchObject({
      errorCode: 'unavailable',
      details: 'Could not reach BankID',
      httpStatus: null,
    });
  });

  function stubbed(status: number, body: string, calls: { url: string; init: RequestInit | undefined }[] = []) {
    return new BankIdRpClient({
      baseUrl: 'https://appapi2.test.bankid.com',
      fetch: async (url, init) => {
        calls.push({ url: String(url), init });
        return new Response(body, { status, headers: { 'content-type': 'application/json' } });
      },
    });
  }

  it('posts JSON to {baseUrl}/rp/v6.0/{method}', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    await stubbed(200, '{}', calls).cancel('abc');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://appapi2.test.bankid.com/rp/v6.0/cancel');
    expect(calls[0]!.init?.method).toBe('POST');
    expect(new Headers(calls[0]!.init?.headers).get('content-type')).toBe('application/json');
    expect(calls[0]!.init?.body).toBe('{"orderRef":"abc"}');
  });

  it('refuses a success answer that is not the documented shape', async () => {
    const err = await rejection(stubbed(200, '{"orderRef":"x","status":"weird"}').collect('x'));
    expect(err).toMatchObject({ errorCode: 'invalidResponse', httpStatus: 200 });
  });

  it('passes maintenance through and maps an unreadable 5xx to internalError', async () => {
    const maintenance = await rejection(
      stubbed(503, '{"errorCode":"maintenance","details":"Try again later"}').auth({ endUserIp: '::1' }),
    );
    expect(maintenance).toMatchObject({ errorCode: 'maintenance', details: 'Try again later', httpStatus: 503 });
    const html = await rejection(stubbed(502, '<html>Bad gateway</html>').auth({ endUserIp: '::1' }));
    expect(html).toMatchObject({ errorCode: 'internalError', httpStatus: 502 });
  });

  it('accepts hint codes BankID adds later, and ignores fields it does not know', async () => {
    const result = await stubbed(200, '{"orderRef":"x","status":"pending","hintCode":"someNewCode","extra":1}').collect(
      'x',
    );
    expect(result).toEqual({ orderRef: 'x', status: 'pending', hintCode: 'someNewCode' });
  });
});
