import { z } from 'zod';
import { ApplicationSubmissionSchema } from '../application';
import { AttachmentInfoSchema, AttachmentTypeSchema } from '../attachment';
import { MeasureTypeSchema } from '../measure';
import type { DomainMessageId } from '../messages/sv';
import { ruleSets } from '../rules/ruleSets';
import { DecisionNoticeSchema } from '../decision/notice';
import { CommitteeGroundSchema } from '../decision/delegation';
import { HearingViewSchema } from './hearing';
import { ConsulteeBodySchema, ConsultationViewSchema } from './consultation';

/**
 * Where a case stands. `received` is "in handling" (also after a completion came back); `awaitingCompletion`
 * waits for the applicant's answer to an order to complete; `proposed` holds an officer's proposed decision
 * until a team lead confirms it (four eyes); `decided` and `withdrawn` are closed.
 */
export const CaseStatusSchema = z.enum(['received', 'awaitingCompletion', 'proposed', 'decided', 'withdrawn']);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const ProcedureSchema = z.enum(['permit', 'notification']);
export type Procedure = z.infer<typeof ProcedureSchema>;

/** approved/refused: the permit (or, for a notification, the refusal of a start approval); dismissed: avvisat (9 kap. 22 §). */
export const DecisionOutcomeSchema = z.enum(['approved', 'refused', 'dismissed', 'startApproval']);
export type DecisionOutcome = z.infer<typeof DecisionOutcomeSchema>;

export const caseStatusLabels: Record<CaseStatus, { sv: string; en: string }> = {
  received: { sv: 'Mottaget – väntar på handläggning', en: 'Received – awaiting review' },
  awaitingCompletion: { sv: 'Väntar på komplettering', en: 'Awaiting completion' },
  proposed: { sv: 'Beslutsförslag – väntar på beslut', en: 'Proposed decision – awaiting decision' },
  decided: { sv: 'Beslutat', en: 'Decided' },
  withdrawn: { sv: 'Återkallat', en: 'Withdrawn' },
};
export const outcomeLabels: Record<DecisionOutcome, { sv: string; en: string }> = {
  approved: { sv: 'Bygglov beviljat', en: 'Permit granted' },
  refused: { sv: 'Bygglov avslaget', en: 'Permit refused' },
  dismissed: { sv: 'Ansökan avvisad', en: 'Application dismissed' },
  startApproval: { sv: 'Startbesked givet', en: 'Start approval given' },
};
/** A notification (anmälan) ends in a start approval or a refusal of it, never in a permit. */
export const notificationOutcomeLabels: Record<DecisionOutcome, { sv: string; en: string }> = {
  ...outcomeLabels,
  approved: { sv: 'Startbesked givet', en: 'Start approval given' },
  refused: { sv: 'Startbesked vägrat', en: 'Start approval refused' },
};

export function outcomeLabel(outcome: DecisionOutcome, procedure: Procedure = 'permit'): { sv: string; en: string } {
  return (procedure === 'notification' ? notificationOutcomeLabels : outcomeLabels)[outcome];
}

/** Diary number, e.g. "BN 2026-000001": unique, sequential per year. */
export const DiaryNumberSchema = z.string().regex(/^BN \d{4}-\d{6}$/);

export function formatDiaryNumber(year: number, sequence: number): string {
  return `BN ${year}-${String(sequence).padStart(6, '0')}`;
}

