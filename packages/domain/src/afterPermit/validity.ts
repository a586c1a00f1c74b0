import { z } from 'zod';
import { addYears } from '../decision/legalForce';
import { addDays } from '../rules/clock';
import type { RuleSet } from '../rules/ruleSet';

/**
 * How long a permit (or a notification's startbesked) lasts, and when the applicant is reminded. Every date is a
 * Swedish calendar date (YYYY-MM-DD), never an instant: "two years from the day" is a day, so neither summer time
 * nor the server's time zone can move it. Only the moment a reminder is sent is an instant (`reminderSendAt`).
 *
 * - Bygglov: lapses unless the work has started within two years and been finished within five years from the day
 *   the decision gained legal force (PBL 9 kap. 43 §).
 * - Anmälan: the startbesked itself lapses on the same terms from the day it was given (PBL 10 kap. 25 §).
 * The years come from the rule set (`afterDecision.lapse`); 29 February plus whole years falls on 28 February in
 * a common year (the period ends within the same month, as legalForce.ts reads it).
 */
export const PermitValiditySchema = z.object({
  /** The day the periods run from: legal force of a permit, or the day of a notification's startbesked. */
  from: z.iso.date(),
  basis: z.enum(['legalForce', 'startbesked']),
  startBy: z.iso.date(),
  finishBy: z.iso.date(),
});
export type PermitValidity = z.infer<typeof PermitValiditySchema>;

export function permitValidity(
  input: { procedure: 'permit' | 'notification'; legalForceOn: string | null; startbeskedOn: string | null },
  ruleSet: RuleSet,
): PermitValidity | null {
  const from = input.procedure === 'permit' ? input.legalForceOn : input.startbeskedOn;
  if (!from) return null;
  const { startYears, finishYears } = ruleSet.afterDecision.lapse;
  return {
    from,
    basis: input.procedure === 'permit' ? 'legalForce' : 'startbesked',
    startBy: addYears(from, startYears),
    finishBy: addYears(from, finishYears),
  };
}

/**
 * Reminders before each limit, in days before it: a service choice, not law. Three months gives time to book a
 * builder (or apply for a new permit), a month is the last call.
 */
export const REMINDER_DAYS_BEFORE = { startBy: [90, 30], finishBy: [180, 30] } as const;

export const ValidityReminderSchema = z.object({
  limit: z.enum(['startBy', 'finishBy']),
  daysBefore: z.number().int().positive(),
  /** The limit the reminder is about. */
  limitDay: z.iso.date(),
  /** The calendar day it is sent. */
  sendOn: z.iso.date(),
});
export type ValidityReminder = z.infer<typeof ValidityReminderSchema>;

/** Every reminder the validity calls for; a limit already met (work started, slutbesked given) needs none. */
export function validityReminders(
  validity: PermitValidity,
  progress: { startedOn: string | null; finished: boolean },
): ValidityReminder[] {
  const limits: ('startBy' | 'finishBy')[] = [];
  if (!progress.startedOn) limits.push('startBy');
  if (!progress.finished) limits.push('finishBy');
  return limits.flatMap((limit) =>
    REMINDER_DAYS_BEFORE[limit].map((daysBefore) => ({
      limit,
      daysBefore,
      limitDay: validity[limit],
      sendOn: addDays(validity[limit], -daysBefore),
    })),
  );
}

/** A reminder's key, so a job sends each one once. */
export const reminderKey = (r: Pick<ValidityReminder, 'limit' | 'daysBefore' | 'limitDay'>) =>
  `${r.limit}:${r.daysBefore}:${r.limitDay}`;

/**
 * The reminders to send on `today`: due and not yet sent. One missed while the job did not run is still sent
 * afterwards, as long as its limit has not passed (a reminder after the limit helps nobody).
 */
export function dueReminders(
  validity: PermitValidity,
  progress: { startedOn: string | null; finished: boolean },
  today: string,
  sent: ReadonlySet<string>,
): ValidityReminder[] {
  return validityReminders(validity, progress).filter(
    (r) => r.sendOn <= today && today <= r.limitDay && !sent.has(reminderKey(r)),
  );
}

/** The day the reminder job need not look past for a case with no reminders left (finished, or past its limits). */
export const NO_MORE_REMINDERS = '9999-12-31';

/**
 * The first day on or after `today` a reminder of this permit may fall due, for the job to leave the case until
 * then: the earliest unsent reminder whose limit has not passed (today itself when one is due but its hour has not
 * come); with no validity yet (legal force unknown) tomorrow, to look again; NO_MORE_REMINDERS when none is left.
 */
export function nextReminderDay(
  validity: PermitValidity | null,
  progress: { startedOn: string | null; finished: boolean },
  today: string,
  sent: ReadonlySet<string>,
): string {
  if (!validity) return addDays(today, 1);
  const days = validityReminders(validity, progress)
    .filter((r) => today <= r.limitDay && !sent.has(reminderKey(r)))
    .map((r) => (r.sendOn < today ? today : r.sendOn))
    .sort();
  return days[0] ?? NO_MORE_REMINDERS;
}

/** The hour (Swedish local time) reminders go out: office hours, so a question can be phoned in the same day. */
/**
 * The latest decision day whose permit can have a reminder due on `today`, for the reminder job to skip the rest
 * in SQL: validity runs from a day no earlier than the decision (legal force, or the startbesked), the first limit
 * is `startYears` later, and no reminder comes more than its days before it. Later decisions have nothing due yet.
 */
export function latestDecisionWithReminderDue(today: string, ruleSets: readonly RuleSet[]): string {
  const startYears = Math.min(...ruleSets.map((r) => r.afterDecision.lapse.startYears));
  const earliestBefore = Math.max(...REMINDER_DAYS_BEFORE.startBy);
  return addDays(addYears(today, -startYears), earliestBefore);
}

export const REMINDER_HOUR = 8;

let stockholmHour: Intl.DateTimeFormat | undefined;

/**
 * The instant a reminder for `day` is sent: 08:00 in Stockholm that day, whichever offset (CET +01, CEST +02)
 * holds then. 08:00 is never inside a summer-time switch (they happen at 02:00–03:00), so it always exists once.
 */
export function reminderSendAt(day: string, hour: number = REMINDER_HOUR): Date {
  stockholmHour ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Stockholm',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  for (const offset of [1, 2]) {
    const at = new Date(Date.UTC(y, m - 1, d, hour - offset));
    if (Number(stockholmHour.format(at)) === hour) return at;
  }
  throw new Error(`No ${hour}:00 in Stockholm on ${day}`);
}
