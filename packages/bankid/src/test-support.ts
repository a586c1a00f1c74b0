import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { bankIdSimulator, type SimIdentity, type SimOrderStore, type OrderLimits } from './simulator';
import { TestAppBrowser, injectSender } from './testAppClient';

/** Skatteverket's published test personnummer: they belong to no one. */
export const IDENTITIES: SimIdentity[] = [
  { personalNumber: '195206172339', givenName: 'Astrid', surname: 'Testsson' },
  { personalNumber: '196411193086', givenName: 'Bertil', surname: 'Provander' },
  { personalNumber: '198202029289', givenName: 'Cecilia', surname: 'Demo' },
];

export const PREFIX = '/bankid-sim';
export const START = Date.UTC(2025, 0, 15, 9, 0, 0);
/** Where the tests' end user is: orders are started for this address, and the tester's browser is there. */
export const TESTER_IP = '192.0.2.10';

export interface SimHarness {
  app: FastifyInstance;
  advance(ms: number): void;
  /** POST JSON to the RP API, path relative to `/rp/v6.0`. */
  rp(method: string, body: unknown): Promise<LightMyRequestResponse>;
  /** Approves in the test app, from the tester's browser (cookie and form token as a browser sends them). */
  approve(
    orderRef: string,
    personalNumber: string,
  ): Promise<{
    statusCode: number;
    headers: { location?: string | undefined; 'content-type'?: string | undefined };
    body: string;
  }>;
  appPage(): Promise<string>;
  /** The tester's browser, at TESTER_IP. */
  tester: TestAppBrowser;
  /** Another browser, elsewhere. */
  browserAt(ip: string): TestAppBrowser;
}

export async function simulatorHarness(
  options: {
    identities?: () => Promise<SimIdentity[]>;
    orderTtlMs?: number;
    store?: SimOrderStore;
    limits?: Partial<OrderLimits>;
  } = {},
): Promise<SimHarness> {
  let now = START;
  const app = Fastify();
  await app.register(bankIdSimulator, {
    prefix: PREFIX,
    identities: options.identities ?? (async () => IDENTITIES),
    clock: () => now,
    ...(options.orderTtlMs === undefined ? {} : { orderTtlMs: options.orderTtlMs }),
    ...(options.store ? { store: options.store } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  await app.ready();
  const browserAt = (ip: string) => new TestAppBrowser(injectSender(app, ip), `${PREFIX}/app`);
  const tester = browserAt(TESTER_IP);
  return {
    app,
    advance: (ms) => {
      now += ms;
    },
    rp: (method, body) => app.inject({ method: 'POST', url: `${PREFIX}/rp/v6.0/${method}`, payload: body as object }),
    approve: async (orderRef, personalNumber) => {
      const res = await tester.approve(orderRef, personalNumber);
      return {
        statusCode: res.status,
        headers: { location: res.location, 'content-type': res.contentType },
        body: res.body,
      };
    },
    appPage: async () => (await tester.get()).body,
    tester,
    browserAt,
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