export const CaseEventTypeSchema = z.enum([
  'received',
  'assessed',
  'routed',
  'assigned',
  'completionRequested',
  'completed',
  'deadlineExtended',
  'decisionProposed',
  'proposalReturned',
  'decided',
  'startApproved',
  'withdrawn',
  'decisionDelivered',
  'hearingStarted',
  'hearingAnswered',
  'hearingClosed',
  // After the permit (issue #21)
  'consultationWaived',
  'consultationSlotsPublished',
  'consultationBooked',
  'consultationHeld',
  'kontrollplanEdited',
  'kontrollplanItemDone',
  'workStarted',
  'siteVisitBooked',
  'siteVisited',
  'slutbeskedRequested',
  'slutbeskedIssued',
  'validityReminderSent',
  'kontrollansvarigNamed',
  // The officer's workbench (issue #22)
  'noteWritten',
  'feeDecided',
  'consultationSent',
  'consultationAnswered',
  // Decisions above delegation: the board decides at a meeting
  'referredToCommittee',
  'committeeReturned',
  'removedFromAgenda',
]);
export type CaseEventType = z.infer<typeof CaseEventTypeSchema>;
/** Events the officers keep among themselves: the applicant's history leaves them out. */
export const internalEventTypes: readonly CaseEventType[] = [
  'assigned',
  'decisionProposed',
  'proposalReturned',
  'hearingAnswered',
  // A tjänsteanteckning is the officers' working record; the fee decision reaches the applicant in the decision.
  'noteWritten',
  'feeDecided',
  // A remiss and its answer are the officers' working material; the applicant may ask for them (partsinsyn).
  'consultationSent',
  'consultationAnswered',
  // The proposal to the board is told the applicant as a message (the meeting day); the proposal itself is internal.
  'referredToCommittee',
  'committeeReturned',
  'removedFromAgenda',
];

