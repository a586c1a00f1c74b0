import { and, desc, eq, gt, lte, or, sql, type SQL } from 'drizzle-orm';
import type {
  CompletionData,
  FailedHintCode,
  OrderOutcome,
  Requirement,
  SimOrder,
  SimOrderStore,
  Viewer,
} from '@lovisa/bankid';
import type { Db } from '../db/database';
import { bankidSimOrders } from '../db/schema';

type Row = typeof bankidSimOrders.$inferSelect;

function toOrder(row: Row): SimOrder {
  const ended = row.endedAt?.getTime() ?? row.expiresAt.getTime();
  const outcome: OrderOutcome =
    row.status === 'complete'
      ? { status: 'complete', completionData: row.completionData as CompletionData, endedAt: ended }
      : row.status === 'failed'
        ? { status: 'failed', hintCode: row.hintCode as FailedHintCode, endedAt: ended }
        : { status: 'pending', hintCode: row.hintCode === 'userSign' ? 'userSign' : 'outstandingTransaction' };
  return {
    orderRef: row.orderRef,
    kind: row.kind as SimOrder['kind'],
    createdAt: row.createdAt.getTime(),
    expiresAt: row.expiresAt.getTime(),
    endUserIp: row.endUserIp,
    requirement: row.requirement as Requirement,
    userVisibleData: row.userVisibleData ?? undefined,
    userNonVisibleData: row.userNonVisibleData ?? undefined,
    autoStartToken: row.autoStartToken,
    qrStartToken: row.qrStartToken,
    qrStartSecret: row.qrStartSecret,
    openedBy: row.openedBy ?? undefined,
    outcome,
  };
}

function outcomeColumns(outcome: OrderOutcome) {
  switch (outcome.status) {
    case 'pending':
      return { status: 'pending', hintCode: outcome.hintCode, completionData: null, endedAt: null };
    case 'failed':
      return { status: 'failed', hintCode: outcome.hintCode, completionData: null, endedAt: new Date(outcome.endedAt) };
    case 'complete':
      return {
        status: 'complete',
        hintCode: null,
        completionData: outcome.completionData,
        endedAt: new Date(outcome.endedAt),
      };
  }
}

const t = bankidSimOrders;
const pendingAt = (now: number): SQL => and(eq(t.status, 'pending'), gt(t.expiresAt, new Date(now)))!;

/**
 * The simulator's order book in Lovisa's database: it outlives restarts, as BankID does, and every instance on
 * one PostgreSQL shares it. Who wins a race (two approvals, two starts for one person) is the database's call:
 * conditional updates and a partial unique index.
 */
export function dbSimOrderStore(db: Db): SimOrderStore {
  return {
    async insert(order, now) {
      const personalNumber = order.requirement.personalNumber ?? null;
      const add = async () =>
        (
          await db
            .insert(t)
            .values({
              orderRef: order.orderRef,
              kind: order.kind,
              createdAt: new Date(order.createdAt),
              expiresAt: new Date(order.expiresAt),
              endUserIp: order.endUserIp,
              personalNumber,
              requirement: order.requirement,
              userVisibleData: order.userVisibleData ?? null,
              userNonVisibleData: order.userNonVisibleData ?? null,
              autoStartToken: order.autoStartToken,
              qrStartToken: order.qrStartToken,
              qrStartSecret: order.qrStartSecret,
              openedBy: order.openedBy ?? null,
              ...outcomeColumns(order.outcome),
            })
            .onConflictDoNothing()
            .returning({ orderRef: t.orderRef })
        ).length === 1;
      if (await add()) return true;
      if (!personalNumber) return false;
      // The person's place may be held by an order past its time that is still marked pending: end it, and try
      // once more (an order really pending keeps the place: the second insert is refused too).
      await expire(db, now, eq(t.personalNumber, personalNumber));
      return add();
    },

    async get(orderRef) {
      if (!isKey(orderRef)) return undefined;
      const [row] = await db.select().from(t).where(eq(t.orderRef, orderRef));
      return row && toOrder(row);
    },

    async update(orderRef, now, change) {
      if (!isKey(orderRef)) return false;
      const updated = await db
        .update(t)
        .set({ ...outcomeColumns(change.outcome), ...(change.openedBy ? { openedBy: change.openedBy } : {}) })
        .where(and(eq(t.orderRef, orderRef), pendingAt(now)))
        .returning({ orderRef: t.orderRef });
      return updated.length === 1;
    },

    async remove(orderRef) {
      if (!isKey(orderRef)) return false;
      return (await db.delete(t).where(eq(t.orderRef, orderRef)).returning({ orderRef: t.orderRef })).length === 1;
    },

    async pending({ now, limit, personalNumber, visibleTo }) {
      const rows = await db
        .select()
        .from(t)
        .where(
          and(
            pendingAt(now),
            personalNumber ? eq(t.personalNumber, personalNumber) : undefined,
            visibleTo ? visible(visibleTo) : undefined,
          ),
        )
        .orderBy(desc(t.createdAt), desc(t.seq))
        .limit(limit);
      return rows.map(toOrder);
    },

    async countPending({ now, endUserIp }) {
      const [row] = await db
        .select({
          total: sql<number>`count(*)::int`,
          fromIp: sql<number>`(count(*) filter (where ${t.endUserIp} = ${endUserIp}))::int`,
        })
        .from(t)
        .where(pendingAt(now));
      return { total: Number(row?.total ?? 0), fromIp: Number(row?.fromIp ?? 0) };
    },

    async findPendingByToken(token, now) {
      if (!isKey('autoStartToken' in token ? token.autoStartToken : token.qrStartToken)) return undefined;
      const match =
        'autoStartToken' in token ? eq(t.autoStartToken, token.autoStartToken) : eq(t.qrStartToken, token.qrStartToken);
      const [row] = await db
        .select()
        .from(t)
        .where(and(match, pendingAt(now)))
        .limit(1);
      return row && toOrder(row);
    },

    async sweep(now, forgetBefore) {
      await expire(db, now);
      await db.delete(t).where(and(sql`${t.status} <> 'pending'`, lte(t.endedAt, new Date(forgetBefore))));
    },
  };
}

/**
 * Order refs and tokens are the simulator's own UUIDs: anything else (a NUL, half an emoji, a space) names no
 * order, and is never sent to the database, where a NUL is an error rather than a miss.
 */
const isKey = (value: string) => /^[\x21-\x7e]{1,200}$/.test(value);

const visible = (viewer: Viewer) => or(eq(t.endUserIp, viewer.ip), eq(t.openedBy, viewer.device));

/** Pending orders past their time become what BankID calls them: failed, expiredTransaction. */
async function expire(db: Db, now: number, where?: SQL) {
  await db
    .update(t)
    .set({ status: 'failed', hintCode: 'expiredTransaction', endedAt: t.expiresAt })
    .where(and(eq(t.status, 'pending'), lte(t.expiresAt, new Date(now)), where));
}
