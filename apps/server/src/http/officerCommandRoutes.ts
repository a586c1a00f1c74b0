import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AssignInputSchema,
  CommitteeDecisionInputSchema,
  CommitteeReferralInputSchema,
  CompletionRequestInputSchema,
  DecisionInputSchema,
  DeliveryInputSchema,
  ExtensionInputSchema,
  FeeDecisionInputSchema,
  NoteInputSchema,
  ProposalActionInputSchema,
  StartApprovalInputSchema,
  HearingCloseInputSchema,
  HearingPaperAnswerInputSchema,
  type CaseCommand,
} from '@lovisa/domain';
import type { SessionUser } from '../plugins/session';
import type { CaseRow } from '../repositories/cases';
import { teamMember } from '../repositories/officers';
import { deliveryOf } from '../services/decisionNotice';
import { meetingRef } from '../services/committee';

interface CommandRoute<S extends z.ZodType> {
  path: string;
  summary: string;
  body: S;
  /** The domain command the request asks for; what it needs from the database is looked up here. */
  command(
    input: z.infer<S>,
    ctx: { app: FastifyInstance; user: SessionUser; row: CaseRow },
  ): CaseCommand | Promise<CaseCommand>;
  /** Offers `…/preview`: the PDF the command would issue, before it is issued. */
  preview?: true;
}
const route = <S extends z.ZodType>(r: CommandRoute<S>) => r as unknown as CommandRoute<z.ZodType>;

/** Every officer action on a case: a request body in, one domain command through runCaseCommand, the case out. */
export const commandRoutes = [
  route({
    path: 'assign',
    summary: 'Assign the case to me, or to a colleague of my team',
    body: AssignInputSchema,
    command: async (b, { app, user, row }) => {
      const to = await teamMember(app.db, row.teamId, b.officer ?? user.personnummer);
      return { type: 'assign', version: b.version, to: to && { personnummer: to.personnummer, name: to.name } };
    },
  }),
  route({
    path: 'completion-request',
    summary: 'Order the applicant to complete the application (missing drawings and/or free text, a reply-by date)',
    body: CompletionRequestInputSchema,
    command: (b) => ({
      type: 'requestCompletion',
      version: b.version,
      items: b.items ?? [],
      text: b.text ?? null,
      replyBy: b.replyBy,
    }),
  }),
  route({
    path: 'extension',
    summary:
      'Extend the decision deadline, once, with a reason, before it passes (at most what the law allows: 10 weeks, 4 for a notification)',
    body: ExtensionInputSchema,
    command: (b) => ({ type: 'extendDeadline', version: b.version, weeks: b.weeks, reason: b.reason }),
  }),
  route({
    path: 'decision',
    summary:
      'Approve (with conditions), refuse (with reasons) or dismiss (after an ignored order to complete). On a case that deviates from the plan an officer proposes and a team lead confirms.',
    body: DecisionInputSchema,
    preview: true,
    command: (b) => ({
      type: 'decide',
      version: b.version,
      outcome: b.outcome,
      reason: b.reason,
      conditions: b.conditions ?? [],
    }),
  }),
  route({
    path: 'committee-referral',
    summary:
      'Put the proposed decision on the agenda of a coming board meeting: required when the delegation order keeps it from officers, allowed for a matter of principle',
    body: CommitteeReferralInputSchema,
    command: async (b, { app }) => ({
      type: 'referToCommittee',
      version: b.version,
      outcome: b.outcome,
      reason: b.reason,
      conditions: b.conditions ?? [],
      meeting: await meetingRef(app.db, b.meetingId),
    }),
  }),
  route({
    path: 'committee-decision',
    summary:
      "Record the board's decision from its minutes (on or after the meeting day): as proposed, the other outcome with the board's reason, or återremiss",
    body: CommitteeDecisionInputSchema,
    preview: true,
    command: (b, { app }) => ({
      type: 'recordCommitteeDecision',
      version: b.version,
      outcome: b.outcome,
      paragraph: b.paragraph,
      reason: b.reason ?? null,
      board: app.config.municipality.board,
    }),
  }),
  route({
    path: 'committee-withdrawal',
    summary: "Take the proposal off the board meeting's agenda before the meeting (cancelled, moved, or the wrong one)",
    body: ProposalActionInputSchema,
    command: (b) => ({ type: 'withdrawFromAgenda', version: b.version }),
  }),
  route({
    path: 'proposal/confirm',
    summary: "A team lead confirms an officer's proposed decision (four eyes): the decision is made",
    body: ProposalActionInputSchema,
    preview: true,
    command: (b) => ({ type: 'confirmProposal', version: b.version }),
  }),
  route({
    path: 'proposal/return',
    summary: 'A team lead sends a proposed decision back to the officer, with a comment',
    body: ProposalActionInputSchema,
    command: (b) => ({ type: 'returnProposal', version: b.version, comment: b.comment ?? null }),
  }),
  route({
    path: 'start-approval',
    summary: 'Give the start approval (startbesked): it decides a notification, or follows a granted permit',
    body: StartApprovalInputSchema,
    preview: true,
    command: (b) => ({ type: 'giveStartApproval', version: b.version, note: b.note ?? null }),
  }),
  route({
    path: 'delivery',
    summary: 'Record the day a party received the decision (delgivet): legal force waits for every service',
    body: DeliveryInputSchema,
    command: async (b, { app, row }) => ({
      type: 'recordDecisionDelivery',
      version: b.version,
      delivery: await deliveryOf(app.db, row.id, b.deliveryId),
      deliveredOn: b.deliveredOn,
    }),
  }),
  route({
    path: 'hearing/answers',
    summary: "Register a party's answer to the neighbour hearing that came on paper, with the day it arrived",
    body: HearingPaperAnswerInputSchema,
    command: (b) => ({ ...b, type: 'recordHearingAnswer', text: b.text ?? null, channel: 'paper' }),
  }),
  route({
    path: 'notes',
    summary: 'Write a tjänsteanteckning: a note kept with the case for the officers (not shown to the applicant)',
    body: NoteInputSchema,
    command: (b) => ({ type: 'writeNote', version: b.version, text: b.text }),
  }),
  route({
    path: 'fee',
    summary:
      "Decide the fee the decision charges instead of the schedule's sum, with the reason (before a decision is proposed)",
    body: FeeDecisionInputSchema,
    command: (b) => ({ type: 'decideFee', version: b.version, totalSEK: b.totalSEK, reason: b.reason }),
  }),
  route({
    path: 'hearing/close',
    summary: 'Close the neighbour hearing: on or after its reply-by day, or earlier once every party has answered',
    body: HearingCloseInputSchema,
    command: (b) => ({ type: 'closeHearing', version: b.version }),
  }),
];
