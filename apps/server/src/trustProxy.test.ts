import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type AppConfig } from './config';
import { startHarness, type Harness } from './test/harness';

describe('TRUST_PROXY', () => {
  it('is off unless set, and takes a hop count or a list of addresses and ranges', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,fd00::/8' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.5',
      'fd00::/8',
    ]);
    for (const bad of ['true', 'everyone', '10.0.0.0/33', '10.0.0.0/8,', '300.1.1.1', '-1']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });
});

/** The per-IP limit on starting BankID orders (2 a minute here), asked from behind a proxy at 10.0.0.1. */
describe.each<[string, AppConfig['trustProxy'], boolean]>([
  ['off', false, false],
  ['a hop count', 1, true],
  ['the proxy range', ['10.0.0.0/8'], true],
])('the rate-limit identity with TRUST_PROXY %s', (_name, trustProxy, trusted) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('pglite', { trustProxy, bankidStartLimitPerMinute: 2 });
  });
  afterAll(async () => {
    await h?.close();
  });
  const start = (remoteAddress: string, forwardedFor?: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/auth/bankid/start',
      payload: { mode: 'qr' },
      remoteAddress,
      headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    });

  it(
    trusted
      ? 'counts each citizen the proxy names apart'
      : 'counts everyone behind the proxy as one, whatever they claim',
    async () => {
      const statuses = [];
      for (const citizen of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
        statuses.push((await start('10.0.0.1', citizen)).statusCode);
      expect(statuses).toEqual(trusted ? [200, 200, 200] : [200, 200, 429]);
      // One citizen is still held to the limit (untrusted: the proxy's shared one is spent already).
      const again = [
        (await start('10.0.0.1', '198.51.100.1')).statusCode,
        (await start('10.0.0.1', '198.51.100.1')).statusCode,
      ];
      expect(again).toEqual(trusted ? [200, 429] : [429, 429]);
    },
  );

  if (Array.isArray(trustProxy)) {
    it('ignores X-Forwarded-For from an address outside the trusted range', async () => {
      const statuses = [];
      for (const claimed of ['198.51.100.7', '198.51.100.8', '198.51.100.9'])
        statuses.push((await start('203.0.113.9', claimed)).statusCode);
      expect(statuses).toEqual([200, 200, 429]);
    });
  }
});
