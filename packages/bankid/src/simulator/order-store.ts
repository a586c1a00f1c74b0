import type { CompletionData, FailedHintCode, Requirement } from '../rp-api';

export type OrderKind = 'auth' | 'sign';

export type OrderOutcome =
  | { status: 'pending'; hintCode: 'outstandingTransaction' | 'userSign' }
  | { status: 'failed'; hintCode: FailedHintCode; endedAt: number }
  | { status: 'complete'; completionData: CompletionData; endedAt: number };

/** One order as BankID keeps it: plain data, so any store can hold it. */
export interface SimOrder {
  readonly orderRef: string;
  readonly kind: OrderKind;
  readonly createdAt: number;
  /** When a still-pending order becomes `expiredTransaction`; fixed at start, so a restart keeps the deadline. */
  readonly expiresAt: number;
  readonly endUserIp: string;
  readonly requirement: Requirement;
  readonly userVisibleData: string | undefined;
  readonly userNonVisibleData: string | undefined;
  readonly autoStartToken: string;
  readonly qrStartToken: string;
  readonly qrStartSecret: string;
  /** The test app (by its device cookie) that opened the order; a second device cannot take it over. */
  readonly openedBy: string | undefined;
  readonly outcome: OrderOutcome;
}

/** Who is looking at the test app: the address they come from and their test app's device cookie. */
export interface Viewer {
  ip: string;
  device: string;
}

/**
 * Where the simulator keeps its order book. A real BankID outlives its relying parties' restarts, so the
 * simulator's orders must too: the server provides a store in its database, unit tests the in-memory one.
 *
 * Every method takes `now` where it matters and treats a pending order past `expiresAt` as no longer pending,
 * whether or not `sweep` has run yet: sweeping keeps the store small, it never decides an outcome.
 */
export interface SimOrderStore {
  /**
   * Adds a pending order unless another order still pending at `now` requires the same personal number
   * (false then). Atomic, also between processes sharing the store: BankID allows one order per person.
   */
  insert(order: SimOrder, now: number): Promise<boolean>;
  get(orderRef: string): Promise<SimOrder | undefined>;
  /** Sets the outcome (and `openedBy`, when given) only if the order is still pending at `now`; true if it was. */
  update(orderRef: string, now: number, change: { outcome: OrderOutcome; openedBy?: string }): Promise<boolean>;
  remove(orderRef: string): Promise<boolean>;
  /** Orders pending at `now`, newest first, at most `limit`. */
  pending(query: { now: number; limit: number; personalNumber?: string; visibleTo?: Viewer }): Promise<SimOrder[]>;
  /** Orders pending at `now`: all of them, and those started from `endUserIp` (one question, one answer). */
  countPending(query: { now: number; endUserIp: string }): Promise<{ total: number; fromIp: number }>;
  /** The order pending at `now` with this autostart or QR start token. */
  findPendingByToken(
    token: { autoStartToken: string } | { qrStartToken: string },
    now: number,
  ): Promise<SimOrder | undefined>;
  /** Marks expired pending orders failed and forgets finished ones that ended at or before `forgetBefore`. */
  sweep(now: number, forgetBefore: number): Promise<void>;
}

const isPending = (o: SimOrder, now: number) => o.outcome.status === 'pending' && now < o.expiresAt;

/** The order book in memory: for unit tests, and for a simulator whose orders may die with its process. */
export class MemoryOrderStore implements SimOrderStore {
  private readonly orders = new Map<string, { order: SimOrder; sequence: number }>();
  private sequence = 0;

  async insert(order: SimOrder, now: number): Promise<boolean> {
    const pn = order.requirement.personalNumber;
    if (
      pn &&
      [...this.orders.values()].some(({ order: o }) => isPending(o, now) && o.requirement.personalNumber === pn)
    )
      return false;
    this.orders.set(order.orderRef, { order, sequence: this.sequence++ });
    return true;
  }

  async get(orderRef: string): Promise<SimOrder | undefined> {
    return this.orders.get(orderRef)?.order;
  }

  async update(orderRef: string, now: number, change: { outcome: OrderOutcome; openedBy?: string }): Promise<boolean> {
    const entry = this.orders.get(orderRef);
    if (!entry || !isPending(entry.order, now)) return false;
    entry.order = {
      ...entry.order,
      outcome: change.outcome,
      ...(change.openedBy ? { openedBy: change.openedBy } : {}),
    };
    return true;
  }

  async remove(orderRef: string): Promise<boolean> {
    return this.orders.delete(orderRef);
  }

  async pending(query: {
    now: number;
    limit: number;
    personalNumber?: string;
    visibleTo?: Viewer;
  }): Promise<SimOrder[]> {
    const { now, personalNumber, visibleTo } = query;
    return [...this.orders.values()]
      .filter(({ order: o }) => isPending(o, now))
      .filter(({ order: o }) => !personalNumber || o.requirement.personalNumber === personalNumber)
      .filter(({ order: o }) => !visibleTo || o.endUserIp === visibleTo.ip || o.openedBy === visibleTo.device)
      .sort((a, b) => b.order.createdAt - a.order.createdAt || b.sequence - a.sequence)
      .slice(0, query.limit)
      .map(({ order }) => order);
  }

  async countPending(query: { now: number; endUserIp: string }): Promise<{ total: number; fromIp: number }> {
    const counts = { total: 0, fromIp: 0 };
    for (const { order } of this.orders.values()) {
      if (!isPending(order, query.now)) continue;
      counts.total++;
      if (order.endUserIp === query.endUserIp) counts.fromIp++;
    }
    return counts;
  }

  async findPendingByToken(
    token: { autoStartToken: string } | { qrStartToken: string },
    now: number,
  ): Promise<SimOrder | undefined> {
    for (const { order } of this.orders.values()) {
      if (!isPending(order, now)) continue;
      if (
        'autoStartToken' in token
          ? order.autoStartToken === token.autoStartToken
          : order.qrStartToken === token.qrStartToken
      )
        return order;
    }
    return undefined;
  }

  async sweep(now: number, forgetBefore: number): Promise<void> {
    for (const entry of this.orders.values()) {
      const o = entry.order;
      if (o.outcome.status === 'pending' && now >= o.expiresAt) {
        entry.order = { ...o, outcome: { status: 'failed', hintCode: 'expiredTransaction', endedAt: o.expiresAt } };
      }
      if (entry.order.outcome.status !== 'pending' && entry.order.outcome.endedAt <= forgetBefore)
        this.orders.delete(o.orderRef);
    }
  }
}
