import { workingDayFrom } from '../calendar/holidays';
import { addDays, daysBetween } from '../rules/clock';
import type { RuleSet } from '../rules/ruleSet';
import { ruleSetOfCase, type ClockFacts } from './clock';
import { hearingMayClose, hearingReplyBounds, hearingRunning, type Hearing } from './hearing';
import { committeeGroundsOf, type CaseDelegation } from '../decision/delegation';
import {
  REASON_MIN_LENGTH,
  isOpen,
  type CaseAction,
  type CaseCommandLimits,
  type CaseStatus,
  type DecidableOutcome,
  type DecisionOutcome,
  type Procedure,
} from './schemas';

/** The facts of a case that decide what may be done with it now. */
export interface CaseLifecycleState {
  status: CaseStatus;
  procedure: Procedure;
  outcome: DecisionOutcome | null;
  /** The open order's reply-by day, while awaiting completion. */
  replyBy: string | null;
  extended: boolean;
  startApproved: boolean;
  proposalBy: string | null;
  /** The neighbour hearing, if one was started (absent on states from before hearings). */
  hearing?: Hearing | null;
  /** The measure deviates from the plan: the case that needs a hearing (absent: treated as no deviation). */
  deviation?: boolean;
  /** The meeting day of the board a proposal waits for (absent or null: none). */
  committeeDate?: string | null;
}

export interface CaseViewer {
  personnummer: string;
  teamLead: boolean;
}

/**
 * What an officer may do with a case now. `today` is a Stockholm date. Decisions on an open order to complete
 * wait for the reply-by day: after it, the case may be dismissed or decided as it stands (9 kap. 22 §).
 */
export function allowedActions(s: CaseLifecycleState, viewer: CaseViewer, today: string): CaseAction[] {
  const actions: CaseAction[] = [];
  const orderIgnored = s.status === 'awaitingCompletion' && s.replyBy !== null && s.replyBy < today;
  if (isOpen(s.status)) actions.push('assign');
  if (s.status === 'received') actions.push('requestCompletion');
  if ((s.status === 'received' || s.status === 'awaitingCompletion') && !s.extended) actions.push('extendDeadline');
  const running = hearingRunning(s.hearing);
  // A proposal before the board is the board's to decide: no team lead confirms or overrides it.
  const toBoard = s.status === 'proposed' && !!s.committeeDate;
  const decidable = !running && (s.status === 'received' || orderIgnored);
  // No decision while the neighbours are being heard: their answers are part of what it rests on.
  if (decidable || (!running && s.status === 'proposed' && viewer.teamLead && !toBoard)) actions.push('decide');
  if (orderIgnored) actions.push('dismiss');
  if (s.status === 'proposed' && viewer.teamLead && s.proposalBy !== viewer.personnummer && !toBoard)
    actions.push('confirmProposal', 'returnProposal');
  if (decidable && s.procedure === 'permit') actions.push('referToCommittee');
  if (toBoard && s.committeeDate! <= today) actions.push('recordCommitteeDecision');
  // Before the meeting the proposal may come off the agenda (a meeting cancelled or moved, the wrong one chosen).
  if (toBoard && s.committeeDate! > today) actions.push('withdrawFromAgenda');
  // A hearing belongs to a permit that deviates from the plan (9 kap. 25 §), before the decision; one per case.
  const open = s.status === 'received' || s.status === 'awaitingCompletion';
  if (s.deviation && s.procedure === 'permit' && open && !s.hearing) actions.push('startHearing');
  if (running && isOpen(s.status)) actions.push('recordHearingAnswer');
  if (running && isOpen(s.status) && hearingMayClose(s.hearing!, today)) actions.push('closeHearing');
  // A notification's start approval is its decision. A granted permit's startbesked is the after-permit chain's
  // (afterPermit/, issue #21: samråd, kontrollplan approval, legal force), no longer offered here (ADR 0015).
  if (s.procedure === 'notification' && s.status === 'received') actions.push('startApproval');
  return actions;
}

/**
 * What an officer may add to the case's record besides moving it on: a note at any time; the fee and remisser
 * until a decision is proposed (the fee is part of the decision, a team lead confirms what they read, and a
 * remiss is asked to inform the decision).
 */
