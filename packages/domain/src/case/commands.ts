import type { AttachmentType } from '../attachment';
import { stockholmDate } from '../deadline';
import { isWorkingDay } from '../calendar/holidays';
import type { RuleSet } from '../rules/ruleSet';
import {
  caseClock,
  extensionProblem,
  ruleSetOfCase,
  withCompletion,
  withCompletionOrder,
  withDecision,
  type ClockFacts,
  type ExtensionProblem,
} from './clock';
import { allowedActions, completionOrderRestarts, recordActions, type CaseLifecycleState } from './limits';
import type { CaseProblem, CaseProblemCode } from './problems';
import {
  isOpen,
  type CaseAction,
  type CaseAssessment,
  type CaseEventType,
  type CaseStatus,
  type CompletionRequest,
  type DecisionOutcome,
  type Procedure,
  type Proposal,
} from './schemas';
import { applicantMessages, neighbourConsentMissing, neighbourConsentPresent, type MessageText } from './texts';
import { plannedAnnouncement, type Announcement } from '../decision/notice';
import { reminderSendAt } from '../afterPermit/validity';
import type { ConsultationAnswerKind } from './consultation';
import { committeeGroundsOf, type CaseDelegation, type CommitteeMeetingRef } from '../decision/delegation';
import {
  hearingMayClose,
  hearingOpenFor,
  hearingReplyBounds,
  hearingRunning,
  type Hearing,
  type HearingAnswerKind,
  type HearingChannel,
  type HearingParty,
} from './hearing';

/** What a command needs to know of a case: its lifecycle, its clock facts and what the last change left. */
export interface CaseState {
  diaryNumber: string;
  version: number;
  status: CaseStatus;
  procedure: Procedure;
  outcome: DecisionOutcome | null;
  deviation: boolean;
  clock: ClockFacts;
  /** The deadline kept for sorting; the clock's own while it runs. */
  decisionDeadline: string;
  completionRequest: CompletionRequest | null;
  proposal: Proposal | null;
  startApproved: boolean;
  neighbourConsentMissing: boolean;
  /** The rules engine's verdict at receipt (absent on cases from before it was kept). */
  assessment: Pick<CaseAssessment, 'conditions' | 'advice' | 'deviation'> | null;
  /** The neighbour hearing (PBL 9 kap. 25 §), running or closed; absent or null when none was held. */
  hearing?: Hearing | null;
  /** The delegation order and the case's facts it weighs; absent: every decision is delegated. */
  delegation?: CaseDelegation | null;
}

export type CaseActor =
  | { role: 'officer'; personnummer: string; name: string; teamLead: boolean }
  | { role: 'applicant'; personnummer: string; name: string }
  /** A sakägare answering their letter online, identified by BankID. */
  | { role: 'neighbour'; personnummer: string; name: string }
  /** A body answering a remiss through its link: a unit, not a person identified by BankID. */
  | { role: 'consultee'; personnummer: null; name: string };

