import { createHash } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/database';
import { submissionKeys } from '../db/schema';

/** What a submission with an idempotency key found. */
export type KeyClaim =
  /** The key is new: this request starts the BankID order, then records or releases the key. */
  | { kind: 'mine' }
  /** An earlier request with this key started an order: answer with it. */
  | { kind: 'answered'; orderRef: string; autoStartToken: string }
  /** The key was used for another application. */
  | { kind: 'otherRequest' }
  /** An earlier request with this key is still waiting for BankID. */
  | { kind: 'busy' };

/** A claim nobody finished this long ago belongs to a process that died mid-request: it may be taken over. */
const ABANDONED_MS = 30_000;
const WAIT_MS = 5_000;
const POLL_MS = 50;

export const requestHash = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

/**
 * Claims `key` for this person's submission, or finds the answer an earlier request with it got. Concurrent
 * copies race on the primary key: one inserts and asks BankID, the others wait (a few seconds at most) for its
 * order and answer with it.
 */
export async function claimSubmissionKey(
  db: Db,
  personnummer: string,
  key: string,
  hash: string,
  now: () => Date,
): Promise<KeyClaim> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const inserted = await db
      .insert(submissionKeys)
      .values({ personnummer, key, requestHash: hash, createdAt: now() })
      .onConflictDoNothing()
      .returning({ key: submissionKeys.key });
    if (inserted.length > 0) return { kind: 'mine' };
    const [row] = await db
      .select()
      .from(submissionKeys)
      .where(and(eq(submissionKeys.personnummer, personnummer), eq(submissionKeys.key, key)));
    if (row) {
      if (row.requestHash !== hash) return { kind: 'otherRequest' };
      if (row.orderRef && row.autoStartToken)
        return { kind: 'answered', orderRef: row.orderRef, autoStartToken: row.autoStartToken };
      if (row.createdAt.getTime() < now().getTime() - ABANDONED_MS) {
        await db
          .delete(submissionKeys)
          .where(
            and(
              eq(submissionKeys.personnummer, personnummer),
              eq(submissionKeys.key, key),
              isNull(submissionKeys.orderRef),
              eq(submissionKeys.createdAt, row.createdAt),
            ),
          );
        continue;
      }
      if (Date.now() > deadline) return { kind: 'busy' };
    }
    // Either the first request is still with BankID, or it failed and let the key go: look again shortly.
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The order BankID started for the key's request: later copies answer with it. */
export async function recordSubmissionOrder(
  db: Db,
  personnummer: string,
  key: string,
  orderRef: string,
  autoStartToken: string,
): Promise<void> {
  await db
    .update(submissionKeys)
    .set({ orderRef, autoStartToken })
    .where(and(eq(submissionKeys.personnummer, personnummer), eq(submissionKeys.key, key)));
}

/** The request failed before an order existed: the key is free for the retry. */
export async function releaseSubmissionKey(db: Db, personnummer: string, key: string): Promise<void> {
  await db
    .delete(submissionKeys)
    .where(
      and(eq(submissionKeys.personnummer, personnummer), eq(submissionKeys.key, key), isNull(submissionKeys.orderRef)),
    );
}

/** Keys as old as the sign orders they point at are forgotten with them. */
export async function sweepSubmissionKeys(db: Db, before: Date): Promise<void> {
  await db.delete(submissionKeys).where(lt(submissionKeys.createdAt, before));
}
