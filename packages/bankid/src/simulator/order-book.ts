import { randomUUID } from 'node:crypto';
import { parseQrData, qrAuthCodeMatches } from '../qr';
import type { AuthRequest, CompletionData, FailedHintCode } from '../rp-api';
import type { OrderKind, OrderOutcome, SimOrder, SimOrderStore, Viewer } from './order-store';

export type { OrderKind, OrderOutcome, SimOrder, SimOrderStore, Viewer } from './order-store';
export { MemoryOrderStore } from './order-store';

export type StartResult =
  | { ok: true; order: SimOrder }
  | { ok: false; errorCode: 'alreadyInProgress' }
  /** The simulator holds as many pending orders as it may (in all, or for this end-user IP address). */
  | { ok: false; errorCode: 'maintenance'; scope: 'total' | 'endUserIp' };

export type LookupResult = { ok: true; order: SimOrder } | { ok: false; reason: 'malformed' | 'tampered' | 'unknown' };

export interface OrderLimits {
  /** Pending orders at once, in all: what one visitor's flood can cost everyone else. */
  maxPending: number;
  /** Pending orders at once for one end-user IP address. */
  maxPendingPerIp: number;
}

export interface OrderBookOptions {
  store: SimOrderStore;
  clock: () => number;
  orderTtlMs: number;
  /** How long a finished order can still be collected before it is forgotten. */
  retainMs: number;
  limits: OrderLimits;
}

/** The text the user is asked to approve, decoded, if the RP sent any. */
export function visibleText(order: SimOrder): string | undefined {
  return order.userVisibleData === undefined
    ? undefined
    : Buffer.from(order.userVisibleData, 'base64').toString('utf8');
}

/**
 * How often the store is swept (on a start or a read). Sweeping is housekeeping only: every question already
 * treats a pending order past its time as ended, so a start need not wait for it.
 */
const SWEEP_EVERY_MS = 10_000;

/**
 * BankID's order rules over a store. Time only moves when someone looks: expiry is decided on every read by the
 * injected clock (tests never sleep), and sweeping only clears away what has already ended.
 */