type Versioned<T> = T & { version: number };
export type CaseCommand =
  /** `to` is the colleague the server found in the case's team, or null when there is none by that number. */
  | Versioned<{ type: 'assign'; to: { personnummer: string; name: string } | null }>
  | Versioned<{ type: 'requestCompletion'; items: AttachmentType[]; text: string | null; replyBy: string }>
  | Versioned<{ type: 'extendDeadline'; weeks: number; reason: string }>
  | Versioned<{ type: 'decide'; outcome: 'approved' | 'refused' | 'dismissed'; reason: string; conditions: string[] }>
  | Versioned<{ type: 'confirmProposal' }>
  | Versioned<{ type: 'returnProposal'; comment: string | null }>
  | Versioned<{ type: 'giveStartApproval'; note: string | null }>
  /** `answerFiles`: what the applicant uploaded since the order; `caseFileTypes`: every file type the case now has. */
  | Versioned<{
      type: 'answerCompletion';
      note: string | null;
      answerFiles: { id: string; type: AttachmentType; fileName: string }[];
      caseFileTypes: string[];
    }>
  | Versioned<{ type: 'withdraw' }>
  | NoticeCommand
  /** `parties`: the owners of the chosen sakägare properties, as the server found them in the registers. */
  | Versioned<{ type: 'startHearing'; replyBy: string; parties: Omit<HearingParty, 'answer'>[] }>
  /** `online`: the neighbour themself (BankID); `paper`: staff register a letter received on `receivedOn`. */
  | Versioned<{
      type: 'recordHearingAnswer';
      partyId: string;
      kind: HearingAnswerKind;
      text: string | null;
      channel: HearingChannel;
      receivedOn: string | null;
    }>
  | Versioned<{ type: 'closeHearing' }>
  /** A tjänsteanteckning: what the officer found, asked or weighed, kept with the case. */
  | Versioned<{ type: 'writeNote'; text: string }>
  /** The fee the decision charges instead of the schedule's sum (the taxa allows adjustment), with the reason. */
  | Versioned<{ type: 'decideFee'; totalSEK: number; reason: string }>
  /** A remiss sent; the server keeps its question, address and link, the case records that it went. */
  | Versioned<{ type: 'sendConsultation'; consultationId: string; consultee: string; replyBy: string }>
  /** `answered`: whether the remiss already has its answer (one answer per remiss). */
  | Versioned<{
      type: 'recordConsultationAnswer';
      consultationId: string;
      consultee: string;
      kind: ConsultationAnswerKind;
      answered: boolean;
    }>
  /** The proposal put before the board; `meeting` as the server found it among the board's meetings, or null. */
  | Versioned<{
      type: 'referToCommittee';
      outcome: 'approved' | 'refused';
      reason: string;
      conditions: string[];
      meeting: CommitteeMeetingRef | null;
    }>
  /**
   * The board's decision as its minutes record it (`paragraph`: the minutes' §): the proposal, the other outcome
   * (with the board's own reason), or `returned` (återremiss: back to the officer). `board`: the board's name.
   */
  | Versioned<{
      type: 'recordCommitteeDecision';
      outcome: 'approved' | 'refused' | 'returned';
      paragraph: string;
      reason: string | null;
      board: string;
    }>
  /** The proposal taken off the board's agenda before the meeting: the case is the officer's to decide or refer again. */
  | Versioned<{ type: 'withdrawFromAgenda' }>;
export type CaseCommandType = CaseCommand['type'];

/** The columns a command changes, in the domain's terms; the repository maps them onto the case row. */
export interface CaseSet {
  status?: CaseStatus;
  outcome?: DecisionOutcome;
  decisionReason?: string;
  decisionConditions?: string[];
  decidedAt?: Date;
  decidedBy?: string;
  decidedByName?: string;
  proposal?: Proposal | null;
  completionRequest?: CompletionRequest | null;
  clock?: ClockFacts;
  decisionDeadline?: string;
  startApprovedAt?: Date;
  assignedTo?: string;
  assignedName?: string;
  withdrawnAt?: Date;
  neighbourConsentMissing?: boolean;
  neighbourConsentPresent?: boolean;
  /** The applicant's answer waits to be opened by an officer (the queue's flag); opening the case clears it. */
  completionUnread?: boolean;
  hearing?: Hearing;
}

/** A document the change issues; the server writes the PDF (fee, layout) and stores it with the change. */
export interface DocumentOrder {
  kind: 'decision' | 'startApproval';
  outcome: DecisionOutcome;
  reason: string;
  conditions: string[];
  decidedBy: { name: string; teamLead: boolean };
  proposedBy: string | null;
  /** A decision of the board itself, at a meeting, instead of an officer's by delegation. */
  committee?: { board: string; meetingDate: string; paragraph: string };
  /** The decision's own moment when it is not the command's: a board's decision dates from its meeting. */
  at?: Date;
}

export interface CaseChangeSet {
  set: CaseSet;
  events: { type: CaseEventType; data: Record<string, unknown> }[];
  messages: MessageText[];
  documents: DocumentOrder[];
  /** A decision that must be announced: the kungörelse the server publishes with the change (notice section). */
  announcement?: Announcement | null;
}

export type CaseCommandResult = { ok: true; change: CaseChangeSet } | { ok: false; problem: CaseProblem };

const refuse = (code: CaseProblemCode, extra: Omit<CaseProblem, 'code'> = {}): CaseCommandResult => ({
  ok: false,
  problem: { code, ...extra },
});
const change = (c: Partial<CaseChangeSet> & Pick<CaseChangeSet, 'set' | 'events'>): CaseCommandResult => ({
  ok: true,
  change: { messages: [], documents: [], ...c },
});