export function recordActions(s: Pick<CaseLifecycleState, 'status'>): CaseAction[] {
  const beforeDecision = s.status === 'received' || s.status === 'awaitingCompletion';
  return [...(beforeDecision ? (['decideFee', 'sendConsultation'] as const) : []), 'writeNote'];
}

/** How long the applicant is given to answer an order to complete unless the officer picks another day. */
export const DEFAULT_COMPLETION_REPLY_DAYS = 21;
/** The extension an officer is offered first; the law's maximum comes from the rule set. */
const SUGGESTED_EXTENSION_WEEKS = 4;

/** An order to complete issued on `day` restarts the clock (PBL 9 kap. 27 §) only within the rule set's window. */
export function completionOrderRestarts(
  facts: Pick<ClockFacts, 'received'>,
  day: string,
  ruleSet: RuleSet = ruleSetOfCase(facts),
): boolean {
  return daysBetween(facts.received, day) <= ruleSet.clock.completionOrderWindowWeeks * 7;
}

/** What the viewer may do with the case on `today` (a Stockholm date), and the bounds the forms must keep. */
export function caseCommandLimits(
  s: CaseLifecycleState & { deviation: boolean; clock: ClockFacts; delegation?: CaseDelegation | null },
  viewer: CaseViewer,
  today: string,
  ruleSet: RuleSet = ruleSetOfCase(s.clock),
): CaseCommandLimits {
  const actions = allowedActions(s, viewer, today);
  const proposes = s.deviation && !viewer.teamLead;
  // A deviation is granted only after its neighbours were heard (PBL 9 kap. 25 §); a refusal needs no hearing.
  const heard = !s.deviation || !!s.hearing?.closedOn;
  const outcomes: DecidableOutcome[] = [
    ...(actions.includes('decide') && s.procedure === 'permit' && heard ? (['approved'] as const) : []),
    ...(actions.includes('decide') ? (['refused'] as const) : []),
    ...(actions.includes('dismiss') ? (['dismissed'] as const) : []),
  ];
  const maxWeeks = ruleSet.clock.maxExtensionWeeks[s.procedure];
  const window = ruleSet.clock.completionOrderWindowWeeks * 7;
  return {
    actions: [...actions, ...recordActions(s)],
    decision:
      outcomes.length > 0
        ? {
            proposes,
            outcomes,
            reasonMinLength: REASON_MIN_LENGTH,
            hearingNeeded: s.procedure === 'permit' && !heard,
            committeeGrounds: {
              approved: committeeGroundsOf(s, 'approved'),
              refused: committeeGroundsOf(s, 'refused'),
            },
            mayRefer: actions.includes('referToCommittee'),
          }
        : null,
    committee:
      s.status === 'proposed' && s.committeeDate
        ? { date: s.committeeDate, mayRecord: actions.includes('recordCommitteeDecision') }
        : null,
    completion: actions.includes('requestCompletion')
      ? {
          // Reply-by days are working days (lag (1930:173)): never a weekend, holiday or holiday eve.
          minReplyBy: workingDayFrom(addDays(today, 1)),
          defaultReplyBy: workingDayFrom(addDays(today, DEFAULT_COMPLETION_REPLY_DAYS)),
          restartsClock: completionOrderRestarts(s.clock, today, ruleSet),
          lastDayThatRestarts: addDays(s.clock.received, window),
        }
      : null,
    extension: actions.includes('extendDeadline')
      ? { maxWeeks, defaultWeeks: Math.min(SUGGESTED_EXTENSION_WEEKS, maxWeeks), reasonMinLength: REASON_MIN_LENGTH }
      : null,
    hearing: actions.includes('startHearing')
      ? {
          ...hearingReplyBounds(today, ruleSet),
          minReplyDays: ruleSet.hearing.minReplyDays.value,
          uncertain: ruleSet.hearing.minReplyDays.uncertain,
        }
      : null,
    startApproval: actions.includes('startApproval')
      ? { decidesCase: s.status !== 'decided', proposes: s.status !== 'decided' && proposes }
      : null,
  };
}