export class OrderBook {
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: OrderBookOptions) {}

  private get store() {
    return this.options.store;
  }

  private now() {
    return this.options.clock();
  }

  async start(kind: OrderKind, request: AuthRequest): Promise<StartResult> {
    const now = this.now();
    if (now - this.lastSweep >= SWEEP_EVERY_MS) await this.sweep(now);
    const { maxPending, maxPendingPerIp } = this.options.limits;
    const pending = await this.store.countPending({ now, endUserIp: request.endUserIp });
    if (pending.total >= maxPending) return { ok: false, errorCode: 'maintenance', scope: 'total' };
    if (pending.fromIp >= maxPendingPerIp) return { ok: false, errorCode: 'maintenance', scope: 'endUserIp' };
    const order: SimOrder = {
      orderRef: randomUUID(),
      kind,
      createdAt: now,
      expiresAt: now + this.options.orderTtlMs,
      endUserIp: request.endUserIp,
      requirement: request.requirement ?? {},
      userVisibleData: request.userVisibleData,
      userNonVisibleData: request.userNonVisibleData,
      autoStartToken: randomUUID(),
      qrStartToken: randomUUID(),
      qrStartSecret: randomUUID(),
      openedBy: undefined,
      outcome: { status: 'pending', hintCode: 'outstandingTransaction' },
    };
    if (await this.store.insert(order, now)) return { ok: true, order };
    // As at BankID: a second order for a person already in an order aborts that order and creates none.
    const personalNumber = request.requirement?.personalNumber;
    if (!personalNumber) throw new Error('the order store refused an order that requires no personal number');
    for (const clash of await this.store.pending({ now, limit: 100, personalNumber })) {
      await this.store.update(clash.orderRef, now, {
        outcome: { status: 'failed', hintCode: 'cancelled', endedAt: now },
      });
    }
    return { ok: false, errorCode: 'alreadyInProgress' };
  }

  /** The order as of now: a pending order past its time has expired; one ended long enough ago is forgotten. */
  async get(orderRef: string): Promise<SimOrder | undefined> {
    const order = await this.store.get(orderRef);
    return order && this.asOfNow(order, this.now());
  }

  /** What one test app may list: orders started from its address or opened in it, newest first. */
  async pendingFor(viewer: Viewer, limit: number): Promise<SimOrder[]> {
    const now = this.now();
    if (now - this.lastSweep >= SWEEP_EVERY_MS) await this.sweep(now);
    return this.store.pending({ now, limit, visibleTo: viewer });
  }

  /** Whether this test app may act on the order (it is among what it may list). */
  visibleTo(order: SimOrder, viewer: Viewer): boolean {
    return order.endUserIp === viewer.ip || order.openedBy === viewer.device;
  }

  /**
   * What the app does on scanning a QR code or being started with an autostart token: knowing the code is what
   * lets a device open the order, as at BankID. Once opened in one test app it is not another's to open.
   */
  async lookup(code: string, viewer: Viewer): Promise<LookupResult> {
    const now = this.now();
    const trimmed = code.trim();
    let order = trimmed ? await this.store.findPendingByToken({ autoStartToken: trimmed }, now) : undefined;
    if (!order) {
      const parsed = parseQrData(trimmed);
      if (!parsed) return { ok: false, reason: /^bankid\./.test(trimmed) ? 'malformed' : 'unknown' };
      order = await this.store.findPendingByToken({ qrStartToken: parsed.qrStartToken }, now);
      if (!order) return { ok: false, reason: 'unknown' };
      const maxSeconds = Math.ceil(this.options.orderTtlMs / 1000);
      if (parsed.seconds > maxSeconds || !qrAuthCodeMatches(parsed, order.qrStartSecret))
        return { ok: false, reason: 'tampered' };
    }
    if (order.openedBy && order.openedBy !== viewer.device) return { ok: false, reason: 'unknown' };
    return { ok: true, order };
  }

  /** The user has the order open in this app and is about to enter the security code. */
  async markOpened(order: SimOrder, viewer: Viewer): Promise<void> {
    if (order.outcome.status !== 'pending') return;
    await this.store.update(order.orderRef, this.now(), {
      outcome: { status: 'pending', hintCode: 'userSign' },
      openedBy: viewer.device,
    });
  }

  /** False when the order was no longer pending (another instance or tab answered first, or it expired). */
  async complete(order: SimOrder, completionData: CompletionData): Promise<boolean> {
    const now = this.now();
    return this.store.update(order.orderRef, now, { outcome: { status: 'complete', completionData, endedAt: now } });
  }

  async fail(order: SimOrder, hintCode: FailedHintCode): Promise<boolean> {
    const now = this.now();
    return this.store.update(order.orderRef, now, { outcome: { status: 'failed', hintCode, endedAt: now } });
  }

  /** The RP's cancel: the order is gone, and collecting it afterwards is an unknown order. */
  async remove(orderRef: string): Promise<boolean> {
    const order = await this.get(orderRef);
    return order ? this.store.remove(orderRef) : false;
  }

  private asOfNow(order: SimOrder, now: number): SimOrder | undefined {
    let outcome: OrderOutcome = order.outcome;
    if (outcome.status === 'pending' && now >= order.expiresAt) {
      outcome = { status: 'failed', hintCode: 'expiredTransaction', endedAt: order.expiresAt };
    }
    if (outcome.status !== 'pending' && now - outcome.endedAt >= this.options.retainMs) return undefined;
    return outcome === order.outcome ? order : { ...order, outcome };
  }

  private async sweep(now: number): Promise<void> {
    this.lastSweep = now;
    await this.store.sweep(now, now - this.options.retainMs);
  }
}