const officerCommands: readonly CaseCommandType[] = [
  'assign',
  'requestCompletion',
  'extendDeadline',
  'decide',
  'confirmProposal',
  'returnProposal',
  'giveStartApproval',
  'recordDecisionDelivery',
  'startHearing',
  'closeHearing',
  'writeNote',
  'decideFee',
  'sendConsultation',
  'referToCommittee',
  'recordCommitteeDecision',
  'withdrawFromAgenda',
];
/** Who gives a command: the officer's, the applicant's, or a hearing answer (online by the neighbour, paper by staff). */
function roleOf(command: CaseCommand): CaseActor['role'] {
  if (command.type === 'recordHearingAnswer') return command.channel === 'paper' ? 'officer' : 'neighbour';
  if (command.type === 'recordConsultationAnswer') return 'consultee';
  return officerCommands.includes(command.type) ? 'officer' : 'applicant';
}
const actionOf: Partial<Record<CaseCommandType, CaseAction>> = {
  assign: 'assign',
  requestCompletion: 'requestCompletion',
  extendDeadline: 'extendDeadline',
  confirmProposal: 'confirmProposal',
  returnProposal: 'returnProposal',
  giveStartApproval: 'startApproval',
  startHearing: 'startHearing',
  closeHearing: 'closeHearing',
  writeNote: 'writeNote',
  decideFee: 'decideFee',
  sendConsultation: 'sendConsultation',
  referToCommittee: 'referToCommittee',
  recordCommitteeDecision: 'recordCommitteeDecision',
  withdrawFromAgenda: 'withdrawFromAgenda',
};

/** The refusal of a command the case's state does not allow: closed cases say so, open ones name their state. */
function notNow(state: CaseState): CaseCommandResult {
  if (state.status === 'decided') return refuse('ALREADY_DECIDED');
  if (state.status === 'withdrawn') return refuse('WITHDRAWN');
  return refuse('NOT_ALLOWED_NOW', { status: state.status });
}

const lifecycleOf = (s: CaseState): CaseLifecycleState => ({
  status: s.status,
  procedure: s.procedure,
  outcome: s.outcome,
  replyBy: s.completionRequest?.replyBy ?? null,
  extended: s.clock.extension !== null,
  startApproved: s.startApproved,
  proposalBy: s.proposal?.by.personnummer ?? null,
  hearing: s.hearing ?? null,
  deviation: s.deviation,
  committeeDate: s.proposal?.committee?.date ?? null,
});

const extensionCodes: Record<ExtensionProblem, CaseProblemCode> = {
  alreadyExtended: 'EXTENSION_ALREADY_USED',
  waitingForCompletion: 'EXTENSION_WAITING_FOR_COMPLETION',
  tooLong: 'EXTENSION_TOO_LONG',
  tooLate: 'EXTENSION_TOO_LATE',
};

/**
 * Every change to a case, decided in one place: whether the actor may give this command in the case's state,
 * whether its input holds, and what it changes (columns, events, messages to the applicant, documents to
 * issue). Pure: the server loads the state, stores the change, and renders any document.
 * Checks run in the order a person would want to hear them: rights, state, input, and last a stale version.
 */
export function applyCaseCommand(
  state: CaseState,
  command: CaseCommand,
  actor: CaseActor,
  now: Date,
  ruleSet: RuleSet = ruleSetOfCase(state.clock),
): CaseCommandResult {
  const today = stockholmDate(now);
  if (roleOf(command) !== actor.role) return refuse('WRONG_ROLE');
  if (
    actor.role === 'officer' &&
    (command.type === 'confirmProposal' || command.type === 'returnProposal') &&
    !actor.teamLead
  )
    return refuse('NOT_TEAM_LEAD');
  const action =
    command.type === 'decide' ? (command.outcome === 'dismissed' ? 'dismiss' : 'decide') : actionOf[command.type];
  const allowed = (s: CaseLifecycleState) => [...allowedActions(s, actor as Officer, today), ...recordActions(s)];
  if (actor.role === 'officer' && action && !allowed(lifecycleOf(state)).includes(action)) {
    if (action === 'extendDeadline' && state.clock.extension && isOpen(state.status))
      return refuse('EXTENSION_ALREADY_USED', { path: 'weeks' });
    if (action === 'decide' && hearingRunning(state.hearing) && isOpen(state.status))
      return refuse('HEARING_RUNNING', { path: 'outcome' });
    if (action === 'closeHearing' && hearingRunning(state.hearing) && isOpen(state.status))
      return refuse('HEARING_CLOSE_TOO_EARLY', { replyBy: state.hearing.replyBy });
    return notNow(state);
  }
  const result = changeOf(state, command, actor, now, ruleSet);
  if (result.ok && command.version !== state.version) return refuse('STALE_VERSION', { path: 'version' });
  return result;
}

