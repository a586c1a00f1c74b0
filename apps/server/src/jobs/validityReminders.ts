import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import {
  addDays,
  afterPermitMessages,
  dueReminders,
  finalSlutbesked,
  initialAfterPermitState,
  latestDecisionWithReminderDue,
  nextReminderDay,
  permitValidity,
  reminderKey,
  reminderSendAt,
  ruleSetOfCase,
  ruleSets,
  startbeskedOn,
  stockholmDate,
  type MeasureType,
} from '@lovisa/domain';
import type { Db } from '../db/database';
import { caseAfterPermit, caseEvents, cases } from '../db/schema';
import { afterPermitOf } from '../repositories/afterPermit';
import { clockFactsOf, type CaseRow } from '../repositories/cases';
import { sendToApplicant } from '../repositories/messages';
import { afterPermitFactsOf, kontrollansvarigOf } from '../services/afterPermit';

/**
 * Reminders before a permit lapses (PBL 9 kap. 43 §; a notification's startbesked, 10 kap. 25 §): a message in
 * Mina ärenden and, with an e-mail address, the outbox, at 08:00 Swedish time on each reminder day. Safe on every
 * instance at once: each case's record is locked while its reminders are chosen and marked sent.
 */
export async function sendValidityReminders(db: Db, now: Date): Promise<number> {
  const today = stockholmDate(now);
  // Only decisions old enough to have a reminder due (the first comes months before the two-year limit), and of
  // those only the cases whose next reminder day has come (or was never worked out): at 100 000 cases the hourly
  // job reads the few that matter instead of opening a transaction per granted case.
  const latest = latestDecisionWithReminderDue(today, ruleSets);
  const candidates = await db
    .select({ cases })
    .from(cases)
    .leftJoin(caseAfterPermit, eq(caseAfterPermit.caseId, cases.id))
    .where(
      and(
        eq(cases.status, 'decided'),
        inArray(cases.outcome, ['approved', 'startApproval']),
        // A day's margin past the latest such decision: Stockholm's day may run into the next UTC one.
        lt(cases.decidedAt, new Date(`${addDays(latest, 2)}T00:00:00Z`)),
        or(isNull(caseAfterPermit.nextReminderOn), lte(caseAfterPermit.nextReminderOn, today)),
      ),
    );
  let sent = 0;
  for (const [i, { cases: row }] of candidates.entries()) {
    sent += await remindCase(db, row, now);
    // A first run over many cases leaves room between them for the requests the server is there for.
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((r) => setImmediate(r));
  }
  return sent;
}

/** Cases the job works through before it lets waiting requests run. */
const YIELD_EVERY = 20;

async function remindCase(db: Db, row: CaseRow, now: Date): Promise<number> {
  const today = stockholmDate(now);
  // Read outside the transaction: PGlite has one connection, and the dates do not depend on the lock.
  const facts = await afterPermitFactsOf(db, row, false);
  return db.transaction(async (tx) => {
    // The record exists before it is locked: a case nobody has touched since its decision gets its first one here.
    if (!(await afterPermitOf(tx, row.id)))
      await tx
        .insert(caseAfterPermit)
        .values({
          caseId: row.id,
          kontrollansvarig: kontrollansvarigOf(row),
          state: initialAfterPermitState(row.measure as MeasureType),
        })
        .onConflictDoNothing();
    await tx.execute(sql`select 1 from case_after_permit where case_id = ${row.id} for update`);
    const record = (await afterPermitOf(tx, row.id))!;
    const validity = permitValidity(
      {
        procedure: facts.procedure,
        legalForceOn: facts.legalForceOn,
        startbeskedOn: startbeskedOn(facts, record.state),
      },
      ruleSetOfCase(clockFactsOf(row)),
    );
    const progress = { startedOn: record.state.startedOn, finished: finalSlutbesked(record.state) !== null };
    const alreadySent = new Set(record.remindersSent);
    const due = validity
      ? dueReminders(validity, progress, today, alreadySent).filter((r) => reminderSendAt(r.sendOn) <= now)
      : [];
    const sentNow = [...record.remindersSent, ...due.map(reminderKey)];
    const nextReminderOn = nextReminderDay(validity, progress, today, new Set(sentNow));
    if (!validity || due.length === 0) {
      await tx.update(caseAfterPermit).set({ nextReminderOn }).where(eq(caseAfterPermit.caseId, row.id));
      return 0;
    }
    // Two reminders of one limit due at once (a job that did not run): the applicant gets the nearer one only.
    const byLimit = new Map(due.map((r) => [r.limit, r]));
    for (const r of byLimit.values()) {
      await sendToApplicant(
        tx,
        row,
        afterPermitMessages.validityReminder({
          diaryNumber: row.diaryNumber,
          limit: r.limit,
          limitDay: r.limitDay,
          basis: validity.basis,
        }),
        now,
      );
      await tx.insert(caseEvents).values({
        caseId: row.id,
        type: 'validityReminderSent',
        at: now,
        actor: 'Lovisa',
        data: { limit: r.limit, limitDay: r.limitDay, daysBefore: r.daysBefore },
      });
    }
    await tx
      .update(caseAfterPermit)
      .set({ remindersSent: sentNow, nextReminderOn })
      .where(eq(caseAfterPermit.caseId, row.id));
    return byLimit.size;
  });
}
