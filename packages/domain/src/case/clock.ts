import { z } from 'zod';
import { ProcedureSchema, type CaseClock, type Procedure } from './schemas';
import { statutoryClock, daysBetween } from '../rules/clock';
import { ruleSetFor } from '../rules/ruleSets';
import type { RuleSet } from '../rules/ruleSet';

/**
 * The facts the statutory clock runs on, kept with the case and updated by every action that moves it: an
 * order to complete, its answer, an extension, the decision. The clock itself is always recomputed.
 */
export const ClockFactsSchema = z.object({
  procedure: ProcedureSchema,
  received: z.iso.date(),
  completionOrders: z.array(z.object({ issuedOn: z.iso.date(), completedOn: z.iso.date().nullable() })),
  extension: z.object({ decidedOn: z.iso.date(), weeks: z.number().int(), reason: z.string() }).nullable(),
  decidedOn: z.iso.date().nullable(),
});
export type ClockFacts = z.infer<typeof ClockFactsSchema>;

export const clockFactsAtReceipt = (procedure: Procedure, received: string): ClockFacts => ({
  procedure,
  received,
  completionOrders: [],
  extension: null,
  decidedOn: null,
});

/** The rule set in force on the day the case arrived: its clock values apply for the whole case. */
export function ruleSetOfCase(facts: Pick<ClockFacts, 'received'>): RuleSet {
  const set = ruleSetFor(facts.received);
  if (!set) throw new Error(`no rule set in force on ${facts.received}`);
  return set;
}

/** The clock of a case on `today` (or on its decision day), in the shape the case view shows. */
export function caseClock(facts: ClockFacts, today: Date): CaseClock {
  const ruleSet = ruleSetOfCase(facts);
  const state = statutoryClock(
    {
      procedure: facts.procedure,
      received: facts.received,
      completionOrders: facts.completionOrders,
      extension: facts.extension ? { decidedOn: facts.extension.decidedOn, weeks: facts.extension.weeks } : null,
      decidedOn: facts.decidedOn,
    },
    ruleSet,
    today,
  );
  const window = ruleSet.clock.completionOrderWindowWeeks * 7;
  return {
    procedure: facts.procedure,
    received: facts.received,
    startsOn: state.startsOn,
    basis: state.basis,
    waitingForCompletion: state.waitingForCompletion,
    originalDeadline: state.originalDeadline,
    deadline: state.deadline,
    extension: state.extended ? facts.extension : null,
    extended: state.extended,
    daysLeft: state.daysLeft,
    overdueWeeksStarted: state.overdueWeeksStarted,
    feeReduction: state.feeReduction,
    completionOrders: facts.completionOrders.map((o) => ({
      ...o,
      restarts: daysBetween(facts.received, o.issuedOn) <= window,
    })),
    decidedOn: facts.decidedOn,
  };
}

export const withCompletionOrder = (facts: ClockFacts, issuedOn: string): ClockFacts => ({
  ...facts,
  completionOrders: [...facts.completionOrders, { issuedOn, completedOn: null }],
});

/** The applicant's answer closes every open order on that day. */
export const withCompletion = (facts: ClockFacts, completedOn: string): ClockFacts => ({
  ...facts,
  completionOrders: facts.completionOrders.map((o) => (o.completedOn ? o : { ...o, completedOn })),
});

export const withDecision = (facts: ClockFacts, decidedOn: string): ClockFacts => ({ ...facts, decidedOn });

export type ExtensionProblem = 'alreadyExtended' | 'waitingForCompletion' | 'tooLong' | 'tooLate';

/** Why this extension cannot be made (once, before the original limit, at most the law's weeks), or null. */
export function extensionProblem(
  facts: ClockFacts,
  extension: { decidedOn: string; weeks: number },
  today: Date,
): ExtensionProblem | null {
  if (facts.extension) return 'alreadyExtended';
  const probe = statutoryClock(
    {
      procedure: facts.procedure,
      received: facts.received,
      completionOrders: facts.completionOrders,
      extension,
      decidedOn: null,
    },
    ruleSetOfCase(facts),
    today,
  );
  if (probe.originalDeadline === null) return 'waitingForCompletion';
  return probe.extensionProblem;
}

export const extensionProblemText: Record<ExtensionProblem, string> = {
  alreadyExtended: 'Tiden har redan förlängts en gång. Den får bara förlängas en gång.',
  waitingForCompletion: 'Tiden står still i väntan på komplettering. Förläng när kompletteringen har kommit in.',
  tooLong: 'Förlängningen är längre än lagen tillåter.',
  tooLate: 'Tidsfristen har redan passerat. Den kan bara förlängas innan den går ut.',
};

/** The deadline to keep on the case row for sorting: the clock's, or the last known while it waits. */
export function deadlineForQueue(clock: CaseClock, previous: string): string {
  return clock.deadline ?? previous;
}