function changeOf(
  state: CaseState,
  command: CaseCommand,
  actor: CaseActor,
  now: Date,
  ruleSet: RuleSet,
): CaseCommandResult {
  const today = stockholmDate(now);
  switch (command.type) {
    case 'assign':
      if (!command.to) return refuse('ASSIGNEE_NOT_IN_TEAM', { path: 'officer' });
      return change({
        set: { assignedTo: command.to.personnummer, assignedName: command.to.name },
        events: [{ type: 'assigned', data: { to: command.to.personnummer, name: command.to.name, by: actor.name } }],
      });
    case 'requestCompletion': {
      if (command.replyBy <= today) return refuse('REPLY_BY_TOO_EARLY', { path: 'replyBy' });
      if (!isWorkingDay(command.replyBy)) return refuse('REPLY_BY_CLOSED_DAY', { path: 'replyBy' });
      const items = [...new Set(command.items)];
      const text = command.text?.trim() || null;
      const restarts = completionOrderRestarts(state.clock, today, ruleSet);
      return change({
        set: {
          status: 'awaitingCompletion',
          completionRequest: { items, text, replyBy: command.replyBy, issuedAt: now.toISOString() },
          clock: withCompletionOrder(state.clock, today),
        },
        events: [
          { type: 'completionRequested', data: { items, text, replyBy: command.replyBy, restartsClock: restarts } },
        ],
        messages: [
          applicantMessages.completionRequest({
            diaryNumber: state.diaryNumber,
            items,
            text,
            replyBy: command.replyBy,
            restarts,
          }),
        ],
      });
    }
    case 'extendDeadline': {
      const problem = extensionProblem(state.clock, { decidedOn: today, weeks: command.weeks }, now);
      if (problem)
        return refuse(extensionCodes[problem], {
          path: 'weeks',
          maxWeeks: ruleSet.clock.maxExtensionWeeks[state.procedure],
        });
      const clock = { ...state.clock, extension: { decidedOn: today, weeks: command.weeks, reason: command.reason } };
      const deadline = caseClock(clock, now).deadline!;
      return change({
        set: { clock, decisionDeadline: deadline },
        events: [{ type: 'deadlineExtended', data: { weeks: command.weeks, reason: command.reason, deadline } }],
        messages: [
          applicantMessages.extension({
            diaryNumber: state.diaryNumber,
            weeks: command.weeks,
            reason: command.reason,
            deadline,
          }),
        ],
      });
    }
    case 'decide':
      if (command.outcome === 'approved' && state.procedure === 'notification')
        return refuse('NOTIFICATION_ENDS_IN_START_APPROVAL', { path: 'outcome' });
      if (command.outcome !== 'approved' && command.conditions.length > 0)
        return refuse('CONDITIONS_ONLY_ON_APPROVAL', { path: 'conditions' });
      if (committeeGroundsOf(state, command.outcome).length > 0)
        return refuse('COMMITTEE_DECIDES', { path: 'outcome' });
      return decideOrPropose(state, officer(actor), now, command);
    case 'referToCommittee':
      return referToCommittee(state, command, officer(actor), now);
    case 'recordCommitteeDecision':
      return recordCommitteeDecision(state, command, officer(actor));
    case 'withdrawFromAgenda': {
      const referral = state.proposal?.committee;
      if (!referral) return notNow(state);
      return change({
        set: { status: 'received', proposal: null },
        events: [{ type: 'removedFromAgenda', data: { meetingId: referral.meetingId, date: referral.date } }],
        messages: [applicantMessages.committeeWithdrawal({ diaryNumber: state.diaryNumber, date: referral.date })],
      });
    }
    case 'confirmProposal': {
      const p = state.proposal;
      if (!p) return notNow(state);
      return decideOrPropose(
        state,
        officer(actor),
        now,
        { outcome: p.outcome, reason: p.reason, conditions: p.conditions },
        p,
      );
    }
    case 'returnProposal':
      return change({
        set: { status: 'received', proposal: null },
        events: [
          { type: 'proposalReturned', data: { comment: command.comment?.trim() || null, proposal: state.proposal } },
        ],
      });
    case 'giveStartApproval':
      return startApproval(state, officer(actor), now, command.note?.trim() || null);
    case 'answerCompletion':
      return answerCompletion(state, command, now);
    case 'startHearing':
      return startHearing(state, command, actor, now, ruleSet);
    case 'recordHearingAnswer':
      if (!isOpen(state.status)) return notNow(state);
      return recordHearingAnswer(state, command, actor, now);
    case 'closeHearing':
      return closeHearing(state, actor, now);
    case 'withdraw':
      if (!isOpen(state.status)) return notNow(state);
      return change({
        set: { status: 'withdrawn', withdrawnAt: now, completionRequest: null, proposal: null },
        events: [{ type: 'withdrawn', data: {} }],
        messages: [applicantMessages.withdrawn({ diaryNumber: state.diaryNumber })],
      });
    case 'recordDecisionDelivery':
      return recordDelivery(state, command, today);
    case 'writeNote':
      return change({ set: {}, events: [{ type: 'noteWritten', data: { text: command.text.trim() } }] });
    case 'sendConsultation':
      if (command.replyBy <= today) return refuse('REPLY_BY_TOO_EARLY', { path: 'replyBy' });
      if (!isWorkingDay(command.replyBy)) return refuse('REPLY_BY_CLOSED_DAY', { path: 'replyBy' });
      return change({
        set: {},
        events: [
          {
            type: 'consultationSent',
            data: { id: command.consultationId, consultee: command.consultee, replyBy: command.replyBy },
          },
        ],
      });
    case 'recordConsultationAnswer':
      // The remiss informs the decision: once the case is decided or withdrawn it takes no answer.
      if (!isOpen(state.status)) return notNow(state);
      if (command.answered) return refuse('CONSULTATION_ANSWERED');
      return change({
        set: {},
        events: [
          {
            type: 'consultationAnswered',
            data: { id: command.consultationId, consultee: command.consultee, kind: command.kind },
          },
        ],
      });
    case 'decideFee':
      return change({
        set: {},
        events: [{ type: 'feeDecided', data: { totalSEK: command.totalSEK, reason: command.reason.trim() } }],
      });
  }
}

