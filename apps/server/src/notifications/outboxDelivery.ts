import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import { caseMailText } from '@lovisa/domain';
import type { Db } from '../db/database';
import { messages, outbox } from '../db/schema';
import { MailDeliveryError, withoutAddresses, type MailTransport } from './mailTransport';

/** Waits after the 1st, 2nd, … failed attempt: about a day in all before Lovisa gives up on an address. */
export const RETRY_DELAYS_MS = [1, 5, 15, 60, 180, 360, 720].map((minutes) => minutes * 60_000);
/** A sender holds the entries it took this long; after a crash mid-send another server takes them over. */
const CLAIM_MS = 2 * 60_000;

export interface DeliveryOptions {
  from: string;
  /** The domain part of Message-IDs (the municipality's). */
  messageIdDomain: string;
  /** Where residents reach the service: each e-mail links to its case in Mina ärenden there (null: no link). */
  publicUrl: string | null;
  now: Date;
  batchSize?: number;
}

export interface DeliveryResult {
  sent: number;
  retrying: number;
  /** Entries given up on: a permanent refusal (5xx) or every retry used. */
  failed: number;
}

/**
 * Sends the outbox entries that are due, once each: an entry is claimed with `FOR UPDATE SKIP LOCKED`, so
 * servers sharing one database never send it twice at once. The entry was written in the transaction of the
 * change it tells about; sending it afterwards means a mail server that is down delays e-mail but never a
 * decision. A crash between the server's acceptance and `sent_at` sends the entry again, with the same
 * Message-ID (at least once).
 */
export async function deliverDueMail(db: Db, transport: MailTransport, opts: DeliveryOptions): Promise<DeliveryResult> {
  const { now } = opts;
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        isNull(outbox.sentAt),
        // New (never tried), or a retry whose time has come; given-up entries have attempts but no next time.
        or(eq(outbox.attempts, 0), and(isNotNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, now))),
        or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, now)),
      ),
    )
    .orderBy(asc(outbox.createdAt))
    .limit(opts.batchSize ?? 20)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(outbox)
    .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS) })
    .where(inArray(outbox.id, due))
    .returning();

  const caseOf = new Map(
    claimed.every((e) => !e.messageId)
      ? []
      : (
          await db
            .select({ id: messages.id, caseId: messages.caseId })
            .from(messages)
            .where(
              inArray(
                messages.id,
                claimed.flatMap((e) => (e.messageId ? [e.messageId] : [])),
              ),
            )
        ).map((m) => [m.id, m.caseId]),
  );

  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  for (const entry of claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    try {
      // Mail to someone outside the case (a remiss) carries its own link: no link to Mina ärenden is added.
      const caseId = entry.messageId ? caseOf.get(entry.messageId) : undefined;
      await transport.send({
        from: opts.from,
        to: entry.recipient,
        subject: entry.subject,
        text: caseId ? caseMailText(entry.body, caseId, opts.publicUrl) : entry.body,
        messageId: `<${entry.id}@${opts.messageIdDomain}>`,
      });
      await db.update(outbox).set({ sentAt: now, claimedUntil: null, lastError: null }).where(eq(outbox.id, entry.id));
      result.sent++;
    } catch (err) {
      const attempts = entry.attempts + 1;
      const permanent = err instanceof MailDeliveryError && err.permanent;
      const delay = permanent ? undefined : RETRY_DELAYS_MS[attempts - 1];
      const lastError =
        err instanceof MailDeliveryError
          ? err.message
          : withoutAddresses(String((err as Error)?.message ?? err)).slice(0, 300);
      await db
        .update(outbox)
        .set({
          attempts,
          claimedUntil: null,
          lastError,
          nextAttemptAt: delay === undefined ? null : new Date(now.getTime() + delay),
        })
        .where(eq(outbox.id, entry.id));
      if (delay === undefined) result.failed++;
      else result.retrying++;
    }
  }
  return result;
}

export type OutboxStatus = 'recorded' | 'queued' | 'sent' | 'retrying' | 'failed';

/** An entry's state as the dev page shows it; without a mail server everything is only recorded. */
export function outboxStatus(
  entry: { sentAt: Date | null; attempts: number; nextAttemptAt: Date | null },
  delivering: boolean,
): OutboxStatus {
  if (entry.sentAt) return 'sent';
  if (!delivering) return 'recorded';
  if (entry.attempts === 0) return 'queued';
  return entry.nextAttemptAt ? 'retrying' : 'failed';
}

export interface MailDeliveryHandle {
  /** Runs one round now (tests, and after a change that wrote to the outbox). */
  runOnce(): Promise<DeliveryResult>;
  stop(): Promise<void>;
}

/** Polls the outbox every `intervalMs`; one round at a time. Logs counts and ids, never addresses. */
export function startMailDelivery(opts: {
  db: Db;
  transport: MailTransport;
  from: string;
  messageIdDomain: string;
  publicUrl: string | null;
  intervalMs: number;
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
  clock?: () => Date;
}): MailDeliveryHandle {
  let running: Promise<DeliveryResult> | null = null;
  const runOnce = () => {
    running ??= deliverDueMail(opts.db, opts.transport, {
      from: opts.from,
      messageIdDomain: opts.messageIdDomain,
      publicUrl: opts.publicUrl,
      now: (opts.clock ?? (() => new Date()))(),
    })
      .then((r) => {
        if (r.sent + r.retrying + r.failed > 0) opts.log.info(r, 'outbox delivery');
        return r;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => {
    runOnce().catch((err: unknown) =>
      opts.log.error({ err: withoutAddresses(String((err as Error)?.message ?? err)) }, 'outbox delivery failed'),
    );
  }, opts.intervalMs);
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
      opts.transport.close();
    },
  };
}
