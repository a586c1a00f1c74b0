import { stockholmDate } from '../deadline';
import type { RuleSet } from './ruleSet';

export interface ClockInput {
  procedure: 'permit' | 'notification';
  /** The day the application arrived, or the instant (read as a Stockholm date). */
  received: string | Date;
  /** Orders to complete (förelägganden), with the day the completion arrived once it has. */
  completionOrders?: { issuedOn: string; completedOn?: string | null }[];
  /** Days the applicant supplemented the application of their own accord. */
  ownSupplements?: string[];
  extension?: { decidedOn: string; weeks: number } | null;
  decidedOn?: string | null;
}

export interface ClockState {
  /** The day the time runs from; null while an order to complete issued in time awaits its answer. */
  startsOn: string | null;
  basis: 'received' | 'completion' | 'supplement';
  waitingForCompletion: boolean;
  /** Deadline before any extension. */
  originalDeadline: string | null;
  deadline: string | null;
  extended: boolean;
  /** Why an extension was not applied: longer than the law allows, or decided after the limit had passed. */
  extensionProblem: 'tooLong' | 'tooLate' | null;
  /** Days from today (or the decision day) to the deadline; negative when overdue. */
  daysLeft: number | null;
  overdueWeeksStarted: number;
  /** Share of the fee that falls away (0–1): one fifth per started week past the deadline. */
  feeReduction: number;
  /** The clock rests on a rule value the sources leave uncertain (own-initiative supplements). */
  uncertain: boolean;
}

// Calendar arithmetic on dates only: a Swedish deadline is a day, so summer time cannot shift it.
const toDays = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
};
const fromDays = (days: number) => new Date(days * 86_400_000).toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => fromDays(toDays(day) + n);
export const daysBetween = (from: string, to: string) => toDays(to) - toDays(from);

/** The statutory clock of a case (PBL 9 kap. 27 §, 12 kap. 8 a §), judged on `today` unless decided. */
export function statutoryClock(input: ClockInput, ruleSet: RuleSet, today: Date): ClockState {
  const rules = ruleSet.clock;
  const weeks = input.procedure === 'permit' ? rules.permitWeeks : rules.notificationWeeks;
  const received = typeof input.received === 'string' ? input.received : stockholmDate(input.received);

  let startsOn: string | null = received;
  let basis: ClockState['basis'] = 'received';
  // Only an order issued within the window restarts the time; a later one leaves the clock running.
  const inTime = (input.completionOrders ?? []).filter(
    (o) => daysBetween(received, o.issuedOn) <= rules.completionOrderWindowWeeks * 7,
  );
  const waitingForCompletion = inTime.some((o) => !o.completedOn);
  if (waitingForCompletion) startsOn = null;
  else if (inTime.length) {
    startsOn = inTime
      .map((o) => o.completedOn!)
      .sort()
      .at(-1)!;
    basis = 'completion';
  }

  let uncertain = false;
  if (startsOn && rules.ownSupplementRestarts.value) {
    for (const day of [...(input.ownSupplements ?? [])].sort()) {
      // A supplement after the limit has passed does not restart it.
      if (day > startsOn && day <= addDays(startsOn, weeks * 7)) {
        startsOn = day;
        basis = 'supplement';
        uncertain ||= rules.ownSupplementRestarts.uncertain;
      }
    }
  }

  const originalDeadline = startsOn ? addDays(startsOn, weeks * 7) : null;
  let deadline = originalDeadline;
  let extended = false;
  let extensionProblem: ClockState['extensionProblem'] = null;
  if (input.extension && originalDeadline) {
    const max = rules.maxExtensionWeeks[input.procedure];
    if (input.extension.weeks > max || input.extension.weeks <= 0) extensionProblem = 'tooLong';
    else if (input.extension.decidedOn > originalDeadline) extensionProblem = 'tooLate';
    else {
      deadline = addDays(originalDeadline, input.extension.weeks * 7);
      extended = true;
    }
  }

  const onDay = input.decidedOn ?? stockholmDate(today);
  const daysLeft = deadline ? daysBetween(onDay, deadline) : null;
  const overdueWeeksStarted = daysLeft !== null && daysLeft < 0 ? Math.ceil(-daysLeft / 7) : 0;
  const feeReduction = Math.min(1, Math.round(overdueWeeksStarted * rules.feeReductionPerWeek * 1000) / 1000);
  return {
    startsOn,
    basis,
    waitingForCompletion,
    originalDeadline,
    deadline,
    extended,
    extensionProblem,
    daysLeft,
    overdueWeeksStarted,
    feeReduction,
    uncertain,
  };
}