type Officer = Extract<CaseActor, { role: 'officer' }>;
const officer = (actor: CaseActor): Officer => actor as Officer;

/**
 * A decision, or, on a case whose assessment found a deviation from the plan, an officer's proposal that a
 * team lead must confirm (four eyes). A team lead decides directly.
 */
function decideOrPropose(
  state: CaseState,
  by: Officer,
  now: Date,
  d: { outcome: DecisionOutcome; reason: string; conditions: string[] },
  confirming: Proposal | null = null,
): CaseCommandResult {
  // PBL 9 kap. 25 §: sakägare are heard before a deviation is granted (not needed when the lov is plainly refused).
  const unheard = unheardDeviation(state, d.outcome);
  if (unheard) return unheard;
  if (state.deviation && !by.teamLead) {
    const proposal: Proposal = { ...d, by: { personnummer: by.personnummer, name: by.name }, at: now.toISOString() };
    return change({
      set: { status: 'proposed', proposal },
      events: [{ type: 'decisionProposed', data: { outcome: d.outcome, reason: d.reason, conditions: d.conditions } }],
    });
  }
  return decided(state, by, now, d, confirming?.by.name ?? null);
}

/** A hearing-refusal for granting a deviation that was not heard, or null (9 kap. 25 §). */
function unheardDeviation(state: CaseState, outcome: DecisionOutcome): CaseCommandResult | null {
  if (!state.deviation || outcome !== 'approved' || state.hearing?.closedOn) return null;
  return refuse(hearingRunning(state.hearing) ? 'HEARING_RUNNING' : 'HEARING_MISSING', { path: 'outcome' });
}

/**
 * The case decided: by an officer (by delegation, perhaps confirming a colleague's proposal) or, with
 * `committee`, by the board at its meeting, which the officer who proposed it presented.
 */
