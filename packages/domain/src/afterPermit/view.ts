import { z } from 'zod';
import { allowedAfterPermitCommands } from './allowed';
import { AfterPermitCommandTypeSchema } from './commands';
import type { RuleSet } from '../rules/ruleSet';
import { kontrollplanProgress } from './kontrollplan';
import {
  NextActionSchema,
  PhaseSchema,
  afterPermitPhases,
  applicantNextActions,
  consultationNeed,
  officerNextActions,
  startbeskedBlocker,
  startbeskedOn,
  type AfterPermitFacts,
  type StartbeskedBlocker,
} from './phases';
import { AfterPermitStateSchema, finalSlutbesked, type AfterPermitState } from './state';
import { PermitValiditySchema, permitValidity, validityReminders, ValidityReminderSchema } from './validity';

/** The steps after the decision as either face shows them: phases, dates, what to do next, and the record itself. */
export const AfterPermitViewSchema = z.object({
  /** The case's version: every command names it. */
  version: z.number().int().nonnegative(),
  /** The server's day (Stockholm): what a form's date starts from and may not pass. */
  today: z.iso.date(),
  /** The commands this face may send now (the case's progress allows them): what a view offers as buttons. */
  allowed: z.array(AfterPermitCommandTypeSchema),
  kontrollansvarig: z.boolean(),
  consultationNeed: z.enum(['required', 'unlessWaived', 'none']),
  phases: z.array(PhaseSchema),
  legalForceOn: z.iso.date().nullable(),
  earliestStart: z.iso.date().nullable(),
  validity: PermitValiditySchema.nullable(),
  reminders: z.array(ValidityReminderSchema),
  nextActions: z.array(NextActionSchema),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  state: AfterPermitStateSchema,
  /** The officer's: whether a startbesked may be given today, or what it waits for (null once given). */
  startbesked: z.object({ blocker: z.string().nullable(), earlyBlocker: z.string().nullable() }).nullable().optional(),
});
export type AfterPermitView = z.infer<typeof AfterPermitViewSchema>;

export function afterPermitView(
  f: AfterPermitFacts,
  s: AfterPermitState,
  face: 'applicant' | 'officer' | 'kontrollansvarig',
  today: string,
  version: number,
  ruleSet: RuleSet,
): AfterPermitView {
  const validity = permitValidity(
    { procedure: f.procedure, legalForceOn: f.legalForceOn, startbeskedOn: startbeskedOn(f, s) },
    ruleSet,
  );
  const progress = kontrollplanProgress(s.kontrollplan);
  const blocker = (early: boolean): StartbeskedBlocker | null => startbeskedBlocker(f, s, today, early);
  return {
    version,
    today,
    allowed: allowedAfterPermitCommands(f, s, face, today),
    kontrollansvarig: f.kontrollansvarig,
    consultationNeed: consultationNeed(f),
    phases: afterPermitPhases(f, s),
    legalForceOn: f.legalForceOn,
    earliestStart: f.earliestStart,
    validity,
    reminders: validity
      ? validityReminders(validity, { startedOn: s.startedOn, finished: finalSlutbesked(s) !== null })
      : [],
    nextActions: face === 'officer' ? officerNextActions(f, s, today) : applicantNextActions(f, s, validity),
    progress: { done: progress.done, total: progress.total },
    state: s,
    ...(face === 'officer'
      ? {
          startbesked:
            f.procedure === 'permit' && !s.startbesked
              ? { blocker: blocker(false), earlyBlocker: blocker(true) }
              : null,
        }
      : {}),
  };
}

/** A case in the kontrollansvarig's list: which building, whose, and where it stands. */
export const KontrollansvarigCaseSchema = z.object({
  id: z.uuid(),
  diaryNumber: z.string(),
  propertyDesignation: z.string(),
  measure: z.string(),
  applicantName: z.string(),
});
export type KontrollansvarigCase = z.infer<typeof KontrollansvarigCaseSchema>;
