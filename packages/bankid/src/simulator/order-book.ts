import { randomUUID } from 'node:crypto';
import { parseQrData, qrAuthCodeMatches } from '../qr';
import type { AuthRequest, CompletionData, FailedHintCode, Requirement } from '../rp-api';

export type OrderKind = 'auth' | 'sign';

export type OrderOutcome =
  | { status: 'pending'; hintCode: 'outstandingTransaction' | 'userSign' }
  | { status: 'failed'; hintCode: FailedHintCode; endedAt: number }
  | { status: 'complete'; completionData: CompletionData; endedAt: number };

export interface SimOrder {
  readonly orderRef: string;
  readonly kind: OrderKind;
  readonly createdAt: number;
  /** Breaks ties between orders created in the same millisecond (a frozen test clock). */
  readonly sequence: number;
  readonly endUserIp: string;
  readonly requirement: Requirement;
  /** Decoded text the user is asked to approve, if the RP sent any. */
  readonly userVisibleText: string | undefined;
  readonly userVisibleData: string | undefined;
  readonly userNonVisibleData: string | undefined;
  readonly autoStartToken: string;
  readonly qrStartToken: string;
  readonly qrStartSecret: string;
  outcome: OrderOutcome;
}

export type StartResult = { ok: true; order: SimOrder } | { ok: false; errorCode: 'alreadyInProgress' };

export type LookupResult = { ok: true; order: SimOrder } | { ok: false; reason: 'malformed' | 'tampered' | 'unknown' };

export interface OrderBookOptions {
  clock: () => number;
  orderTtlMs: number;
  /** How long a finished order can still be collected before it is forgotten. */
  retainMs: number;
}

/**
 * BankID's order state, in memory. Time only moves when someone looks, so expiry is settled lazily on every
 * read by the injected clock: tests never sleep.
 */
export class OrderBook {
  private readonly orders = new Map<string, SimOrder>();
  private sequence = 0;

  constructor(private readonly options: OrderBookOptions) {}

  start(kind: OrderKind, request: AuthRequest): StartResult {
    this.settle();
    const personalNumber = request.requirement?.personalNumber;
    if (personalNumber) {
      // As at BankID: a second order for a person already in an order aborts that order and creates none.
      const clashing = this.pending().filter((o) => o.requirement.personalNumber === personalNumber);
      if (clashing.length > 0) {
        for (const order of clashing) this.fail(order, 'cancelled');
        return { ok: false, errorCode: 'alreadyInProgress' };
      }
    }
    const order: SimOrder = {
      orderRef: randomUUID(),
      kind,
      createdAt: this.options.clock(),
      sequence: this.sequence++,
      endUserIp: request.endUserIp,
      requirement: request.requirement ?? {},
      userVisibleText:
        request.userVisibleData === undefined
          ? undefined
          : Buffer.from(request.userVisibleData, 'base64').toString('utf8'),
      userVisibleData: request.userVisibleData,
      userNonVisibleData: request.userNonVisibleData,
      autoStartToken: randomUUID(),
      qrStartToken: randomUUID(),
      qrStartSecret: randomUUID(),
      outcome: { status: 'pending', hintCode: 'outstandingTransaction' },
    };
    this.orders.set(order.orderRef, order);
    return { ok: true, order };
  }

  get(orderRef: string): SimOrder | undefined {
    this.settle();
    return this.orders.get(orderRef);
  }

  /** Newest first, as the tester most likely wants the order just started. */
  pending(): SimOrder[] {
    this.settle();
    return [...this.orders.values()]
      .filter((o) => o.outcome.status === 'pending')
      .sort((a, b) => b.createdAt - a.createdAt || b.sequence - a.sequence);
  }

  /** What the app does on scanning a QR code or being started with an autostart token. */
  lookup(code: string): LookupResult {
    const pending = this.pending();
    const trimmed = code.trim();
    const byToken = pending.find((o) => o.autoStartToken === trimmed);
    if (byToken) return { ok: true, order: byToken };
    const parsed = parseQrData(trimmed);
    if (!parsed) return { ok: false, reason: /^bankid\./.test(trimmed) ? 'malformed' : 'unknown' };
    const order = pending.find((o) => o.qrStartToken === parsed.qrStartToken);
    if (!order) return { ok: false, reason: 'unknown' };
    const maxSeconds = Math.ceil(this.options.orderTtlMs / 1000);
    if (parsed.seconds > maxSeconds || !qrAuthCodeMatches(parsed, order.qrStartSecret)) {
      return { ok: false, reason: 'tampered' };
    }
    return { ok: true, order };
  }

  /** The user has the order open in the app and is about to enter the security code. */
  markOpened(order: SimOrder): void {
    if (order.outcome.status === 'pending') order.outcome = { status: 'pending', hintCode: 'userSign' };
  }

  complete(order: SimOrder, completionData: CompletionData): void {
    order.outcome = { status: 'complete', completionData, endedAt: this.options.clock() };
  }

  fail(order: SimOrder, hintCode: FailedHintCode): void {
    order.outcome = { status: 'failed', hintCode, endedAt: this.options.clock() };
  }

  /** The RP's cancel: the order is gone, and collecting it afterwards is an unknown order. */
  remove(orderRef: string): boolean {
    this.settle();
    return this.orders.delete(orderRef);
  }

  private settle(): void {
    const now = this.options.clock();
    for (const order of this.orders.values()) {
      if (order.outcome.status === 'pending' && now - order.createdAt >= this.options.orderTtlMs) {
        order.outcome = {
          status: 'failed',
          hintCode: 'expiredTransaction',
          endedAt: order.createdAt + this.options.orderTtlMs,
        };
      }
      if (order.outcome.status !== 'pending' && now - order.outcome.endedAt >= this.options.retainMs) {
        this.orders.delete(order.orderRef);
      }
    }
  }
}