function decided(
  state: CaseState,
  by: Officer,
  now: Date,
  d: { outcome: DecisionOutcome; reason: string; conditions: string[] },
  proposedBy: string | null,
  committee?: DocumentOrder['committee'] & { meetingId: string },
): CaseCommandResult {
  const clock = withDecision(state.clock, stockholmDate(now));
  return change({
    set: {
      status: 'decided',
      outcome: d.outcome,
      decisionReason: d.reason,
      decisionConditions: d.conditions,
      decidedAt: now,
      decidedBy: by.personnummer,
      decidedByName: committee ? committee.board : by.name,
      proposal: null,
      completionRequest: null,
      clock,
      ...(d.outcome === 'startApproval' ? { startApprovedAt: now } : {}),
    },
    events: [
      {
        type: 'decided',
        data: {
          outcome: d.outcome,
          reason: d.reason,
          conditions: d.conditions,
          feeReduction: caseClock(clock, now).feeReduction,
          ...(proposedBy ? { proposedBy } : {}),
          ...(committee
            ? {
                committee: {
                  meetingId: committee.meetingId,
                  date: committee.meetingDate,
                  paragraph: committee.paragraph,
                },
              }
            : by.teamLead
              ? { byTeamLead: true }
              : {}),
        },
      },
    ],
    messages: [
      applicantMessages.decision({ diaryNumber: state.diaryNumber, outcome: d.outcome, procedure: state.procedure }),
    ],
    documents: [
      {
        kind: 'decision',
        ...d,
        decidedBy: { name: by.name, teamLead: by.teamLead },
        proposedBy,
        ...(committee
          ? {
              committee: { board: committee.board, meetingDate: committee.meetingDate, paragraph: committee.paragraph },
              at: now,
            }
          : {}),
      },
    ],
    announcement: plannedAnnouncement(
      { procedure: state.procedure, outcome: d.outcome },
      stockholmDate(now),
      ruleSetOfCase(state.clock),
    ),
  });
}

/**
 * The proposal put on the agenda of a coming board meeting: required when the delegation order keeps the
 * outcome from officers, allowed for any permit decision the officer finds to be of principle.
 */
function referToCommittee(
  state: CaseState,
  command: Extract<CaseCommand, { type: 'referToCommittee' }>,
  by: Officer,
  now: Date,
): CaseCommandResult {
  if (!command.meeting) return refuse('MEETING_NOT_FOUND', { path: 'meetingId' });
  if (command.meeting.date <= stockholmDate(now)) return refuse('MEETING_PASSED', { path: 'meetingId' });
  if (command.outcome !== 'approved' && command.conditions.length > 0)
    return refuse('CONDITIONS_ONLY_ON_APPROVAL', { path: 'conditions' });
  const unheard = unheardDeviation(state, command.outcome);
  if (unheard) return unheard;
  const own = committeeGroundsOf(state, command.outcome);
  const grounds = own.length > 0 ? own : (['principle'] as const);
  const d = { outcome: command.outcome, reason: command.reason, conditions: command.conditions };
  const proposal: Proposal = {
    ...d,
    by: { personnummer: by.personnummer, name: by.name },
    at: now.toISOString(),
    committee: { meetingId: command.meeting.id, date: command.meeting.date, grounds: [...grounds] },
  };
  return change({
    set: { status: 'proposed', proposal },
    events: [
      {
        type: 'referredToCommittee',
        data: { ...d, meetingId: command.meeting.id, date: command.meeting.date, grounds: [...grounds] },
      },
    ],
    messages: [applicantMessages.committeeReferral({ diaryNumber: state.diaryNumber, date: command.meeting.date })],
  });
}

/** The board's decision recorded from its minutes, on or after the meeting day. */
function recordCommitteeDecision(
  state: CaseState,
  command: Extract<CaseCommand, { type: 'recordCommitteeDecision' }>,
  by: Officer,
): CaseCommandResult {
  const p = state.proposal;
  const referral = p?.committee;
  if (!p || !referral) return notNow(state);
  const paragraph = minutesParagraph(command.paragraph);
  if (!paragraph) return refuse('MINUTES_PARAGRAPH_INVALID', { path: 'paragraph' });
  const reason = command.reason?.trim() || null;
  const meeting = { meetingId: referral.meetingId, date: referral.date, paragraph };
  if (command.outcome === 'returned') {
    if (!reason) return refuse('COMMITTEE_REASON_MISSING', { path: 'reason' });
    return change({
      set: { status: 'received', proposal: null },
      events: [{ type: 'committeeReturned', data: { ...meeting, reason } }],
    });
  }
  // The board may decide otherwise than proposed; then the reason is its own, not the proposal's.
  const asProposed = command.outcome === p.outcome;
  if (!asProposed && !reason) return refuse('COMMITTEE_REASON_MISSING', { path: 'reason' });
  const unheard = unheardDeviation(state, command.outcome);
  if (unheard) return unheard;
  // The board decided at its meeting, not when the minutes were entered: the decision (its date, the clock, any
  // fee reduction for lateness) dates from the meeting day.
  return decided(
    state,
    by,
    reminderSendAt(referral.date, 12),
    {
      outcome: command.outcome,
      reason: reason ?? p.reason,
      conditions: asProposed ? p.conditions : [],
    },
    p.by.name,
    { board: command.board, meetingDate: referral.date, paragraph, meetingId: referral.meetingId },
  );
}

