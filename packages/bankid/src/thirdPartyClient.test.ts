import axios from 'axios';
import { BankIdClientV6 } from 'bankid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTITIES, PREFIX, simulatorHarness, type SimHarness } from './test-support';

/**
 * Compatibility proof: the widely used npm `bankid` client (v3, BankIdClientV6), built for the real service,
 * completes a login against the simulator over a real socket once its axios instance points here.
 */
describe('the third-party bankid client against the simulator', () => {
  let sim: SimHarness;
  let baseURL: string;
  beforeAll(async () => {
    sim = await simulatorHarness();
    await sim.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(sim.app.server.address() as { port: number }).port}${PREFIX}/rp/v6.0/`;
  });
  afterAll(async () => {
    await sim.app.close();
  });

  it('runs auth → collect (pending) → approve → collect (complete)', async () => {
    const client = new BankIdClientV6({ production: false, qrEnabled: false });
    client.axios = axios.create({ baseURL, headers: { 'Content-Type': 'application/json' } });

    const order = await client.authenticate({ endUserIp: '127.0.0.1' });
    expect(order.orderRef).toMatch(/\S+/);
    expect(order.autoStartToken).toMatch(/\S+/);

    const pending = await client.collect({ orderRef: order.orderRef });
    expect(pending.status).toBe('pending');
    expect(pending.hintCode).toBe('outstandingTransaction');

    expect((await sim.tester.open(order.autoStartToken)).status).toBe(303);
    const approved = await sim.approve(order.orderRef, IDENTITIES[0]!.personalNumber);
    expect(approved.statusCode).toBe(303);

    const done = await client.collect({ orderRef: order.orderRef });
    expect(done.status).toBe('complete');
    expect(done.completionData?.user.personalNumber).toBe(IDENTITIES[0]!.personalNumber);
    expect(done.completionData?.signature).toMatch(/^[A-Za-z0-9+/=]+$/);
  });

  it("surfaces the simulator's errors as the client's BankIdError", async () => {
    const client = new BankIdClientV6({ production: false, qrEnabled: false });
    client.axios = axios.create({ baseURL, headers: { 'Content-Type': 'application/json' } });
    await expect(client.collect({ orderRef: 'no-such-order' })).rejects.toMatchObject({ code: 'invalidParameters' });
  });
});