export const CaseEventSchema = z.object({
  type: CaseEventTypeSchema,
  at: z.iso.datetime({ offset: true }),
  actor: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;

export const CaseSummarySchema = z.object({
  id: z.uuid(),
  diaryNumber: DiaryNumberSchema,
  propertyDesignation: z.string(),
  measure: MeasureTypeSchema,
  applicantName: z.string(),
  status: CaseStatusSchema,
  outcome: DecisionOutcomeSchema.nullable(),
  teamId: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
  decisionDeadline: z.iso.date(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

/** Optimistic concurrency: every request that changes a case names the version it was read at. */
export const CaseVersionSchema = z.number().int().nonnegative();

/** The statutory clock as the case view shows it (rules/clock.ts statutoryClock, with the facts it ran on). */
export const CaseClockSchema = z.object({
  procedure: ProcedureSchema,
  received: z.iso.date(),
  /** The day the time runs from; null while an order issued in time waits for its answer. */
  startsOn: z.iso.date().nullable(),
  basis: z.enum(['received', 'completion', 'supplement']),
  waitingForCompletion: z.boolean(),
  originalDeadline: z.iso.date().nullable(),
  deadline: z.iso.date().nullable(),
  extension: z.object({ decidedOn: z.iso.date(), weeks: z.number().int(), reason: z.string() }).nullable(),
  extended: z.boolean(),
  daysLeft: z.number().int().nullable(),
  overdueWeeksStarted: z.number().int(),
  /** Share of the fee that falls away (0–1). */
  feeReduction: z.number().min(0).max(1),
  /** Orders to complete: issued, answered; `restarts` when issued within the window (3 weeks of receipt). */
  completionOrders: z.array(
    z.object({ issuedOn: z.iso.date(), completedOn: z.iso.date().nullable(), restarts: z.boolean() }),
  ),
  decidedOn: z.iso.date().nullable(),
});
export type CaseClock = z.infer<typeof CaseClockSchema>;

/** An order to complete that waits for the applicant: what is asked for and by when. */
export const CompletionRequestSchema = z.object({
  items: z.array(AttachmentTypeSchema),
  text: z.string().nullable(),
  replyBy: z.iso.date(),
  issuedAt: z.iso.datetime({ offset: true }),
});
export type CompletionRequest = z.infer<typeof CompletionRequestSchema>;

/** A message to the applicant in Mina ärenden (and, when they gave an e-mail address, in the outbox). */
export const MessageKindSchema = z.enum([
  'receipt',
  'completionRequest',
  'completionReceived',
  'extension',
  'decision',
  'startApproval',
  'withdrawn',
  'consultation',
  'slutbesked',
  'validityReminder',
  'committeeReferral',
]);
export type MessageKind = z.infer<typeof MessageKindSchema>;
export const CaseMessageSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  diaryNumber: DiaryNumberSchema,
  kind: MessageKindSchema,
  subject: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type CaseMessage = z.infer<typeof CaseMessageSchema>;

/** The rules engine's verdict as the `assessed` event keeps it: codes; texts come from findingTemplates. */
export const CaseAssessmentSchema = z.object({
  ruleSetId: z.string(),
  procedure: ProcedureSchema,
  reasons: z.array(z.string()),
  conditions: z.array(z.string()),
  deviation: z.boolean(),
  confirmWithMunicipality: z.boolean(),
  advice: z.array(z.string()),
  /** The findings' texts as the rules engine wrote them on the day, figures included (absent on older cases). */
  texts: z
    .object({
      reasons: z.array(z.object({ sv: z.string(), en: z.string() })),
      conditions: z.array(z.object({ sv: z.string(), en: z.string() })),
      advice: z.array(z.object({ sv: z.string(), en: z.string() })),
      /** The plan rules the measure breaks (the deviation a neighbour hearing is about); absent on older cases. */
      deviations: z.array(z.object({ sv: z.string(), en: z.string() })).optional(),
    })
    .optional(),
  /**
   * The detailed plan's provisions as the rules engine measured the drawing against them at receipt: the table
   * the applicant saw, for the officer (absent on older cases and where no plan applies).
   */
  plan: z
    .object({
      planNumber: z.string().nullable(),
      rules: z.array(
        z.object({
          code: z.string(),
          value: z.union([z.number(), z.string()]),
          limit: z.union([z.number(), z.string()]),
          unit: z.enum(['m²', 'm', '']),
          pass: z.boolean(),
          text: z.object({ sv: z.string(), en: z.string() }),
        }),
      ),
    })
    .optional(),
});
export type CaseAssessment = z.infer<typeof CaseAssessmentSchema>;

/**
 * `decision`: the decision on the application (for a notification, the start approval itself); `startApproval`: a
 * permit's later startbesked; then the slutbesked (or an interim one) and the tekniskt samråd's protocol (issue #21).
 */
export const CaseDocumentKindSchema = z.enum([
  'decision',
  'startApproval',
  'slutbesked',
  'interimSlutbesked',
  'consultationMinutes',
]);
export type CaseDocumentKind = z.infer<typeof CaseDocumentKindSchema>;

export const OfficerRefSchema = z.object({ personnummer: z.string(), name: z.string() });

/** The board meeting a proposal waits for, and why the board decides (the delegation order's grounds). */
export const CommitteeReferralSchema = z.object({
  meetingId: z.uuid(),
  date: z.iso.date(),
  grounds: z.array(CommitteeGroundSchema),
});
export type CommitteeReferral = z.infer<typeof CommitteeReferralSchema>;

export const ProposalSchema = z.object({
  outcome: DecisionOutcomeSchema,
  reason: z.string(),
  conditions: z.array(z.string()),
  by: OfficerRefSchema,
  at: z.iso.datetime({ offset: true }),
  /** Present when the proposal goes to the board's meeting instead of a team lead (above delegation). */
  committee: CommitteeReferralSchema.nullable().optional(),
});
export type Proposal = z.infer<typeof ProposalSchema>;

export const CaseActionSchema = z.enum([
  'assign',
  'requestCompletion',
  'extendDeadline',
  'decide',
  'dismiss',
  'confirmProposal',
  'returnProposal',
  'startApproval',
  'startHearing',
  'recordHearingAnswer',
  'closeHearing',
  'writeNote',
  'decideFee',
  'sendConsultation',
  'referToCommittee',
  'recordCommitteeDecision',
  'withdrawFromAgenda',
]);
export type CaseAction = z.infer<typeof CaseActionSchema>;

export const DecidableOutcomeSchema = z.enum(['approved', 'refused', 'dismissed']);
export type DecidableOutcome = z.infer<typeof DecidableOutcomeSchema>;

/** What a view may offer for a case and with which bounds: the console holds no rule number of its own. */
export const CaseCommandLimitsSchema = z.object({
  actions: z.array(CaseActionSchema),
  decision: z
    .object({
      /** An officer's decision on a case that deviates from the plan is a proposal a team lead confirms. */
      proposes: z.boolean(),
      outcomes: z.array(DecidableOutcomeSchema),
      reasonMinLength: z.number().int(),
      /** A deviation not yet heard (PBL 9 kap. 25 §): it may be refused, and granted only after a hearing. */
      hearingNeeded: z.boolean(),
      /** Per outcome, why only the board may decide it (empty: an officer may); such an outcome is referred. */
      committeeGrounds: z.object({ approved: z.array(CommitteeGroundSchema), refused: z.array(CommitteeGroundSchema) }),
      /** The officer may put the case before the board even when delegated (a matter of principle). */
      mayRefer: z.boolean(),
    })
    .nullable(),
  /** A proposal waiting for the board: the meeting, and whether its decision may be recorded (the day has come). */
  committee: z.object({ date: z.iso.date(), mayRecord: z.boolean() }).nullable(),
  completion: z
    .object({
      /** The earliest reply-by day (tomorrow), and the one offered first. */
      minReplyBy: z.iso.date(),
      defaultReplyBy: z.iso.date(),
      /** Whether an order issued today restarts the clock from the answer. */
      restartsClock: z.boolean(),
      /** The last day an order restarts the clock. */
      lastDayThatRestarts: z.iso.date(),
    })
    .nullable(),
  extension: z
    .object({ maxWeeks: z.number().int(), defaultWeeks: z.number().int(), reasonMinLength: z.number().int() })
    .nullable(),
  /** The neighbour hearing's reply-by bounds (working days; the minimum is a rule-set value the law leaves open). */
  hearing: z
    .object({
      minReplyBy: z.iso.date(),
      defaultReplyBy: z.iso.date(),
      minReplyDays: z.number().int(),
      uncertain: z.boolean(),
    })
    .nullable(),
  /** For a notification the start approval is the decision itself (and may be proposed, like one). */
  startApproval: z.object({ decidesCase: z.boolean(), proposes: z.boolean() }).nullable(),
});
export type CaseCommandLimits = z.infer<typeof CaseCommandLimitsSchema>;

/** The officer's fee decision: the amount the decision charges instead of the schedule's sum, and why. */
export const FeeDecisionSchema = z.object({
  totalSEK: z.number().int().nonnegative(),
  reason: z.string(),
  by: z.string(),
  at: z.iso.datetime({ offset: true }),
});
export type FeeDecision = z.infer<typeof FeeDecisionSchema>;

export const CaseFeeSchema = z.object({
  /** The schedule (taxa) lines for this case's procedure, measure, area and deviation. */
  lines: z.array(z.object({ code: z.string(), label: z.object({ sv: z.string(), en: z.string() }), sek: z.number() })),
  scheduleTotalSEK: z.number(),
  decision: FeeDecisionSchema.nullable(),
  /** The decision's own sum before any reduction: the officer's amount when they decided one, else the schedule's. */
  totalSEK: z.number(),
  /** Share that falls away for a late decision (12 kap. 8 a §), as if decided today. */
  reduction: z.number().min(0).max(1),
  payableSEK: z.number(),
  schedule: z.object({ sv: z.string(), en: z.string() }),
  example: z.boolean(),
  /** The neighbours priced (a deviation's hearing is charged per party). */
  neighbours: z.number().int().nonnegative(),
  areaM2: z.number(),
});
export type CaseFee = z.infer<typeof CaseFeeSchema>;

export const CaseNoteSchema = z.object({ at: z.iso.datetime({ offset: true }), by: z.string(), text: z.string() });
export type CaseNote = z.infer<typeof CaseNoteSchema>;

/** What only the officer's face carries: the applicant's identity, the assessment, assignment and four eyes. */
export const OfficerCaseViewSchema = z.object({
  applicant: z.object({
    name: z.string(),
    /** "YYYYMMDD-****" masked but for the last four digits. */
    personnummer: z.string(),
    /** Never given for a protected identity (and then indistinguishable from a person without an address). */
    address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }).nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    /**
     * When a signatory applied for an organisation (issue #20): it is the applicant (name and address are then
     * its own), and the personnummer above is the signatory's who sent it, named here.
     */
    organisation: z.object({ orgnr: z.string(), signatoryName: z.string().nullable() }).nullable().optional(),
  }),
  assessment: CaseAssessmentSchema.nullable(),
  routingReason: z.string().nullable(),
  assignedTo: OfficerRefSchema.nullable(),
  neighbourConsentMissing: z.boolean(),
  proposal: ProposalSchema.nullable(),
  /** What the signed-in officer may do now (lifecycle × role): the console shows these and no others. */
  actions: z.array(CaseActionSchema),
  /** The bounds of each action's form (reply-by days, extension weeks, outcomes, four eyes). */
  limits: CaseCommandLimitsSchema,
  /** The team's officers, for "assign to colleague". */
  colleagues: z.array(OfficerRefSchema.extend({ role: z.enum(['officer', 'teamLead']) })),
  viewerIsTeamLead: z.boolean(),
  /** The neighbour hearing (PBL 9 kap. 25 §) with every party's letter and answer; null when none was started. */
  hearing: HearingViewSchema.nullable(),
  /** The fee the decision will state: the schedule's lines, any fee decision of the officer's, the late reduction. */
  fee: CaseFeeSchema.nullable(),
  /** The tjänsteanteckningar, oldest first. */
  notes: z.array(CaseNoteSchema),
  /** The remisser sent, oldest first, with their answers. */
  consultations: z.array(ConsultationViewSchema),
  /** The reply-by bounds for a new remiss (working days); null when none may be sent now. */
  consultationLimits: z.object({ minReplyBy: z.iso.date(), defaultReplyBy: z.iso.date() }).nullable(),
  /** Bodies the site's findings suggest a remiss to (shore, railway, cultural heritage …), with why. */
  suggestedConsultees: z.array(ConsulteeBodySchema),
  /** Every body the municipality sends remisser to, with its address where configured (municipality.json). */
  consulteeBodies: z.array(ConsulteeBodySchema),
});
export type OfficerCaseView = z.infer<typeof OfficerCaseViewSchema>;

export const CaseDetailSchema = CaseSummarySchema.extend({
  application: ApplicationSubmissionSchema,
  propertyId: z.uuid(),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
  decisionReason: z.string().nullable(),
  /** The drawings and documents that came with the application, and those sent in answer to an order. */
  attachments: z.array(AttachmentInfoSchema),
  events: z.array(CaseEventSchema),
  version: CaseVersionSchema,
  procedure: ProcedureSchema,
  deviation: z.boolean(),
  clock: CaseClockSchema,
  completionRequest: CompletionRequestSchema.nullable(),
  decisionConditions: z.array(z.string()),
  decidedByName: z.string().nullable(),
  startApprovedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Documents the municipality issued (PDF): `GET …/cases/:id/documents/:kind`. */
  documents: z.array(
    z.object({ kind: CaseDocumentKindSchema, fileName: z.string(), createdAt: z.iso.datetime({ offset: true }) }),
  ),
  messages: z.array(CaseMessageSchema),
  /** Kungörelse, deliveries and the legal-force dates; null before a decision. The applicant's face shows only their own delivery. */
  notice: DecisionNoticeSchema.nullable(),
  /** Present on the officer's face only. */
  officer: OfficerCaseViewSchema.optional(),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

/** The shortest reason a decision or an extension may give: a word or two is no reason. */
export const REASON_MIN_LENGTH = 5;

/**
 * A zod message that is a message id (messages/sv.ts, `form.*`): the server's validation answer and
 * react-hook-form both carry it through, so each face says it in its own language. The texts take no
 * parameters, since the server's answer fills none.
 */
const id = (messageId: DomainMessageId) => messageId;

/** Conditions of a permit: one per line, as the officer writes them. */
const ConditionsSchema = z
  .array(z.string().trim().min(2, id('form.conditions.tooShort')).max(1000, id('form.conditions.tooLong')))
  .max(20, id('form.conditions.tooMany'));

export const DecisionInputSchema = z.object({
  outcome: z.enum(DecidableOutcomeSchema.options, { error: id('form.outcome.required') }),
  reason: z
    .string({ error: id('form.decision.reason.tooShort') })
    .trim()
    .min(REASON_MIN_LENGTH, id('form.decision.reason.tooShort'))
    .max(4000, id('form.decision.reason.tooLong')),
  conditions: ConditionsSchema.optional(),
  /** The case version the decision was made on: a decision on a case someone changed since is a 409. */
  version: CaseVersionSchema,
});
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

/** A proposal put before the board's meeting (above delegation, or a matter of principle). */
export const CommitteeReferralInputSchema = z.object({
  outcome: z.enum(['approved', 'refused'], { error: id('form.outcome.required') }),
  reason: DecisionInputSchema.shape.reason,
  conditions: ConditionsSchema.optional(),
  meetingId: z.uuid({ error: id('form.meeting.required') }),
  version: CaseVersionSchema,
});
export type CommitteeReferralInput = z.infer<typeof CommitteeReferralInputSchema>;

/** The board's decision as its minutes say: the outcome (or återremiss), the paragraph, and its own reason if any. */
export const CommitteeDecisionInputSchema = z.object({
  outcome: z.enum(['approved', 'refused', 'returned'], { error: id('form.committeeOutcome.required') }),
  paragraph: z
    .string({ error: id('case.problem.MINUTES_PARAGRAPH_INVALID') })
    .trim()
    .max(10),
  reason: z.string().trim().max(4000, id('form.decision.reason.tooLong')).optional(),
  version: CaseVersionSchema,
});
export type CommitteeDecisionInput = z.infer<typeof CommitteeDecisionInputSchema>;

/** A meeting of the board, put in the calendar by a team lead. */
export const CommitteeMeetingInputSchema = z.object({ date: z.iso.date({ error: id('form.meeting.date') }) });
export type CommitteeMeetingInput = z.infer<typeof CommitteeMeetingInputSchema>;

export const AssignInputSchema = z.object({
  version: CaseVersionSchema,
  /** A colleague of the same team; omitted: the signed-in officer ("assign to me"). */
  officer: z
    .string({ error: id('form.officer.required') })
    .regex(/^\d{12}$/, id('form.officer.required'))
    .optional(),
});
export type AssignInput = z.infer<typeof AssignInputSchema>;

/** An order to complete before its "something must be asked for" rule: forms derive from this (zod refuses `.omit` on a refined object). */
export const CompletionRequestFieldsSchema = z.object({
  version: CaseVersionSchema,
  /** Drawing and document types that are missing. */
  items: z.array(AttachmentTypeSchema).max(6, id('form.completion.tooManyItems')).optional(),
  text: z.string().trim().max(2000, id('form.completion.text.tooLong')).optional(),
  replyBy: z.iso.date({ error: id('form.replyBy.invalid') }),
});
/** An order must ask for something: a document or a few words of what is missing. */
export const completionRequestAsksForSomething = (v: {
  items?: readonly string[] | undefined;
  text?: string | undefined;
}) => (v.items?.length ?? 0) > 0 || (v.text?.length ?? 0) > 0;
/** Where an empty order is reported (beside the document choices), and with which message. */
export const completionRequestEmptyIssue = { message: id('form.completion.empty'), path: ['items'] };
export const CompletionRequestInputSchema = CompletionRequestFieldsSchema.refine(
  completionRequestAsksForSomething,
  completionRequestEmptyIssue,
);
export type CompletionRequestInput = z.infer<typeof CompletionRequestInputSchema>;

/**
 * The longest extension any rule set allows, for any procedure: the bound on what the API takes at all. The
 * case's own limit (its rule set and procedure) is the command's to apply (case/limits.ts), and the form's.
 */
const LONGEST_EXTENSION_WEEKS = Math.max(
  ...ruleSets.flatMap((r) => [r.clock.maxExtensionWeeks.permit, r.clock.maxExtensionWeeks.notification]),
);

export const ExtensionInputSchema = z.object({
  version: CaseVersionSchema,
  weeks: z
    .number({ error: id('form.weeks.invalid') })
    .int(id('form.weeks.invalid'))
    .min(1, id('form.weeks.tooFew'))
    .max(LONGEST_EXTENSION_WEEKS, id('form.weeks.tooMany')),
  reason: z
    .string({ error: id('form.extension.reason.tooShort') })
    .trim()
    .min(REASON_MIN_LENGTH, id('form.extension.reason.tooShort'))
    .max(2000, id('form.extension.reason.tooLong')),
});
export type ExtensionInput = z.infer<typeof ExtensionInputSchema>;

/** Above it an amount is a typing mistake, not a building-permit fee. */
export const MAX_FEE_SEK = 10_000_000;

export const FeeDecisionInputSchema = z.object({
  version: CaseVersionSchema,
  totalSEK: z
    .number({ error: id('form.fee.invalid') })
    .int(id('form.fee.invalid'))
    .min(0, id('form.fee.invalid'))
    .max(MAX_FEE_SEK, id('form.fee.tooLarge')),
  reason: z
    .string({ error: id('form.fee.reason.tooShort') })
    .trim()
    .min(REASON_MIN_LENGTH, id('form.fee.reason.tooShort'))
    .max(2000, id('form.fee.reason.tooLong')),
});
export type FeeDecisionInput = z.infer<typeof FeeDecisionInputSchema>;

export const NoteInputSchema = z.object({
  version: CaseVersionSchema,
  text: z
    .string({ error: id('form.note.empty') })
    .trim()
    .min(1, id('form.note.empty'))
    .max(8000, id('form.note.tooLong')),
});
export type NoteInput = z.infer<typeof NoteInputSchema>;

export const ProposalActionInputSchema = z.object({
  version: CaseVersionSchema,
  comment: z.string().trim().max(2000, id('form.comment.tooLong')).optional(),
});
export type ProposalActionInput = z.infer<typeof ProposalActionInputSchema>;

export const StartApprovalInputSchema = z.object({
  version: CaseVersionSchema,
  note: z.string().trim().max(2000, id('form.startNote.tooLong')).optional(),
});
export type StartApprovalInput = z.infer<typeof StartApprovalInputSchema>;

export const CompletionAnswerInputSchema = z.object({
  version: CaseVersionSchema,
  note: z.string().trim().max(2000, id('form.answerNote.tooLong')).optional(),
});
export type CompletionAnswerInput = z.infer<typeof CompletionAnswerInputSchema>;

export const WithdrawInputSchema = z.object({ version: CaseVersionSchema });

/** The officer records the day a party was served the decision (delgivet). */
export const DeliveryInputSchema = z.object({
  version: CaseVersionSchema,
  deliveryId: z.uuid(),
  deliveredOn: z.iso.date({ error: id('form.replyBy.invalid') }),
});
export type DeliveryInput = z.infer<typeof DeliveryInputSchema>;

/** Cases that can still change. */
export const openStatuses: readonly CaseStatus[] = ['received', 'awaitingCompletion', 'proposed'];
export const isOpen = (status: CaseStatus) => openStatuses.includes(status);

/** "Mina ärenden": a case as its applicant follows it, with the expected decision date. */
export const MyCaseSummarySchema = CaseSummarySchema.extend({
  procedure: ProcedureSchema,
  version: CaseVersionSchema,
  /** The statutory deadline; null while the clock waits for a completion. */
  expectedDecisionDate: z.iso.date().nullable(),
  awaitingMyAnswer: z.boolean(),
  /** The reply-by day of a running neighbour hearing ("Grannar hörs t.o.m."), else null. */
  hearingUntil: z.iso.date().nullable(),
});
export type MyCaseSummary = z.infer<typeof MyCaseSummarySchema>;

export const OutboxEntrySchema = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  /** `recorded`: no mail server is configured; otherwise queued → sent, or retrying → failed. */
  status: z.enum(['recorded', 'queued', 'sent', 'retrying', 'failed']),
  attempts: z.number().int().min(0),
  /** The mail server's reply to the last failed attempt. */
  lastError: z.string().nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

/** A personnummer with everything but the last four digits masked: "********-1234". */
export function maskPersonnummer(pnr: string): string {
  const digits = pnr.replace(/\D/g, '');
  return `********-${digits.slice(-4)}`;
}
