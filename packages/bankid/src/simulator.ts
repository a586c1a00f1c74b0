import type { FastifyPluginAsync } from 'fastify';
import { appRoutes } from './simulator/app-routes';
import { installErrorHandling } from './simulator/errors';
import type { SimIdentity } from './simulator/identities';
import { MemoryOrderStore, OrderBook, type OrderLimits, type SimOrderStore } from './simulator/order-book';
import { randomBytes } from 'node:crypto';
import { rpRoutes } from './simulator/rp-routes';

export type { SimIdentity } from './simulator/identities';
export {
  MemoryOrderStore,
  type OrderLimits,
  type OrderOutcome,
  type SimOrder,
  type SimOrderStore,
  type Viewer,
} from './simulator/order-book';
export { formatPersonalNumber, identityLabel } from './simulator/identities';

export interface BankIdSimulatorOptions {
  /** Fixture identities a tester can pick in the test app; read on every page view. */
  identities: () => Promise<SimIdentity[]>;
  /** ms since epoch; injectable so tests can expire orders without sleeping. Default Date.now. */
  clock?: () => number;
  /** How long an order stays pending. Default 180 000, BankID's lifetime of a QR order. */
  orderTtlMs?: number;
  /**
   * Where the orders are kept. Default: in memory, lost with the process. A server gives its database, so an
   * order outlives a restart of the simulator as it outlives a restart at BankID.
   */
  store?: SimOrderStore;
  /** Default 1 000 pending in all, 50 per end-user IP address. */
  limits?: Partial<OrderLimits>;
  /** Keys the test app's CSRF tokens; default random per process (an open page then needs a reload after a restart). */
  csrfSecret?: string;
}

/**
 * A stand-in for BankID's RP API v6.0 plus a "test BankID app" page, for demos and tests. Register it with a
 * prefix: `app.register(bankIdSimulator, { prefix: '/bankid-sim', identities })`.
 *
 * Deliberately not wrapped in fastify-plugin: its error handler (BankID's `{errorCode, details}` shape), its
 * 404/405 handling and its content-type parsers must stay inside its prefix and never touch the host's API.
 *
 * Orders live in `store`: in memory by default (per registration), or wherever the host keeps them. Several
 * servers sharing one store (Lovisa's database) act as one BankID; with the in-memory store, point every
 * server at one simulator or an order started through one cannot be collected through another.
 */
export const bankIdSimulator: FastifyPluginAsync<BankIdSimulatorOptions> = async (app, opts) => {
  const clock = opts.clock ?? Date.now;
  const orderTtlMs = opts.orderTtlMs ?? 180_000;
  // Finished orders stay collectable as long again, so a slow poller still learns the outcome.
  const orders = new OrderBook({
    store: opts.store ?? new MemoryOrderStore(),
    clock,
    orderTtlMs,
    retainMs: orderTtlMs,
    limits: { maxPending: opts.limits?.maxPending ?? 1000, maxPendingPerIp: opts.limits?.maxPendingPerIp ?? 50 },
  });

  installErrorHandling(app);
  await app.register(rpRoutes, { orders });
  await app.register(appRoutes, {
    prefix: '/app',
    orders,
    identities: opts.identities,
    clock,
    csrfSecret: opts.csrfSecret ?? randomBytes(32).toString('base64url'),
  });
};