/** "12", "§12" or "§ 12" as the minutes write it: "§ 12"; null for anything else. */
export function minutesParagraph(input: string): string | null {
  const m = /^§?\s*(\d{1,4})$/.exec(input.trim());
  return m && Number(m[1]) > 0 ? `§ ${Number(m[1])}` : null;
}

/** A notification's start approval is its decision; a granted permit's follows it as a document of its own. */
function startApproval(state: CaseState, by: Officer, now: Date, note: string | null): CaseCommandResult {
  if (state.status !== 'decided') {
    const reason = note ?? 'Anmälan är komplett och åtgärden uppfyller kraven för startbesked.';
    return decideOrPropose(state, by, now, { outcome: 'startApproval', reason, conditions: [] });
  }
  const reason = note ?? 'Bygglov har beviljats och förutsättningarna för startbesked är uppfyllda.';
  return change({
    set: { startApprovedAt: now },
    events: [{ type: 'startApproved', data: { note } }],
    messages: [applicantMessages.startApproval({ diaryNumber: state.diaryNumber })],
    documents: [
      {
        kind: 'startApproval',
        outcome: 'startApproval',
        reason,
        conditions: [],
        decidedBy: { name: by.name, teamLead: by.teamLead },
        proposedBy: null,
      },
    ],
  });
}

/**
 * Why the applicant cannot answer (or upload into an answer) now, or null while an order to complete waits for
 * them. Uploads ask it too, so a file and the answer are refused alike.
 */
export function answerRefusal(state: Pick<CaseState, 'status' | 'completionRequest'>): CaseProblem | null {
  if (state.status === 'awaitingCompletion' && state.completionRequest) return null;
  if (state.status === 'decided') return { code: 'ALREADY_DECIDED' };
  if (state.status === 'withdrawn') return { code: 'WITHDRAWN' };
  return { code: 'NOT_AWAITING_COMPLETION' };
}

/** The applicant's answer to an order: every asked-for drawing, or at least a file or a note; the clock follows the law. */
function answerCompletion(
  state: CaseState,
  command: Extract<CaseCommand, { type: 'answerCompletion' }>,
  now: Date,
): CaseCommandResult {
  const refusal = answerRefusal(state);
  if (refusal) return { ok: false, problem: refusal };
  const order = state.completionRequest!;
  const missing = order.items.filter((item) => !command.answerFiles.some((f) => f.type === item));
  if (missing.length > 0) return refuse('COMPLETION_ITEMS_MISSING', { items: missing });
  const note = command.note?.trim() || null;
  if (command.answerFiles.length === 0 && !note) return refuse('COMPLETION_EMPTY', { path: 'note' });
  const facts = withCompletion(state.clock, stockholmDate(now));
  const clock = caseClock(facts, now);
  return change({
    set: {
      status: 'received',
      completionRequest: null,
      clock: facts,
      decisionDeadline: clock.deadline ?? state.decisionDeadline,
      neighbourConsentMissing: state.assessment
        ? neighbourConsentMissing(state.assessment, command.caseFileTypes)
        : state.neighbourConsentMissing,
      neighbourConsentPresent: neighbourConsentPresent(command.caseFileTypes),
      completionUnread: true,
    },
    events: [
      {
        type: 'completed',
        data: {
          attachments: command.answerFiles.map((f) => ({ id: f.id, type: f.type, fileName: f.fileName })),
          note,
          clockRestarted: clock.basis === 'completion',
          deadline: clock.deadline,
        },
      },
    ],
    messages: [applicantMessages.completionReceived({ diaryNumber: state.diaryNumber, deadline: clock.deadline })],
  });
}

// ── Notice and legal force (issue #19) ──────────────────────────────────────────────────────────────────────────
// The announcement itself rides on the decision (CaseChangeSet.announcement); here the officer records a delivery.

/** `delivery`: the record the server found on this case (sent on); the officer names the day it was received. */
type NoticeCommand = Versioned<{
  type: 'recordDecisionDelivery';
  delivery: { id: string; sentOn: string };
  deliveredOn: string;
}>;

