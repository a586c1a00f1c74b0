import type { FastifyPluginAsync } from 'fastify';
import { appRoutes } from './simulator/app-routes';
import { installErrorHandling } from './simulator/errors';
import type { SimIdentity } from './simulator/identities';
import { OrderBook } from './simulator/order-book';
import { rpRoutes } from './simulator/rp-routes';

export type { SimIdentity } from './simulator/identities';
export { formatPersonalNumber, identityLabel } from './simulator/identities';

export interface BankIdSimulatorOptions {
  /** Fixture identities a tester can pick in the test app; read on every page view. */
  identities: () => Promise<SimIdentity[]>;
  /** ms since epoch; injectable so tests can expire orders without sleeping. Default Date.now. */
  clock?: () => number;
  /** How long an order stays pending. Default 180 000, BankID's lifetime of a QR order. */
  orderTtlMs?: number;
}

/**
 * A stand-in for BankID's RP API v6.0 plus a "test BankID app" page, for demos and tests. Register it with a
 * prefix: `app.register(bankIdSimulator, { prefix: '/bankid-sim', identities })`.
 *
 * Deliberately not wrapped in fastify-plugin: its error handler (BankID's `{errorCode, details}` shape), its
 * 404/405 handling and its content-type parsers must stay inside its prefix and never touch the host's API.
 *
 * State lives in memory, per registration. Like real BankID it is an external service: when several Lovisa
 * servers run, point all of them at one simulator (its own process or one chosen server), or an order started
 * through one server cannot be collected through another.
 */
export const bankIdSimulator: FastifyPluginAsync<BankIdSimulatorOptions> = async (app, opts) => {
  const clock = opts.clock ?? Date.now;
  const orderTtlMs = opts.orderTtlMs ?? 180_000;
  // Finished orders stay collectable as long again, so a slow poller still learns the outcome.
  const orders = new OrderBook({ clock, orderTtlMs, retainMs: orderTtlMs });

  installErrorHandling(app);
  await app.register(rpRoutes, { orders });
  await app.register(appRoutes, { prefix: '/app', orders, identities: opts.identities, clock });
};
