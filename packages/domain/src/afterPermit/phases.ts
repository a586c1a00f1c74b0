import { z } from 'zod';
import type { MeasureType } from '../measure';
import type { CaseStatus, DecisionOutcome, Procedure } from '../case/schemas';
import { kontrollplanProgress } from './kontrollplan';
import { finalSlutbesked, type AfterPermitState } from './state';

/** What the case knows of its decision that the steps after it depend on. */
export interface AfterPermitFacts {
  procedure: Procedure;
  status: CaseStatus;
  outcome: DecisionOutcome | null;
  measure: MeasureType;
  /** A certified kontrollansvarig is required (PBL 10 kap. 9 §; the rule set's value, as the decision took it). */
  kontrollansvarig: boolean;
  decidedOn: string | null;
  /** The day the decision gains legal force unless appealed; null while a delivery is awaited. */
  legalForceOn: string | null;
  /** Four weeks after the announcement (PBL 9 kap. 42 a §): the earliest a startbesked may let work begin. */
  earliestStart: string | null;
  /**
   * The day of a permit's startbesked given by the older case command (`giveStartApproval`), without this chain:
   * it counts as given, so the chain neither gives a second one nor waits for one.
   */
  startApprovedOn?: string | null;
}

/**
 * A granted bygglov is followed by its own startbesked; a notification's decision (outcome `startApproval`) is the
 * startbesked. A refusal or dismissal has nothing after it.
 */
export function afterPermitApplies(f: Pick<AfterPermitFacts, 'status' | 'procedure' | 'outcome'>): boolean {
  if (f.status !== 'decided') return false;
  return f.procedure === 'permit' ? f.outcome === 'approved' : f.outcome === 'startApproval';
}

/**
 * Tekniskt samråd (PBL 10 kap. 14 §): called when a kontrollansvarig is required (1 p.) — no officer may waive it
 * then — and otherwise unless it is plainly not needed (2 p.), which the officer records. A notification's
 * startbesked is its decision here, so its samråd (if any) happened before it: none after.
 */
export type ConsultationNeed = 'required' | 'unlessWaived' | 'none';
export function consultationNeed(f: Pick<AfterPermitFacts, 'procedure' | 'kontrollansvarig'>): ConsultationNeed {
  if (f.procedure === 'notification') return 'none';
  return f.kontrollansvarig ? 'required' : 'unlessWaived';
}

export const PhaseKeySchema = z.enum([
  'decision',
  'consultation',
  'kontrollplan',
  'startbesked',
  'construction',
  'slutbesked',
]);
export type PhaseKey = z.infer<typeof PhaseKeySchema>;
export const PhaseSchema = z.object({
  key: PhaseKeySchema,
  state: z.enum(['done', 'current', 'upcoming', 'skipped']),
});
export type Phase = z.infer<typeof PhaseSchema>;

/** The day the work may start from: a permit's own startbesked, or a notification's decision. */
export function startbeskedOn(
  f: Pick<AfterPermitFacts, 'procedure' | 'decidedOn' | 'startApprovedOn'>,
  s: AfterPermitState,
): string | null {
  return f.procedure === 'notification' ? f.decidedOn : (s.startbesked?.on ?? f.startApprovedOn ?? null);
}

/** Whether the samråd no longer holds the startbesked back: held (minutes kept), waived, or not called for. */
export function consultationSettled(f: Pick<AfterPermitFacts, 'procedure' | 'kontrollansvarig'>, s: AfterPermitState) {
  return consultationNeed(f) === 'none' || s.consultation.minutes !== null || s.consultation.waived !== null;
}

/**
 * The steps the case goes through after its decision, in order, each done, current (the first not done),
 * upcoming or skipped (a samråd the officer found not needed). Empty when nothing follows the decision.
 */
export function afterPermitPhases(f: AfterPermitFacts, s: AfterPermitState): Phase[] {
  if (!afterPermitApplies(f)) return [];
  const need = consultationNeed(f);
  const steps: { key: PhaseKey; done: boolean; skipped?: boolean }[] = [{ key: 'decision', done: true }];
  if (need !== 'none')
    steps.push({ key: 'consultation', done: s.consultation.minutes !== null, skipped: s.consultation.waived !== null });
  if (f.procedure === 'permit') {
    steps.push({ key: 'kontrollplan', done: s.kontrollplan.approvedOn !== null });
    steps.push({ key: 'startbesked', done: startbeskedOn(f, s) !== null });
  }
  // An interim slutbesked lets the building be used: what remains belongs to the slutbesked phase.
  steps.push({ key: 'construction', done: s.finalRequest !== null || s.slutbesked.length > 0 });
  steps.push({ key: 'slutbesked', done: finalSlutbesked(s) !== null });
  let current = false;
  return steps.map(({ key, done, skipped }) => {
    if (skipped) return { key, state: 'skipped' };
    if (done) return { key, state: 'done' };
    if (current) return { key, state: 'upcoming' };
    current = true;
    return { key, state: 'current' };
  });
}

