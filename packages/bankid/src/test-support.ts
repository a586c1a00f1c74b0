import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { bankIdSimulator, type SimIdentity } from './simulator';

/** Skatteverket's published test personnummer: they belong to no one. */
export const IDENTITIES: SimIdentity[] = [
  { personalNumber: '195206172339', givenName: 'Astrid', surname: 'Testsson' },
  { personalNumber: '196411193086', givenName: 'Bertil', surname: 'Provander' },
  { personalNumber: '198202029289', givenName: 'Cecilia', surname: 'Demo' },
];

export const PREFIX = '/bankid-sim';
export const START = Date.UTC(2025, 0, 15, 9, 0, 0);

export interface SimHarness {
  app: FastifyInstance;
  advance(ms: number): void;
  /** POST JSON to the RP API, path relative to `/rp/v6.0`. */
  rp(method: string, body: unknown): Promise<LightMyRequestResponse>;
  approve(orderRef: string, personalNumber: string): Promise<LightMyRequestResponse>;
  appPage(): Promise<string>;
}

export async function simulatorHarness(
  options: { identities?: () => Promise<SimIdentity[]>; orderTtlMs?: number } = {},
): Promise<SimHarness> {
  let now = START;
  const app = Fastify();
  await app.register(bankIdSimulator, {
    prefix: PREFIX,
    identities: options.identities ?? (async () => IDENTITIES),
    clock: () => now,
    ...(options.orderTtlMs === undefined ? {} : { orderTtlMs: options.orderTtlMs }),
  });
  await app.ready();
  return {
    app,
    advance: (ms) => {
      now += ms;
    },
    rp: (method, body) => app.inject({ method: 'POST', url: `${PREFIX}/rp/v6.0/${method}`, payload: body as object }),
    approve: (orderRef, personalNumber) =>
      app.inject({
        method: 'POST',
        url: `${PREFIX}/app/orders/${orderRef}/approve`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ personalNumber, beslut: 'godkann' }).toString(),
      }),
    appPage: async () => (await app.inject({ method: 'GET', url: `${PREFIX}/app` })).body,
  };
}

/** BankID's error shape exactly, and nothing a stack trace could hide in. */
export function expectBankIdError(
  res: { statusCode: number; body: string },
  status: number,
  errorCode: string,
): { errorCode: string; details: string } {
  expect(res.statusCode).toBe(status);
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['details', 'errorCode']);
  expect(body.errorCode).toBe(errorCode);
  expect(typeof body.details).toBe('string');
  expectNoStackTrace(res.body);
  return body as { errorCode: string; details: string };
}

export function expectNoStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at |\.ts:\d+|node_modules|"stack"/);
}