function recordDelivery(
  state: CaseState,
  command: Extract<CaseCommand, { type: 'recordDecisionDelivery' }>,
  today: string,
): CaseCommandResult {
  if (state.status !== 'decided') return notNow(state);
  if (command.deliveredOn < command.delivery.sentOn || command.deliveredOn > today)
    return refuse('DELIVERY_DATE_INVALID', { path: 'deliveredOn' });
  return change({
    set: {},
    events: [{ type: 'decisionDelivered', data: { delivery: command.delivery.id, deliveredOn: command.deliveredOn } }],
  });
}

/** The letters go out today: a reply-by day that is a working day at least the rule set's minimum away. */
function startHearing(
  state: CaseState,
  command: Extract<CaseCommand, { type: 'startHearing' }>,
  actor: CaseActor,
  now: Date,
  ruleSet: RuleSet,
): CaseCommandResult {
  const today = stockholmDate(now);
  if (command.parties.length === 0) return refuse('HEARING_NO_PARTIES', { path: 'propertyIds' });
  if (command.replyBy < hearingReplyBounds(today, ruleSet).minReplyBy)
    return refuse('HEARING_REPLY_BY_TOO_EARLY', { path: 'replyBy', minDays: ruleSet.hearing.minReplyDays.value });
  if (!isWorkingDay(command.replyBy)) return refuse('REPLY_BY_CLOSED_DAY', { path: 'replyBy' });
  const hearing: Hearing = {
    startedAt: now.toISOString(),
    startedBy: actor.name,
    replyBy: command.replyBy,
    closedOn: null,
    parties: command.parties.map((p) => ({ ...p, answer: null })),
  };
  const properties = [...new Set(command.parties.map((p) => p.designation))];
  return change({
    set: { hearing },
    events: [
      { type: 'hearingStarted', data: { replyBy: command.replyBy, properties, parties: hearing.parties.length } },
    ],
  });
}

/** One answer per party; a later one replaces the earlier while the hearing runs. */
function recordHearingAnswer(
  state: CaseState,
  command: Extract<CaseCommand, { type: 'recordHearingAnswer' }>,
  actor: CaseActor,
  now: Date,
): CaseCommandResult {
  const today = stockholmDate(now);
  const hearing = state.hearing;
  if (!hearing) return refuse('HEARING_NOT_RUNNING');
  const party = hearing.parties.find((p) => p.id === command.partyId);
  if (!party || (command.channel === 'online' && party.personnummer !== actor.personnummer))
    return refuse('HEARING_NOT_A_PARTY');
  if (!hearingOpenFor(hearing, command.channel, today))
    return refuse(hearing.closedOn ? 'HEARING_CLOSED' : 'HEARING_REPLY_BY_PASSED');
  if (command.channel === 'paper' && (!command.receivedOn || command.receivedOn > today))
    return refuse('HEARING_RECEIVED_ON_INVALID', { path: 'receivedOn' });
  const text = command.text?.trim() || null;
  if (command.kind !== 'noObjection' && !text) return refuse('HEARING_TEXT_MISSING', { path: 'text' });
  const answer = {
    kind: command.kind,
    text,
    channel: command.channel,
    at: now.toISOString(),
    receivedOn: command.channel === 'paper' ? command.receivedOn : null,
    recordedBy: command.channel === 'paper' ? actor.name : null,
  };
  return change({
    set: { hearing: { ...hearing, parties: hearing.parties.map((p) => (p.id === party.id ? { ...p, answer } : p)) } },
    events: [
      {
        type: 'hearingAnswered',
        data: { property: party.designation, kind: command.kind, channel: command.channel, replaced: !!party.answer },
      },
    ],
  });
}

/** On or after the reply-by day, or earlier once all have answered; who did not answer is recorded. */
function closeHearing(state: CaseState, actor: CaseActor, now: Date): CaseCommandResult {
  const hearing = state.hearing;
  const today = stockholmDate(now);
  if (!hearingRunning(hearing)) return refuse('HEARING_NOT_RUNNING');
  if (!hearingMayClose(hearing, today)) return refuse('HEARING_CLOSE_TOO_EARLY', { replyBy: hearing.replyBy });
  const unanswered = hearing.parties.filter((p) => p.answer === null);
  return change({
    set: { hearing: { ...hearing, closedOn: today } },
    events: [
      {
        type: 'hearingClosed',
        data: {
          by: actor.name,
          answered: hearing.parties.length - unanswered.length,
          objections: hearing.parties.filter((p) => p.answer?.kind === 'objection').length,
          notAnswered: unanswered.map((p) => p.designation),
        },
      },
    ],
  });
}
