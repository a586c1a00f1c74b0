import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimOrder } from '@lovisa/bankid';
import { createTestDatabase, dbKinds, type TestDatabase } from '../test/databases';
import { dbSimOrderStore } from './simOrderStore';

const PN = '193502234796';
const T0 = Date.parse('2026-12-04T10:00:00Z');

function order(over: Partial<SimOrder> & { personalNumber?: string; ip?: string } = {}): SimOrder {
  const { personalNumber = PN, ip = '127.0.0.1', ...rest } = over;
  return {
    orderRef: randomUUID(),
    kind: 'sign',
    createdAt: T0,
    expiresAt: T0 + 30_000,
    endUserIp: ip,
    requirement: { personalNumber },
    userVisibleData: undefined,
    userNonVisibleData: undefined,
    autoStartToken: randomUUID(),
    qrStartToken: randomUUID(),
    qrStartSecret: randomUUID(),
    openedBy: undefined,
    outcome: { status: 'pending', hintCode: 'outstandingTransaction' },
    ...rest,
  };
}

describe.each(dbKinds)('the simulator order book in the database (%s)', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t.drop());

  it('keeps one pending order per person; one past its time gives way without a sweep', async () => {
    const store = dbSimOrderStore(t.database.db);
    const first = order();
    expect(await store.insert(first, T0)).toBe(true);
    expect(await store.insert(order(), T0 + 1_000)).toBe(false);
    // Past the first one's time, though no sweep has marked it: the new order takes the place.
    const second = order({ createdAt: T0 + 31_000, expiresAt: T0 + 61_000 });
    expect(await store.insert(second, T0 + 31_000)).toBe(true);
    expect((await store.get(first.orderRef))?.outcome).toMatchObject({
      status: 'failed',
      hintCode: 'expiredTransaction',
    });
    expect((await store.get(second.orderRef))?.outcome.status).toBe('pending');
  });

  it('counts the pending orders, all and from one address, in one answer', async () => {
    const store = dbSimOrderStore(t.database.db);
    const now = T0 + 100_000;
    const fresh = (personalNumber: string, ip: string) =>
      order({ personalNumber, ip, createdAt: now, expiresAt: now + 30_000 });
    const before = await store.countPending({ now, endUserIp: '10.0.0.7' });
    expect(await store.insert(fresh('193609116094', '10.0.0.7'), now)).toBe(true);
    expect(await store.insert(fresh('193703119168', '10.0.0.7'), now)).toBe(true);
    expect(await store.insert(fresh('193705269235', '10.0.0.8'), now)).toBe(true);
    expect(await store.countPending({ now, endUserIp: '10.0.0.7' })).toEqual({
      total: before.total + 3,
      fromIp: before.fromIp + 2,
    });
    // Once their time has passed they count no more, swept or not.
    expect(await store.countPending({ now: now + 30_000, endUserIp: '10.0.0.7' })).toEqual({ total: 0, fromIp: 0 });
  });
});