export type StartbeskedBlocker =
  | 'NOT_APPLICABLE'
  | 'STARTBESKED_ALREADY_GIVEN'
  | 'CONSULTATION_PENDING'
  | 'KONTROLLPLAN_EMPTY'
  | 'LEGAL_FORCE_PENDING'
  | 'EARLY_START_TOO_EARLY';

/**
 * Why a permit's startbesked cannot be given on `today`, or null. Our choice: it waits for legal force, because work
 * on a permit that is later overturned must be undone; the officer may give it earlier only when asked to
 * (`beforeLegalForce`), and never before the four weeks after the announcement (PBL 9 kap. 42 a §) have passed.
 * The samråd must be settled and the kontrollplan have items: the startbesked approves it (10 kap. 24 §).
 */
export function startbeskedBlocker(
  f: AfterPermitFacts,
  s: AfterPermitState,
  today: string,
  beforeLegalForce = false,
): StartbeskedBlocker | null {
  if (!afterPermitApplies(f) || f.procedure !== 'permit') return 'NOT_APPLICABLE';
  if (startbeskedOn(f, s)) return 'STARTBESKED_ALREADY_GIVEN';
  if (!consultationSettled(f, s)) return 'CONSULTATION_PENDING';
  if (s.kontrollplan.items.length === 0) return 'KONTROLLPLAN_EMPTY';
  const legalForce = f.legalForceOn !== null && f.legalForceOn <= today;
  if (legalForce) return null;
  if (!beforeLegalForce) return 'LEGAL_FORCE_PENDING';
  return f.earliestStart !== null && f.earliestStart <= today ? null : 'EARLY_START_TOO_EARLY';
}

export const NextActionIdSchema = z.enum([
  // The applicant's
  'waitForConsultationSlots',
  'bookConsultation',
  'attendConsultation',
  'prepareKontrollplan',
  'waitForStartbesked',
  'reportStart',
  'tickKontrollplan',
  'requestSlutbesked',
  'waitForSlutbesked',
  'finished',
  // The officer's
  'decideConsultation',
  'waitForBooking',
  'recordMinutes',
  'issueStartbesked',
  'waitForLegalForce',
  'followConstruction',
  'issueSlutbesked',
]);
export type NextActionId = z.infer<typeof NextActionIdSchema>;
export const NextActionSchema = z.object({
  id: NextActionIdSchema,
  /** The day the action is about: a booked meeting, legal force, a limit. */
  on: z.iso.date().nullable(),
});
export type NextAction = z.infer<typeof NextActionSchema>;

const act = (id: NextActionId, on: string | null = null): NextAction => ({ id, on });

/** What the applicant should do next (or is waiting for), most pressing first. */
export function applicantNextActions(
  f: AfterPermitFacts,
  s: AfterPermitState,
  validity: { startBy: string; finishBy: string } | null,
): NextAction[] {
  if (!afterPermitApplies(f)) return [];
  if (finalSlutbesked(s)) return [act('finished')];
  const startOn = startbeskedOn(f, s);
  if (!startOn) {
    const actions: NextAction[] = [];
    const c = s.consultation;
    if (!consultationSettled(f, s)) {
      const booked = c.slots.find((x) => x.id === c.bookedSlotId);
      if (booked) actions.push(act('attendConsultation', booked.startsAt.slice(0, 10)));
      else actions.push(act(c.slots.length > 0 ? 'bookConsultation' : 'waitForConsultationSlots'));
    }
    actions.push(act('prepareKontrollplan'));
    if (consultationSettled(f, s)) actions.push(act('waitForStartbesked', f.legalForceOn));
    return actions;
  }
  if (s.finalRequest) return [act('waitForSlutbesked')];
  const actions: NextAction[] = [];
  if (!s.startedOn) actions.push(act('reportStart', validity?.startBy ?? null));
  if (kontrollplanProgress(s.kontrollplan).remaining.length > 0)
    actions.push(act('tickKontrollplan', validity?.finishBy ?? null));
  actions.push(act('requestSlutbesked', validity?.finishBy ?? null));
  return actions;
}

/** What the officer has to do next, or what the case waits for on their side. */
export function officerNextActions(f: AfterPermitFacts, s: AfterPermitState, today: string): NextAction[] {
  if (!afterPermitApplies(f) || finalSlutbesked(s)) return [];
  if (s.finalRequest) return [act('issueSlutbesked')];
  if (startbeskedOn(f, s)) return [act('followConstruction')];
  const c = s.consultation;
  if (!consultationSettled(f, s)) {
    if (c.bookedSlotId) return [act('recordMinutes')];
    return [act(c.slots.length > 0 ? 'waitForBooking' : 'decideConsultation')];
  }
  const blocker = startbeskedBlocker(f, s, today);
  if (blocker === 'LEGAL_FORCE_PENDING') return [act('waitForLegalForce', f.legalForceOn)];
  return blocker === null ? [act('issueStartbesked')] : [];
}
